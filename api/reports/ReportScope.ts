import { localDate, localInstant } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import type { Agency, AgencyLevel } from '../catalogue/types.js';
import type { Actor } from '../dossiers/index.js';
import { AppError, type FieldError } from '../errors.js';

/** A report period: local dates, both ends included. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/** What a report covers, already checked against who asks. */
export interface ReportScope {
  /** The unit asked for (the caller's own by default). */
  readonly unit: Agency;
  readonly includeChildren: boolean;
  readonly level: AgencyLevel | null;
  readonly procedure: string | null;
  readonly field: string | null;
  /** The receiving units counted. */
  readonly agencyIds: readonly string[];
  /** The procedures counted, or null for all. */
  readonly procedureCodes: readonly string[] | null;
}

export interface ScopeInput {
  readonly unit?: string | undefined;
  readonly includeChildren?: string | undefined;
  readonly level?: string | undefined;
  readonly procedure?: string | undefined;
  readonly field?: string | undefined;
}

const LEVELS: readonly AgencyLevel[] = ['province', 'district', 'commune'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Longest period a report may span, so a typo cannot ask for centuries. */
export const MAX_PERIOD_DAYS = 366 * 5;

/**
 * The period of a request: `from` and `to` (YYYY-MM-DD), or `period` as a year
 * (`2026`), a quarter (`2026-Q1`) or a month (`2026-03`).
 */
export function parsePeriod(input: { from?: string | undefined; to?: string | undefined; period?: string | undefined }): Period {
  const errors: FieldError[] = [];
  let from = input.from;
  let to = input.to;
  if (input.period !== undefined && input.period !== '') {
    const named = namedPeriod(input.period);
    if (!named) {
      throw new AppError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ.', {
        fields: [{ path: '/period', message: 'Kỳ báo cáo phải là năm (2026), quý (2026-Q1) hoặc tháng (2026-03).' }],
      });
    }
    ({ from, to } = named);
  }
  if (!from || !isDate(from)) errors.push({ path: '/from', message: 'Ngày bắt đầu phải có dạng YYYY-MM-DD.' });
  if (!to || !isDate(to)) errors.push({ path: '/to', message: 'Ngày kết thúc phải có dạng YYYY-MM-DD.' });
  if (errors.length === 0 && from! > to!) errors.push({ path: '/to', message: 'Ngày kết thúc phải không trước ngày bắt đầu.' });
  if (errors.length === 0 && daysBetween(from!, to!) > MAX_PERIOD_DAYS) errors.push({ path: '/to', message: 'Kỳ báo cáo dài tối đa 5 năm.' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Kỳ báo cáo không hợp lệ.', { fields: errors });
  return { from: from!, to: to! };
}

function namedPeriod(text: string): Period | undefined {
  let match = /^(\d{4})$/.exec(text);
  if (match) return { from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (match) {
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { from: `${match[1]}-${pad(first)}-01`, to: lastDayOf(Number(match[1]), first + 2) };
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { from: `${match[1]}-${match[2]}-01`, to: lastDayOf(Number(match[1]), Number(match[2])) };
  return undefined;
}

function lastDayOf(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The report date D: the period's last day, or today while the period runs. */
export function reportDate(period: Period, now: Date, utcOffsetMinutes: number): string {
  const today = localDate(now, utcOffsetMinutes);
  return period.to < today ? period.to : today;
}

/** The first instant after local date `day` ends. */
export function endOfLocalDay(day: string, utcOffsetMinutes: number): Date {
  return new Date(startOfLocalDay(day, utcOffsetMinutes).getTime() + 86_400_000);
}

export function startOfLocalDay(day: string, utcOffsetMinutes: number): Date {
  return localInstant(day, '00:00', utcOffsetMinutes);
}

/**
 * Which units a person may report on: auditors their agency and everything
 * below it (all units without an agency), leaders their own unit and below,
 * administrators everything. Anyone else may not read reports.
 */
export function reportableRoot(actor: Actor, catalogue: Catalogue): Agency | 'all' {
  if (actor.kind === 'admin') return 'all';
  if (actor.kind === 'auditor') return actor.agencyId ? catalogue.requireAgency(actor.agencyId) : 'all';
  if (actor.kind === 'officer' && actor.roles.includes('leader') && actor.agencyId) return catalogue.requireAgency(actor.agencyId);
  throw new AppError('FORBIDDEN', 'Chỉ kiểm tra viên và lãnh đạo đơn vị được xem báo cáo.');
}

/** Resolve and authorise the scope of a report request. */
export function resolveScope(actor: Actor, catalogue: Catalogue, input: ScopeInput): ReportScope {
  const root = reportableRoot(actor, catalogue);
  const rootAgency = root === 'all' ? topAgency(catalogue) : root;
  const unit = input.unit ? catalogue.agency(input.unit) : rootAgency;
  if (!unit) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị «${input.unit}».`);
  if (root !== 'all' && !catalogue.subtree(root.id).includes(unit.id)) {
    throw new AppError('FORBIDDEN', `Bạn chỉ xem được báo cáo của «${root.name}» và các đơn vị trực thuộc.`);
  }
  const includeChildren = parseBoolean(input.includeChildren, true, '/includeChildren');
  const level = input.level ? parseLevel(input.level) : null;
  let agencies = includeChildren ? catalogue.subtree(unit.id) : [unit.id];
  if (level) agencies = agencies.filter((id) => catalogue.agency(id)?.level === level);

  const procedure = input.procedure || null;
  const field = input.field || null;
  let procedureCodes: string[] | null = null;
  if (procedure) {
    catalogue.requireProcedure(procedure);
    procedureCodes = [procedure];
  }
  if (field) {
    const inField = catalogue.listProcedures().filter((p) => p.metadata.field === field).map((p) => p.code);
    if (inField.length === 0) throw new AppError('NOT_FOUND', `Không có thủ tục nào thuộc lĩnh vực «${field}».`);
    procedureCodes = procedureCodes ? procedureCodes.filter((code) => inField.includes(code)) : inField;
  }
  return { unit, includeChildren, level, procedure, field, agencyIds: agencies, procedureCodes };
}

function topAgency(catalogue: Catalogue): Agency {
  const top = catalogue.listAgencies().find((a) => a.parentId === null);
  if (!top) throw new AppError('NOT_FOUND', 'Chưa có cây đơn vị.');
  return top;
}

function parseLevel(text: string): AgencyLevel {
  if ((LEVELS as readonly string[]).includes(text)) return text as AgencyLevel;
  throw new AppError('VALIDATION_FAILED', 'Cấp đơn vị không hợp lệ.', {
    fields: [{ path: '/level', message: 'Cấp đơn vị phải là province, district hoặc commune.' }],
  });
}

export function parseBoolean(text: string | undefined, fallback: boolean, path: string): boolean {
  if (text === undefined || text === '') return fallback;
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw new AppError('VALIDATION_FAILED', 'Tham số không hợp lệ.', { fields: [{ path, message: 'Giá trị phải là true hoặc false.' }] });
}

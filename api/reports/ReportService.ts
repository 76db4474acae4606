import type { Clock, Db, WorkingCalendar } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import type { Actor } from '../dossiers/index.js';
import { AppError } from '../errors.js';
import type { ApologyDuePolicy } from './classification.js';
import { indicators766, type Indicators766 } from './indicators766.js';
import { latenessReport, responsibleSteps, type LatenessReport, type ResponsibleStep } from './lateness.js';
import { ON_TIME_GROUPINGS, onTimeSeries, type OnTimeGrouping, type OnTimeSeries } from './onTime.js';
import { cellDossiers, GROUPINGS, report06a, type CellDossier, type Column06a, type Grouping, type Report06a, type ReportRequest } from './report06a.js';
import { parsePeriod, reportDate, resolveScope, type ScopeInput } from './ReportScope.js';

export interface ReportInput extends ScopeInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly period?: string | undefined;
  readonly groupBy?: string | undefined;
}

export interface OnTimeInput extends ReportInput {
  readonly by?: string | undefined;
}

export interface CellInput extends ReportInput {
  readonly column?: string | undefined;
  readonly row?: string | undefined;
  readonly limit?: number;
  readonly offset?: number;
}

export interface CellDossierWithSteps extends CellDossier {
  /** For a late dossier, the steps that finished after their own due date or are still open past it. */
  readonly lateSteps: readonly ResponsibleStep[];
}

export interface ReportServiceOptions {
  readonly db: Db;
  readonly calendar: WorkingCalendar;
  readonly clock: Clock;
  catalogue(): Catalogue;
  /** Which due date judges a dossier after an apology (DOMAIN.md §3); the original by default. */
  readonly apologyDue: ApologyDuePolicy;
}

/** The auditors' reports: 06a with drill-down, lateness by step and unit, Decision 766 indicators. */
export class ReportService {
  constructor(private readonly options: ReportServiceOptions) {}

  async report06a(actor: Actor, input: ReportInput): Promise<Report06a> {
    const request = this.request(actor, input);
    return report06a(this.options.db, this.options.catalogue(), request, parseGrouping(input.groupBy));
  }

  async cell(actor: Actor, input: CellInput): Promise<{ column: Column06a; row: string | null; total: number; dossiers: CellDossierWithSteps[] }> {
    const request = this.request(actor, input);
    const catalogue = this.options.catalogue();
    if (!input.column) {
      throw new AppError('VALIDATION_FAILED', 'Thiếu cột cần xem.', { fields: [{ path: '/column', message: 'Hãy chọn cột của báo cáo 06a.' }] });
    }
    const page = await cellDossiers(
      this.options.db,
      catalogue,
      request,
      { column: input.column as Column06a, groupBy: parseGrouping(input.groupBy), rowKey: input.row || undefined },
      { limit: input.limit ?? 50, offset: input.offset ?? 0 },
    );
    const { ids } = page;
    const late = page.dossiers.filter((d) => d.timing === 'late').map((d) => ids.get(d.code)!);
    const steps = await responsibleSteps(this.options.db, catalogue, this.options.calendar.workingHoursBetween, late, this.options.clock.now());
    return {
      column: input.column as Column06a,
      row: input.row || null,
      total: page.total,
      dossiers: page.dossiers.map((d) => ({ ...d, lateSteps: d.timing === 'late' ? (steps.get(ids.get(d.code) ?? '') ?? []) : [] })),
    };
  }

  async lateness(actor: Actor, input: ReportInput): Promise<LatenessReport> {
    const period = parsePeriod(input);
    const scope = resolveScope(actor, this.options.catalogue(), input);
    return latenessReport(this.options.db, this.options.catalogue(), period, scope, this.options.calendar.data.utcOffsetMinutes);
  }

  async indicators(actor: Actor, input: ReportInput): Promise<Indicators766> {
    return indicators766(this.options.db, this.options.catalogue(), this.request(actor, input));
  }

  /** The on-time rate by unit, procedure or month, under the same scope rules as 06a. */
  async onTime(actor: Actor, input: OnTimeInput): Promise<OnTimeSeries> {
    return onTimeSeries(this.options.db, this.options.catalogue(), this.request(actor, input), parseOnTimeGrouping(input.by));
  }

  private request(actor: Actor, input: ReportInput): ReportRequest {
    const period = parsePeriod(input);
    const offset = this.options.calendar.data.utcOffsetMinutes;
    return {
      period,
      reportDate: reportDate(period, this.options.clock.now(), offset),
      scope: resolveScope(actor, this.options.catalogue(), input),
      apologyDue: this.options.apologyDue,
      utcOffsetMinutes: offset,
    };
  }
}

export function parseGrouping(text: string | undefined): Grouping {
  if (text === undefined || text === '') return 'field';
  if ((GROUPINGS as readonly string[]).includes(text)) return text as Grouping;
  throw new AppError('VALIDATION_FAILED', 'Cách nhóm dòng không hợp lệ.', {
    fields: [{ path: '/groupBy', message: `Nhóm theo một trong: ${GROUPINGS.join(', ')}.` }],
  });
}

export function parseOnTimeGrouping(text: string | undefined): OnTimeGrouping {
  if (text === undefined || text === '') return 'unit';
  if ((ON_TIME_GROUPINGS as readonly string[]).includes(text)) return text as OnTimeGrouping;
  throw new AppError('VALIDATION_FAILED', 'Cách chia chuỗi tỷ lệ đúng hạn không hợp lệ.', {
    fields: [{ path: '/by', message: `«by» phải là một trong: ${ON_TIME_GROUPINGS.join(', ')}.` }],
  });
}

import type { Db } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { AppError } from '../errors.js';
import type { ApologyDuePolicy } from './classification.js';
import { endOfLocalDay, type Period, type ReportScope } from './ReportScope.js';

/** The counting columns of form 06a (Circular 01/2020/TT-VPCP), in the form's order. */
export const COLUMNS_06A = [
  'received',
  'receivedOnline',
  'receivedInPerson',
  'carriedOver',
  'resolved',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'inProgress',
  'inProgressInTime',
  'inProgressLate',
] as const;

export type Column06a = (typeof COLUMNS_06A)[number];
export type Counts06a = Record<Column06a, number>;

export const COLUMN_LABELS: Record<Column06a, string> = {
  received: 'Tổng số hồ sơ nhận giải quyết',
  receivedOnline: 'Trong kỳ: trực tuyến',
  receivedInPerson: 'Trong kỳ: trực tiếp, dịch vụ bưu chính',
  carriedOver: 'Từ kỳ trước chuyển qua',
  resolved: 'Tổng số hồ sơ đã giải quyết',
  resolvedEarly: 'Trước hạn',
  resolvedOnTime: 'Đúng hạn',
  resolvedLate: 'Quá hạn',
  inProgress: 'Tổng số hồ sơ đang giải quyết',
  inProgressInTime: 'Trong hạn',
  inProgressLate: 'Quá hạn',
};

export const GROUPINGS = ['field', 'procedure', 'unit'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface Row06a {
  /** What the row stands for: a field name, a procedure code or an agency id. */
  readonly key: string;
  readonly label: string;
  readonly counts: Counts06a;
}

export interface Report06a {
  readonly period: Period;
  /** The date "in progress" is judged at: the period's end, or today while it runs. */
  readonly reportDate: string;
  readonly groupBy: Grouping;
  readonly apologyDue: ApologyDuePolicy;
  readonly scope: {
    readonly unit: { readonly id: string; readonly name: string; readonly unitCode: string };
    readonly includeChildren: boolean;
    readonly level: string | null;
    readonly procedure: string | null;
    readonly field: string | null;
  };
  readonly rows: readonly Row06a[];
  readonly total: Counts06a;
}

export interface ReportRequest {
  readonly period: Period;
  readonly reportDate: string;
  readonly scope: ReportScope;
  readonly apologyDue: ApologyDuePolicy;
  readonly utcOffsetMinutes: number;
}

/**
 * Every received dossier alive during the period (received by its end, not
 * finished before its start), with where it falls: `fresh` (received in the
 * period), `finished_timing` when it finished in the period, `open_timing`
 * when it is still in progress at the period's end — judged by the deadline in
 * force at the end of the report date.
 */
export function classifiedSql(params: unknown[], request: ReportRequest): string {
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const from = `${add(request.period.from)}::date`;
  const to = `${add(request.period.to)}::date`;
  const day = `${add(request.reportDate)}::date`;
  const endOfDay = `${add(endOfLocalDay(request.reportDate, request.utcOffsetMinutes).toISOString())}::timestamptz`;
  const original = `${add(request.apologyDue === 'original')}::boolean`;
  const agencies = `${add(request.scope.agencyIds)}::text[]`;
  const procedures = request.scope.procedureCodes ? ` AND f.procedure_code = ANY(${add(request.scope.procedureCodes)}::text[])` : '';
  return `SELECT f.dossier_id, f.agency_id, f.procedure_code, f.channel, f.received_at, f.finished_at, f.finished_on, f.end_kind,
      f.late_hours, f.original_late_hours,
      f.received_on >= ${from} AS fresh,
      CASE WHEN f.finished_on IS NULL OR f.finished_on > ${to} THEN NULL
           WHEN f.end_kind IN ('withdrawn', 'ineligible') OR j.due IS NULL THEN 'onTime'
           WHEN f.finished_on < j.due THEN 'early'
           WHEN f.finished_on = j.due THEN 'onTime'
           ELSE 'late' END AS finished_timing,
      CASE WHEN f.finished_on IS NOT NULL AND f.finished_on <= ${to} THEN NULL
           WHEN coalesce(h.paused, false) THEN 'inTime'
           WHEN o.due IS NULL OR o.due >= ${day} THEN 'inTime'
           ELSE 'late' END AS open_timing,
      j.due AS judged_due_on, o.due AS open_due_on, coalesce(h.paused, false) AS paused
    FROM report_dossiers f
    CROSS JOIN LATERAL (SELECT CASE WHEN ${original} THEN coalesce(f.original_due_on, f.due_on) ELSE f.due_on END AS due) j
    LEFT JOIN LATERAL (
      SELECT h.seq, h.paused, h.due_on, h.original_due_on FROM report_deadlines h
      WHERE h.dossier_id = f.dossier_id AND h.since < ${endOfDay} AND (f.finished_on IS NULL OR f.finished_on > ${to})
      ORDER BY h.seq DESC LIMIT 1) h ON true
    CROSS JOIN LATERAL (SELECT CASE WHEN h.seq IS NULL THEN j.due
                                    WHEN ${original} THEN coalesce(h.original_due_on, h.due_on) ELSE h.due_on END AS due) o
    WHERE f.received_on <= ${to} AND (f.finished_on IS NULL OR f.finished_on >= ${from})
      AND f.agency_id = ANY(${agencies})${procedures}`;
}

/** The SQL condition on a classified row for each column: drill-downs list exactly what the counts count. */
export const COLUMN_CONDITIONS: Record<Column06a, string> = {
  received: 'true',
  receivedOnline: 'c.fresh AND c.channel = 2',
  receivedInPerson: 'c.fresh AND c.channel <> 2',
  carriedOver: 'NOT c.fresh',
  resolved: 'c.finished_timing IS NOT NULL',
  resolvedEarly: "c.finished_timing = 'early'",
  resolvedOnTime: "c.finished_timing = 'onTime'",
  resolvedLate: "c.finished_timing = 'late'",
  inProgress: 'c.open_timing IS NOT NULL',
  inProgressInTime: "c.open_timing = 'inTime'",
  inProgressLate: "c.open_timing = 'late'",
};

export function emptyCounts(): Counts06a {
  return Object.fromEntries(COLUMNS_06A.map((c) => [c, 0])) as Counts06a;
}

/** Counts per receiving unit and procedure; rows and totals are sums of these. */
export async function countCells(db: Db, request: ReportRequest): Promise<{ agencyId: string; procedureCode: string; counts: Counts06a }[]> {
  const params: unknown[] = [];
  const sql = `SELECT c.agency_id, c.procedure_code,
      ${COLUMNS_06A.map((column) => `count(*) FILTER (WHERE ${COLUMN_CONDITIONS[column]})::int AS "${column}"`).join(',\n      ')}
    FROM (${classifiedSql(params, request)}) c
    GROUP BY c.agency_id, c.procedure_code`;
  const { rows } = await db.query(sql, params);
  return rows.map((row) => ({
    agencyId: row.agency_id as string,
    procedureCode: row.procedure_code as string,
    counts: Object.fromEntries(COLUMNS_06A.map((c) => [c, Number(row[c])])) as Counts06a,
  }));
}

/** The row a cell of counts belongs to under a grouping. */
export function rowKeyOf(catalogue: Catalogue, groupBy: Grouping, cell: { agencyId: string; procedureCode: string }): { key: string; label: string } {
  switch (groupBy) {
    case 'unit':
      return { key: cell.agencyId, label: catalogue.agency(cell.agencyId)?.name ?? cell.agencyId };
    case 'procedure':
      return { key: cell.procedureCode, label: catalogue.procedure(cell.procedureCode)?.metadata.name ?? cell.procedureCode };
    case 'field': {
      const field = catalogue.procedure(cell.procedureCode)?.metadata.field ?? 'Khác';
      return { key: field, label: field };
    }
  }
}

export async function report06a(db: Db, catalogue: Catalogue, request: ReportRequest, groupBy: Grouping): Promise<Report06a> {
  const cells = await countCells(db, request);
  const rows = new Map<string, { key: string; label: string; counts: Counts06a }>();
  const total = emptyCounts();
  for (const cell of cells) {
    const { key, label } = rowKeyOf(catalogue, groupBy, cell);
    const row = rows.get(key) ?? { key, label, counts: emptyCounts() };
    for (const column of COLUMNS_06A) {
      row.counts[column] += cell.counts[column];
      total[column] += cell.counts[column];
    }
    rows.set(key, row);
  }
  const order = groupBy === 'unit' ? request.scope.agencyIds : undefined;
  const sorted = [...rows.values()].sort((a, b) =>
    order ? order.indexOf(a.key) - order.indexOf(b.key) : a.label.localeCompare(b.label, 'vi'),
  );
  const { unit } = request.scope;
  return {
    period: request.period,
    reportDate: request.reportDate,
    groupBy,
    apologyDue: request.apologyDue,
    scope: {
      unit: { id: unit.id, name: unit.name, unitCode: unit.unitCode },
      includeChildren: request.scope.includeChildren,
      level: request.scope.level,
      procedure: request.scope.procedure,
      field: request.scope.field,
    },
    rows: sorted,
    total,
  };
}

/** One dossier behind a cell of the report. */
export interface CellDossier {
  readonly code: string;
  readonly procedureCode: string;
  readonly agencyId: string;
  readonly channel: number;
  readonly status: number;
  readonly applicantName: string;
  readonly receivedAt: string;
  readonly dueOn: string | null;
  readonly finishedAt: string | null;
  readonly endKind: string | null;
  /** Early / on time / late for a finished dossier, in time / late for one in progress. */
  readonly timing: string;
  readonly paused: boolean;
  /** Working hours past the judged due date at the finish (negative when early). */
  readonly lateHours: number | null;
}

export interface CellPage {
  readonly total: number;
  readonly dossiers: readonly CellDossier[];
  /** The internal id of each listed dossier, by code, for look-ups that follow. */
  readonly ids: ReadonlyMap<string, string>;
}

/**
 * The dossiers counted in one cell: a column, and a row of the grouping (or
 * the total row when `rowKey` is absent). Paged; `total` equals the cell's value.
 */
export async function cellDossiers(
  db: Db,
  catalogue: Catalogue,
  request: ReportRequest,
  cell: { column: Column06a; groupBy: Grouping; rowKey?: string | undefined },
  page: { limit: number; offset: number },
): Promise<CellPage> {
  if (!(COLUMNS_06A as readonly string[]).includes(cell.column)) {
    throw new AppError('VALIDATION_FAILED', 'Cột không hợp lệ.', { fields: [{ path: '/column', message: `Cột phải là một trong: ${COLUMNS_06A.join(', ')}.` }] });
  }
  const params: unknown[] = [];
  const classified = classifiedSql(params, request);
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let rowCondition = 'true';
  if (cell.rowKey !== undefined) {
    if (cell.groupBy === 'unit') rowCondition = `c.agency_id = ${add(cell.rowKey)}`;
    else if (cell.groupBy === 'procedure') rowCondition = `c.procedure_code = ${add(cell.rowKey)}`;
    else {
      const codes = catalogue.listProcedures().filter((p) => p.metadata.field === cell.rowKey).map((p) => p.code);
      rowCondition = `c.procedure_code = ANY(${add(codes)}::text[])`;
    }
  }
  const original = request.apologyDue === 'original';
  const { rows } = await db.query(
    `SELECT d.code, d.status, d.applicant_name, c.*, count(*) OVER ()::int AS total_count
     FROM (${classified}) c JOIN dossiers d ON d.id = c.dossier_id
     WHERE ${COLUMN_CONDITIONS[cell.column]} AND ${rowCondition}
     ORDER BY c.received_at, d.code
     LIMIT ${add(page.limit)} OFFSET ${add(page.offset)}`,
    params,
  );
  let total = rows[0] ? Number(rows[0].total_count) : 0;
  if (rows.length === 0 && page.offset > 0) {
    const counted = await db.query(
      `SELECT count(*)::int AS n FROM (${classified}) c WHERE ${COLUMN_CONDITIONS[cell.column]} AND ${rowCondition}`,
      params.slice(0, params.length - 2),
    );
    total = Number(counted.rows[0]!.n);
  }
  return {
    total,
    ids: new Map(rows.map((r) => [r.code as string, r.dossier_id as string])),
    dossiers: rows.map((r) => {
      const finished = r.finished_timing !== null && r.finished_timing !== undefined;
      const late = original ? r.original_late_hours : r.late_hours;
      return {
        code: r.code as string,
        procedureCode: r.procedure_code as string,
        agencyId: r.agency_id as string,
        channel: Number(r.channel),
        status: Number(r.status),
        applicantName: r.applicant_name as string,
        receivedAt: new Date(r.received_at as string).toISOString(),
        dueOn: dateText(finished ? r.judged_due_on : r.open_due_on),
        finishedAt: finished && r.finished_at ? new Date(r.finished_at as string).toISOString() : null,
        endKind: finished ? ((r.end_kind as string | null) ?? null) : null,
        timing: (finished ? r.finished_timing : r.open_timing) as string,
        paused: !finished && Boolean(r.paused),
        lateHours: finished && late !== null && late !== undefined ? Number(late) : null,
      };
    }),
  };
}

/** A `date` column as `YYYY-MM-DD` whichever way the driver returns it. */
export function dateText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    // node-postgres turns a date into local midnight of the process's zone.
    return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  }
  return String(value).slice(0, 10);
}

import type { Db } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { classifiedSql, COLUMN_CONDITIONS, type ReportRequest } from './report06a.js';
import type { Period } from './ReportScope.js';
import { round } from './round.js';

/** What the on-time series is broken down by. */
export const ON_TIME_GROUPINGS = ['unit', 'procedure', 'month'] as const;
export type OnTimeGrouping = (typeof ON_TIME_GROUPINGS)[number];

export interface OnTimeFigures {
  /** Dossiers resolved in the period: the "resolved" column of 06a. */
  readonly resolved: number;
  readonly early: number;
  readonly onTime: number;
  readonly late: number;
  /** (early + on time) / resolved, null when nothing was resolved. */
  readonly onTimeRate: number | null;
}

export interface OnTimePoint extends OnTimeFigures {
  /** An agency id, a procedure code, or a month as `YYYY-MM`. */
  readonly key: string;
  /** The unit's or procedure's name, or the month as `MM/YYYY`. */
  readonly label: string;
}

export interface OnTimeSeries {
  readonly period: Period;
  readonly reportDate: string;
  readonly by: OnTimeGrouping;
  readonly method: string;
  /** Units and procedures with something resolved; every month of the period, empty ones included. */
  readonly points: readonly OnTimePoint[];
  readonly total: OnTimeFigures;
}

const KEY_SQL: Record<OnTimeGrouping, string> = {
  unit: 'c.agency_id',
  procedure: 'c.procedure_code',
  month: "to_char(c.finished_on, 'YYYY-MM')",
};

/**
 * The share of dossiers resolved early or on time, per unit, procedure or month
 * of finishing, counted by the same rows and rules as the "resolved" columns of
 * 06a, so each point adds up to the drill-down of those columns.
 */
export async function onTimeSeries(db: Db, catalogue: Catalogue, request: ReportRequest, by: OnTimeGrouping): Promise<OnTimeSeries> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `SELECT ${KEY_SQL[by]} AS key,
        count(*) FILTER (WHERE ${COLUMN_CONDITIONS.resolvedEarly})::int AS early,
        count(*) FILTER (WHERE ${COLUMN_CONDITIONS.resolvedOnTime})::int AS on_time,
        count(*) FILTER (WHERE ${COLUMN_CONDITIONS.resolvedLate})::int AS late
     FROM (${classifiedSql(params, request)}) c
     WHERE ${COLUMN_CONDITIONS.resolved}
     GROUP BY 1`,
    params,
  );
  const counted = new Map(rows.map((row) => [row.key as string, figures(Number(row.early), Number(row.on_time), Number(row.late))]));
  const points = keysInOrder(catalogue, request, by, [...counted.keys()]).map((key) => ({
    key,
    label: labelOf(catalogue, by, key),
    ...(counted.get(key) ?? figures(0, 0, 0)),
  }));
  const sum = (pick: (f: OnTimeFigures) => number) => points.reduce((n, point) => n + pick(point), 0);
  return {
    period: request.period,
    reportDate: request.reportDate,
    by,
    method:
      'Số hồ sơ giải quyết trước hạn và đúng hạn / tổng số hồ sơ đã giải quyết (cột «đã giải quyết» của báo cáo 06a); ' +
      'theo tháng là tháng hồ sơ được giải quyết.',
    points,
    total: figures(sum((f) => f.early), sum((f) => f.onTime), sum((f) => f.late)),
  };
}

function figures(early: number, onTime: number, late: number): OnTimeFigures {
  const resolved = early + onTime + late;
  return { resolved, early, onTime, late, onTimeRate: resolved ? round((early + onTime) / resolved, 4) : null };
}

function keysInOrder(catalogue: Catalogue, request: ReportRequest, by: OnTimeGrouping, found: string[]): string[] {
  switch (by) {
    case 'unit': {
      const order = request.scope.agencyIds;
      return found.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
    case 'procedure':
      return found.sort((a, b) => labelOf(catalogue, by, a).localeCompare(labelOf(catalogue, by, b), 'vi'));
    case 'month':
      return monthsOf(request.period);
  }
}

function labelOf(catalogue: Catalogue, by: OnTimeGrouping, key: string): string {
  switch (by) {
    case 'unit':
      return catalogue.agency(key)?.name ?? key;
    case 'procedure':
      return catalogue.procedure(key)?.metadata.name ?? key;
    case 'month':
      return `${key.slice(5, 7)}/${key.slice(0, 4)}`;
  }
}

/** Every month the period touches, as `YYYY-MM`, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

import type { Db, TimeLimit } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { round } from './round.js';
import { countCells, emptyCounts, COLUMNS_06A, type Counts06a, type ReportRequest } from './report06a.js';

/**
 * Decision 766/QĐ-TTg progress and satisfaction indicators per unit. Each
 * figure carries its numerator, denominator and how it was computed, so an
 * auditor can check it against the 06a drill-downs.
 */
export interface Figure {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  readonly method: string;
}

export interface ProcedureTime {
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly resolved: number;
  /** Average working days from reception to result. */
  readonly averageDays: number;
  /** The legal limit in working days, when the limit is counted in working time. */
  readonly limitDays: number | null;
  readonly withinLimit: boolean | null;
}

export interface Scorecard {
  readonly agencyId: string | null;
  readonly agencyName: string;
  readonly onTimeShare: Figure;
  readonly averageDays: Figure;
  readonly procedures: readonly ProcedureTime[];
  readonly onlineShare: Figure;
  readonly satisfaction: Figure;
  readonly averageRating: Figure;
  /** Points on the index's scales, estimated in proportion to the figures above. */
  readonly points: {
    readonly progress: Figure;
    readonly satisfaction: Figure;
    readonly online: Figure;
  };
}

export interface Indicators766 {
  readonly period: ReportRequest['period'];
  readonly reportDate: string;
  readonly units: readonly Scorecard[];
  readonly total: Scorecard;
  readonly notes: readonly string[];
}

/** The index's maximum points for the groups computed here (DOMAIN.md §7). */
export const POINTS_766 = { progress: 20, satisfaction: 18, online: 22 } as const;

/** A rating of 4 or 5 stars counts as satisfied. */
export const SATISFIED_RATING = 4;

const HOURS_PER_DAY = 8;

export async function indicators766(db: Db, catalogue: Catalogue, request: ReportRequest): Promise<Indicators766> {
  const cells = await countCells(db, request);
  const params: unknown[] = [request.period.from, request.period.to, request.scope.agencyIds];
  const procedures = request.scope.procedureCodes ? ` AND procedure_code = ANY($${params.push(request.scope.procedureCodes)}::text[])` : '';
  const { rows } = await db.query(
    `SELECT agency_id, procedure_code,
        count(*) FILTER (WHERE end_kind IN ('result', 'ineligible'))::int AS decided,
        coalesce(sum(working_hours) FILTER (WHERE end_kind IN ('result', 'ineligible')), 0)::float8 AS decided_hours,
        count(rating)::int AS rated,
        count(*) FILTER (WHERE rating >= ${SATISFIED_RATING})::int AS satisfied,
        coalesce(sum(rating), 0)::int AS rating_sum
     FROM report_dossiers
     WHERE finished_on >= $1::date AND finished_on <= $2::date AND agency_id = ANY($3::text[])${procedures}
     GROUP BY agency_id, procedure_code`,
    params,
  );
  type Sums = { counts: Counts06a; times: Map<string, { decided: number; hours: number }>; rated: number; satisfied: number; ratingSum: number };
  const blank = (): Sums => ({ counts: emptyCounts(), times: new Map(), rated: 0, satisfied: 0, ratingSum: 0 });
  const units = new Map<string, Sums>();
  const total = blank();
  const sumsOf = (agencyId: string) => {
    const found = units.get(agencyId) ?? blank();
    units.set(agencyId, found);
    return found;
  };
  for (const cell of cells) {
    for (const target of [sumsOf(cell.agencyId), total]) {
      for (const column of COLUMNS_06A) target.counts[column] += cell.counts[column];
    }
  }
  for (const row of rows) {
    for (const target of [sumsOf(row.agency_id as string), total]) {
      const time = target.times.get(row.procedure_code as string) ?? { decided: 0, hours: 0 };
      time.decided += Number(row.decided);
      time.hours += Number(row.decided_hours);
      target.times.set(row.procedure_code as string, time);
      target.rated += Number(row.rated);
      target.satisfied += Number(row.satisfied);
      target.ratingSum += Number(row.rating_sum);
    }
  }
  const scorecard = (agencyId: string | null, name: string, sums: Sums): Scorecard => {
    const { counts } = sums;
    const procedureTimes: ProcedureTime[] = [...sums.times.entries()]
      .filter(([, t]) => t.decided > 0)
      .map(([code, t]) => {
        const metadata = catalogue.procedure(code)?.metadata;
        const averageDays = round(t.hours / t.decided / HOURS_PER_DAY, 2);
        const limitDays = metadata ? limitInWorkingDays(metadata.limit) : null;
        return {
          procedureCode: code,
          procedureName: metadata?.name ?? code,
          resolved: t.decided,
          averageDays,
          limitDays,
          withinLimit: limitDays === null ? null : averageDays <= limitDays,
        };
      })
      .sort((a, b) => a.procedureName.localeCompare(b.procedureName, 'vi'));
    const onTime = counts.resolvedEarly + counts.resolvedOnTime;
    const receivedNew = counts.receivedOnline + counts.receivedInPerson;
    const judged = procedureTimes.filter((p) => p.withinLimit !== null);
    const within = judged.filter((p) => p.withinLimit).length;
    const onTimeShare = share(onTime, counts.resolved, 'Số hồ sơ giải quyết trước hạn và đúng hạn / tổng số hồ sơ đã giải quyết trong kỳ (báo cáo 06a).');
    const withinShare = judged.length ? within / judged.length : null;
    const onlineShare = share(counts.receivedOnline, receivedNew, 'Số hồ sơ tiếp nhận trực tuyến trong kỳ / tổng số hồ sơ tiếp nhận mới trong kỳ.');
    const satisfaction = share(sums.satisfied, sums.rated, `Số đánh giá hài lòng (từ ${SATISFIED_RATING} sao) / số hồ sơ được người dân đánh giá, trong các hồ sơ kết thúc trong kỳ.`);
    const decided = procedureTimes.reduce((n, p) => n + p.resolved, 0);
    const averageDays = procedureTimes.length
      ? round(procedureTimes.reduce((n, p) => n + p.averageDays, 0) / procedureTimes.length, 2)
      : null;
    const progressValue =
      onTimeShare.value === null ? null : round(POINTS_766.progress * (0.5 * onTimeShare.value + 0.5 * (withinShare ?? onTimeShare.value)), 2);
    return {
      agencyId,
      agencyName: name,
      onTimeShare,
      averageDays: {
        value: averageDays,
        numerator: round(procedureTimes.reduce((n, p) => n + p.averageDays, 0), 2),
        denominator: procedureTimes.length,
        method: `Trung bình cộng, theo thủ tục, của số ngày làm việc (${HOURS_PER_DAY} giờ) từ khi tiếp nhận đến khi có kết quả; ${decided} hồ sơ có kết quả trong kỳ, không tính hồ sơ rút hoặc dừng.`,
      },
      procedures: procedureTimes,
      onlineShare,
      satisfaction,
      averageRating: {
        value: sums.rated ? round(sums.ratingSum / sums.rated, 2) : null,
        numerator: sums.ratingSum,
        denominator: sums.rated,
        method: 'Tổng số sao / số hồ sơ được đánh giá (thang 1–5).',
      },
      points: {
        progress: {
          value: progressValue,
          numerator: within,
          denominator: judged.length,
          method: `Ước tính: ${POINTS_766.progress} × (½ × tỷ lệ đúng hạn + ½ × tỷ lệ thủ tục có thời gian giải quyết trung bình không quá thời hạn; ${within}/${judged.length} thủ tục).`,
        },
        satisfaction: {
          value: satisfaction.value === null ? null : round(POINTS_766.satisfaction * satisfaction.value, 2),
          numerator: sums.satisfied,
          denominator: sums.rated,
          method: `Ước tính: ${POINTS_766.satisfaction} × tỷ lệ hài lòng.`,
        },
        online: {
          value: onlineShare.value === null ? null : round(POINTS_766.online * onlineShare.value, 2),
          numerator: counts.receivedOnline,
          denominator: receivedNew,
          method: `Ước tính: ${POINTS_766.online} × tỷ lệ hồ sơ trực tuyến.`,
        },
      },
    };
  };
  const order = request.scope.agencyIds;
  return {
    period: request.period,
    reportDate: request.reportDate,
    units: [...units.entries()]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([id, sums]) => scorecard(id, catalogue.agency(id)?.name ?? id, sums)),
    total: scorecard(null, request.scope.unit.name, total),
    notes: [
      'Điểm là ước tính theo tỷ lệ trên thang điểm của Bộ chỉ số (Quyết định 766/QĐ-TTg): tiến độ 20, hài lòng 18, trực tuyến 22; không thay cho kết quả đánh giá chính thức.',
      'Nhóm chỉ số số hóa hồ sơ (22 điểm) chưa được tính.',
    ],
  };
}

/** A legal limit in working days, or null for limits in calendar days. */
export function limitInWorkingDays(limit: TimeLimit): number | null {
  switch (limit.unit) {
    case 'workingDays':
      return limit.amount;
    case 'workingHours':
      return limit.amount / HOURS_PER_DAY;
    case 'sameDay':
      return 1;
    case 'calendarDays':
      return null;
  }
}

function share(numerator: number, denominator: number, method: string): Figure {
  return { value: denominator ? round(numerator / denominator, 4) : null, numerator, denominator, method };
}

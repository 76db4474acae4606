import type { Db } from '../../engine/index.js';
import type { Catalogue } from '../catalogue/index.js';
import { endOfLocalDay, startOfLocalDay, type Period, type ReportScope } from './ReportScope.js';
import { round } from './round.js';

export interface LatenessFigures {
  /** Steps finished in the period. */
  readonly steps: number;
  readonly lateSteps: number;
  /** lateSteps / steps, 0 when nothing finished. */
  readonly lateShare: number;
  /** Working hours past the steps' own due dates, summed over the late steps. */
  readonly lateHours: number;
  /** lateHours / lateSteps. */
  readonly averageLateHours: number;
}

export interface UnitLateness extends LatenessFigures {
  readonly agencyId: string;
  readonly agencyName: string;
}

export interface StepLateness extends LatenessFigures {
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly elementId: string;
  readonly stepName: string;
  readonly agencyId: string;
  readonly agencyName: string;
}

export interface LatenessReport {
  readonly period: Period;
  readonly scope: { readonly unit: { readonly id: string; readonly name: string }; readonly includeChildren: boolean };
  readonly method: string;
  readonly byUnit: readonly UnitLateness[];
  readonly bySteps: readonly StepLateness[];
  readonly total: LatenessFigures;
}

/** A step that made a dossier late: finished after its own due date, or still open past it. */
export interface ResponsibleStep {
  readonly stepName: string;
  readonly elementId: string;
  readonly agencyId: string;
  readonly agencyName: string;
  readonly dueAt: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  readonly lateHours: number;
}

/**
 * Who made dossiers late: the steps finished in the period by units in scope
 * (the unit that worked the step, not the desk that received the dossier),
 * from the result each hand-over recorded against the step's own due date.
 */
export async function latenessReport(db: Db, catalogue: Catalogue, period: Period, scope: ReportScope, utcOffsetMinutes: number): Promise<LatenessReport> {
  const params: unknown[] = [
    startOfLocalDay(period.from, utcOffsetMinutes).toISOString(),
    endOfLocalDay(period.to, utcOffsetMinutes).toISOString(),
    scope.agencyIds,
  ];
  const procedures = scope.procedureCodes ? ` AND f.procedure_code = ANY($${params.push(scope.procedureCodes)}::text[])` : '';
  const { rows } = await db.query(
    `SELECT t.agency_id, f.procedure_code, t.element_id, min(t.name) AS step_name,
        count(*)::int AS steps, count(*) FILTER (WHERE t.timing = 'late')::int AS late_steps,
        coalesce(sum(t.late_hours) FILTER (WHERE t.timing = 'late'), 0)::float8 AS late_hours
     FROM dossier_tasks t JOIN report_dossiers f ON f.dossier_id = t.dossier_id
     WHERE t.state = 'completed' AND t.completed_at >= $1::timestamptz AND t.completed_at < $2::timestamptz
       AND t.agency_id = ANY($3::text[])${procedures}
     GROUP BY t.agency_id, f.procedure_code, t.element_id`,
    params,
  );
  const agencyName = (id: string) => catalogue.agency(id)?.name ?? id;
  const byUnit = new Map<string, { steps: number; lateSteps: number; lateHours: number }>();
  const total = { steps: 0, lateSteps: 0, lateHours: 0 };
  const bySteps: StepLateness[] = [];
  for (const row of rows) {
    const sums = { steps: Number(row.steps), lateSteps: Number(row.late_steps), lateHours: Number(row.late_hours) };
    const agencyId = row.agency_id as string;
    const unit = byUnit.get(agencyId) ?? { steps: 0, lateSteps: 0, lateHours: 0 };
    for (const target of [unit, total]) {
      target.steps += sums.steps;
      target.lateSteps += sums.lateSteps;
      target.lateHours += sums.lateHours;
    }
    byUnit.set(agencyId, unit);
    const procedureCode = row.procedure_code as string;
    bySteps.push({
      procedureCode,
      procedureName: catalogue.procedure(procedureCode)?.metadata.name ?? procedureCode,
      elementId: row.element_id as string,
      stepName: row.step_name as string,
      agencyId,
      agencyName: agencyName(agencyId),
      ...figures(sums),
    });
  }
  return {
    period,
    scope: { unit: { id: scope.unit.id, name: scope.unit.name }, includeChildren: scope.includeChildren },
    method:
      'Mỗi bước đã hoàn thành trong kỳ được so với hạn của chính bước đó (phiếu kiểm soát, mẫu 06) theo ngày lịch; ' +
      'số giờ quá hạn là giờ làm việc từ hạn của bước đến lúc hoàn thành. Bước được tính cho đơn vị thực hiện bước.',
    byUnit: [...byUnit.entries()]
      .map(([agencyId, sums]) => ({ agencyId, agencyName: agencyName(agencyId), ...figures(sums) }))
      .sort((a, b) => b.lateShare - a.lateShare || b.lateSteps - a.lateSteps || a.agencyName.localeCompare(b.agencyName, 'vi')),
    bySteps: bySteps.sort((a, b) => b.lateSteps - a.lateSteps || b.lateHours - a.lateHours || a.stepName.localeCompare(b.stepName, 'vi')),
    total: figures(total),
  };
}

function figures(sums: { steps: number; lateSteps: number; lateHours: number }): LatenessFigures {
  return {
    steps: sums.steps,
    lateSteps: sums.lateSteps,
    lateShare: sums.steps ? round(sums.lateSteps / sums.steps, 4) : 0,
    lateHours: round(sums.lateHours, 2),
    averageLateHours: sums.lateSteps ? round(sums.lateHours / sums.lateSteps, 2) : 0,
  };
}

/**
 * The steps responsible for each late dossier: steps that finished after their
 * own due date, and steps still open past it at `at` (hours counted to `at`).
 */
export async function responsibleSteps(
  db: Db,
  catalogue: Catalogue,
  workingHoursBetween: (a: Date, b: Date) => number,
  dossierIds: readonly string[],
  at: Date,
): Promise<Map<string, ResponsibleStep[]>> {
  const result = new Map<string, ResponsibleStep[]>();
  if (dossierIds.length === 0) return result;
  const { rows } = await db.query(
    `SELECT dossier_id, name, element_id, agency_id, due_at, completed_at, completed_by, late_hours, state
     FROM dossier_tasks
     WHERE dossier_id = ANY($1::text[]) AND due_at IS NOT NULL
       AND ((state = 'completed' AND timing = 'late') OR (state = 'open' AND due_at < $2::timestamptz))
     ORDER BY dossier_id, created_at`,
    [dossierIds, at.toISOString()],
  );
  for (const row of rows) {
    const dueAt = new Date(row.due_at as string);
    const open = row.state === 'open';
    const list = result.get(row.dossier_id as string) ?? [];
    list.push({
      stepName: row.name as string,
      elementId: row.element_id as string,
      agencyId: row.agency_id as string,
      agencyName: catalogue.agency(row.agency_id as string)?.name ?? (row.agency_id as string),
      dueAt: dueAt.toISOString(),
      completedAt: open ? null : new Date(row.completed_at as string).toISOString(),
      completedBy: (row.completed_by as string | null) ?? null,
      lateHours: open ? round(Math.max(0, workingHoursBetween(dueAt, at)), 2) : Number(row.late_hours ?? 0),
    });
    result.set(row.dossier_id as string, list);
  }
  return result;
}

import { localDate, type Db, type WorkingCalendar } from '../../engine/index.js';
import type { DossierRecord } from '../dossiers/DossierRecord.js';
import type { EndKind } from './classification.js';
import { round } from './round.js';

/** A received dossier as the reports read it (one row of `report_dossiers`). */
export interface ReportFacts {
  readonly dossierId: string;
  readonly agencyId: string;
  readonly procedureCode: string;
  readonly channel: number;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly finishedAt: Date | null;
  readonly finishedOn: string | null;
  readonly endKind: EndKind | null;
  readonly dueOn: string | null;
  readonly originalDueOn: string | null;
  readonly lateHours: number | null;
  readonly originalLateHours: number | null;
  readonly workingHours: number | null;
  readonly rating: number | null;
}

/** The deadline in force from some instant on (one row of `report_deadlines`). */
export interface DeadlineState {
  readonly paused: boolean;
  readonly dueOn: string | null;
  readonly originalDueOn: string | null;
}

/** How and when a dossier left "in progress", or null while it is still in progress. */
export function endOf(dossier: DossierRecord): { kind: EndKind; at: Date } | null {
  switch (dossier.status) {
    case 7:
      return dossier.endedAt ? { kind: 'withdrawn', at: dossier.endedAt } : null;
    case 8:
      return dossier.endedAt ? { kind: 'stopped', at: dossier.endedAt } : null;
    case 9:
    case 10: {
      const at = dossier.resultReadyAt ?? dossier.returnedAt ?? dossier.endedAt;
      return at ? { kind: dossier.result === 'refused' ? 'ineligible' : 'result', at } : null;
    }
    default:
      return null;
  }
}

/**
 * The report row of a dossier, or null before it is received (submitted online
 * and not yet accepted, refused at reception, withdrawn before reception): 06a
 * counts received dossiers only. A finish is never before the reception (a
 * result given on the spot after hours, when the clock starts next morning).
 */
export function reportFactsOf(calendar: WorkingCalendar, dossier: DossierRecord): ReportFacts | null {
  const { receivedAt } = dossier;
  if (!receivedAt) return null;
  const offset = calendar.data.utcOffsetMinutes;
  const end = endOf(dossier);
  const finishedAt = end ? new Date(Math.max(end.at.getTime(), receivedAt.getTime())) : null;
  const originalDue = dossier.originalDueAt ?? dossier.dueAt;
  const hoursPast = (due: Date | null) => (finishedAt && due ? round(calendar.workingHoursBetween(due, finishedAt), 2) : null);
  return {
    dossierId: dossier.id,
    agencyId: dossier.receivingAgencyId,
    procedureCode: dossier.procedureCode,
    channel: dossier.channel,
    receivedAt,
    receivedOn: localDate(receivedAt, offset),
    finishedAt,
    finishedOn: finishedAt ? localDate(finishedAt, offset) : null,
    endKind: end?.kind ?? null,
    dueOn: dossier.dueAt ? localDate(dossier.dueAt, offset) : null,
    originalDueOn: originalDue ? localDate(originalDue, offset) : null,
    lateHours: hoursPast(dossier.dueAt),
    originalLateHours: hoursPast(originalDue),
    workingHours: finishedAt ? round(calendar.workingHoursBetween(receivedAt, finishedAt), 2) : null,
    rating: dossier.rating,
  };
}

export function deadlineStateOf(calendar: WorkingCalendar, dossier: DossierRecord): DeadlineState | null {
  if (!dossier.receivedAt) return null;
  const offset = calendar.data.utcOffsetMinutes;
  const originalDue = dossier.originalDueAt ?? dossier.dueAt;
  return {
    paused: dossier.pausedAt !== null,
    dueOn: dossier.dueAt ? localDate(dossier.dueAt, offset) : null,
    originalDueOn: originalDue ? localDate(originalDue, offset) : null,
  };
}

/**
 * Keep the report rows of a dossier in step with a change to it, in the
 * change's transaction: the row itself, and a deadline row when the due date
 * or the pause changed.
 */
export async function recordReportFacts(tx: Db, calendar: WorkingCalendar, before: DossierRecord | null, after: DossierRecord, at: Date): Promise<void> {
  const facts = reportFactsOf(calendar, after);
  if (!facts) return;
  if (!before || !sameFacts(reportFactsOf(calendar, before), facts)) await upsertFacts(tx, facts);
  const state = deadlineStateOf(calendar, after)!;
  const previous = before ? deadlineStateOf(calendar, before) : null;
  if (!previous || !sameState(previous, state)) await appendDeadline(tx, after.id, at, state);
}

export async function upsertFacts(tx: Db, facts: ReportFacts): Promise<void> {
  await tx.query(
    `INSERT INTO report_dossiers (dossier_id, agency_id, procedure_code, channel, received_at, received_on, finished_at, finished_on, end_kind,
       due_on, original_due_on, late_hours, original_late_hours, working_hours, rating)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (dossier_id) DO UPDATE SET agency_id = excluded.agency_id, procedure_code = excluded.procedure_code, channel = excluded.channel,
       received_at = excluded.received_at, received_on = excluded.received_on, finished_at = excluded.finished_at, finished_on = excluded.finished_on,
       end_kind = excluded.end_kind, due_on = excluded.due_on, original_due_on = excluded.original_due_on, late_hours = excluded.late_hours,
       original_late_hours = excluded.original_late_hours, working_hours = excluded.working_hours, rating = excluded.rating`,
    factsParams(facts),
  );
}

export function factsParams(f: ReportFacts): unknown[] {
  return [
    f.dossierId,
    f.agencyId,
    f.procedureCode,
    f.channel,
    f.receivedAt.toISOString(),
    f.receivedOn,
    f.finishedAt?.toISOString() ?? null,
    f.finishedOn,
    f.endKind,
    f.dueOn,
    f.originalDueOn,
    f.lateHours,
    f.originalLateHours,
    f.workingHours,
    f.rating,
  ];
}

export async function appendDeadline(tx: Db, dossierId: string, since: Date, state: DeadlineState): Promise<void> {
  await tx.query(
    `INSERT INTO report_deadlines (dossier_id, since, seq, paused, due_on, original_due_on)
     SELECT $1, $2, coalesce(max(seq), 0) + 1, $3, $4, $5 FROM report_deadlines WHERE dossier_id = $1`,
    [dossierId, since.toISOString(), state.paused, state.dueOn, state.originalDueOn],
  );
}

/**
 * Fill the report rows of dossiers received before the reports existed (an
 * upgrade), each with one deadline row from its reception. Idempotent.
 */
export async function backfillReportFacts(db: Db, calendar: WorkingCalendar, toDossier: (row: Record<string, unknown>) => DossierRecord): Promise<number> {
  let filled = 0;
  for (;;) {
    const { rows } = await db.query(
      `SELECT d.* FROM dossiers d WHERE d.received_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM report_dossiers r WHERE r.dossier_id = d.id) ORDER BY d.id LIMIT 500`,
    );
    if (rows.length === 0) return filled;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const dossier = toDossier(row);
        await upsertFacts(tx, reportFactsOf(calendar, dossier)!);
        await tx.query('DELETE FROM report_deadlines WHERE dossier_id = $1', [dossier.id]);
        await appendDeadline(tx, dossier.id, dossier.receivedAt!, deadlineStateOf(calendar, dossier)!);
      }
    });
    filled += rows.length;
  }
}

function sameFacts(a: ReportFacts | null, b: ReportFacts): boolean {
  if (a === null) return false;
  const next = factsParams(b);
  return factsParams(a).every((value, i) => value === next[i]);
}

function sameState(a: DeadlineState, b: DeadlineState): boolean {
  return a.paused === b.paused && a.dueOn === b.dueOn && a.originalDueOn === b.originalDueOn;
}

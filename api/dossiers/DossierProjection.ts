import type { Db, EngineEvent } from '../../engine/index.js';
import { applyAction } from './statusChange.js';
import { classifyTiming, stepDue } from './deadlines.js';
import type { DossierContext } from './DossierContext.js';
import { toDossier, toTask, type DossierRecord } from './DossierRecord.js';
import { isStepKind, outcomesOf, type StepKind } from './steps.js';

/** Online submissions should be accepted or refused within 8 working hours (DOMAIN.md §3: practice, not law). */
const ONLINE_RECEPTION_HOURS = 8;

/**
 * Turns the engine's events into dossier language inside the command's
 * transaction: inbox rows for steps, hand-over rows with each step's own
 * result, and the statuses that follow from a step starting. What an officer
 * decides (accept, refuse, supplement, pay, return) is applied by the
 * DossierService before it completes the step.
 */
export class DossierProjection {
  constructor(private readonly context: DossierContext) {}

  readonly listener = async (events: readonly EngineEvent[], tx: Db): Promise<void> => {
    const batch = new Batch();
    for (const event of events) {
      if (!event.rootKey) continue;
      if (event.valueType === 'VARIABLE' && event.intent === 'CREATED') await this.link(tx, event, batch);
      else if (event.valueType === 'USER_TASK') {
        const dossier = await batch.dossier(tx, event.rootKey);
        if (!dossier) continue;
        if (event.intent === 'CREATED') await this.taskCreated(tx, event, dossier, batch);
        else if (event.intent === 'COMPLETED') await this.taskCompleted(tx, event, dossier, batch);
        else if (event.intent === 'CANCELED') await this.taskEnded(tx, event.key, 'canceled');
        else if (event.intent === 'ASSIGNED') await this.taskAssigned(tx, event);
      }
    }
  };

  /** A dossier's process announces the dossier code as its first variable; that links the instance to the dossier. */
  private async link(tx: Db, event: EngineEvent, batch: Batch): Promise<void> {
    const value = event.value as { name?: string; value?: unknown; scopeKey?: string };
    if (value.name !== 'dossierCode' || value.scopeKey !== event.rootKey || typeof value.value !== 'string') return;
    const { rows } = await tx.query(
      'UPDATE dossiers SET instance_key = $1 WHERE code = $2 AND instance_key IS NULL RETURNING *',
      [event.rootKey, value.value],
    );
    if (rows[0]) batch.remember(event.rootKey!, toDossier(rows[0]));
  }

  private async taskCreated(tx: Db, event: EngineEvent, dossier: DossierRecord, batch: Batch): Promise<void> {
    const value = event.value as {
      name?: string;
      candidateGroups?: string[];
      assignee?: string;
      dueDate?: string;
      headers?: Record<string, string>;
    };
    const headers = value.headers ?? {};
    const kind: StepKind = isStepKind(headers.stepKind) ? headers.stepKind : 'process';
    const catalogue = this.context.catalogue();
    const agency = catalogue.resolveAgency(dossier.receivingAgencyId, headers.agency);
    const at = new Date(event.at);
    let dueAt = stepDue(this.context.calendar, at, {
      ...(value.dueDate ? { modelDue: new Date(value.dueDate) } : {}),
      ...(headers.timeShare ? { timeShare: headers.timeShare } : {}),
      dossierDue: dossier.dueAt,
    });
    if (!dueAt && kind === 'receive' && dossier.channel === 2) dueAt = this.context.calendar.addWorkingHours(at, ONLINE_RECEPTION_HOURS);
    await tx.query(
      `INSERT INTO dossier_tasks (task_key, dossier_id, element_id, name, step_kind, role, agency_id, form, outcomes, state, assignee, created_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $12)`,
      [
        event.key,
        dossier.id,
        event.elementId ?? '',
        value.name ?? event.elementId ?? '',
        kind,
        value.candidateGroups?.[0] ?? 'specialist',
        agency.id,
        headers.form ?? null,
        JSON.stringify(outcomesOf(kind, headers.outcomes)),
        value.assignee ?? null,
        at.toISOString(),
        dueAt?.toISOString() ?? null,
      ],
    );
    const handover = batch.openHandover();
    if (handover !== undefined) {
      const target = [handover.id, agency.id, event.key, value.name ?? event.elementId ?? ''];
      const filled = await tx.query(
        `UPDATE dossier_handovers SET to_agency_id = $2, to_task_key = $3, to_step_name = $4 WHERE id = $1 AND to_task_key IS NULL`,
        target,
      );
      // A second step started by the same hand-over (a parallel split) gets a row of its own.
      if (filled.rowCount === 0) {
        await tx.query(
          `INSERT INTO dossier_handovers (dossier_id, from_task_key, step_name, from_agency_id, to_agency_id, to_task_key, to_step_name, at, giver, step_due_at, timing)
           SELECT dossier_id, from_task_key, step_name, from_agency_id, $2, $3, $4, at, giver, step_due_at, timing FROM dossier_handovers WHERE id = $1`,
          target,
        );
      }
    }
    const next = await this.statusForNewStep(tx, kind, dossier, at);
    if (next) batch.remember(event.rootKey!, next);
  }

  private async statusForNewStep(tx: Db, kind: StepKind, dossier: DossierRecord, at: Date): Promise<DossierRecord | undefined> {
    const { status } = dossier;
    if ((kind === 'process' || kind === 'approve' || kind === 'transfer') && status === 2) {
      return applyAction(tx, this.context, dossier, 'startProcessing');
    }
    if (kind === 'payment' && (status === 2 || status === 4)) return applyAction(tx, this.context, dossier, 'requestPayment');
    if (kind === 'return' && (status === 2 || status === 4)) {
      return applyAction(tx, this.context, dossier, 'resultReady', { resultReadyAt: at, result: dossier.result ?? 'approved' });
    }
    return undefined;
  }

  private async taskCompleted(tx: Db, event: EngineEvent, dossier: DossierRecord, batch: Batch): Promise<void> {
    const at = new Date(event.at);
    const variables = (event.value as { variables?: Record<string, unknown> }).variables ?? {};
    const { rows } = await tx.query('SELECT * FROM dossier_tasks WHERE task_key = $1', [event.key]);
    if (!rows[0]) return;
    const task = toTask(rows[0]);
    const timing = classifyTiming(this.context.calendar, at, task.dueAt);
    // Working hours past the step's own due date, for "who made it late".
    const lateHours = task.dueAt ? Math.max(0, Math.round(this.context.calendar.workingHoursBetween(task.dueAt, at) * 100) / 100) : null;
    await tx.query(
      `UPDATE dossier_tasks SET state = 'completed', completed_at = $2, timing = $3, late_hours = $5,
         outcome = coalesce(outcome, $4), completed_by = coalesce(completed_by, assignee) WHERE task_key = $1`,
      [event.key, at.toISOString(), timing, typeof variables.outcome === 'string' ? variables.outcome : null, lateHours],
    );
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO dossier_handovers (dossier_id, from_task_key, step_name, from_agency_id, at, giver, step_due_at, timing)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [dossier.id, task.taskKey, task.name, task.agencyId, at.toISOString(), task.completedBy ?? task.assignee, task.dueAt?.toISOString() ?? null, timing],
    );
    batch.handedOver({ id: String(inserted.rows[0]!.id) });
  }

  private async taskEnded(tx: Db, taskKey: string, state: 'canceled'): Promise<void> {
    await tx.query(`UPDATE dossier_tasks SET state = $2 WHERE task_key = $1 AND state = 'open'`, [taskKey, state]);
  }

  private async taskAssigned(tx: Db, event: EngineEvent): Promise<void> {
    const assignee = (event.value as { assignee?: string }).assignee ?? null;
    await tx.query(`UPDATE dossier_tasks SET assignee = $2, claimed_at = CASE WHEN $2::text IS NULL THEN NULL ELSE $3::timestamptz END WHERE task_key = $1`, [
      event.key,
      assignee,
      event.at,
    ]);
    // The receiver of a hand-over is whoever takes the step.
    if (assignee) await tx.query('UPDATE dossier_handovers SET receiver = $2 WHERE to_task_key = $1 AND receiver IS NULL', [event.key, assignee]);
  }
}

/** What one command's events share: the dossiers already read and the hand-over a new step continues. */
class Batch {
  private readonly dossiers = new Map<string, DossierRecord | null>();
  private handover: { id: string } | undefined;

  async dossier(tx: Db, rootKey: string): Promise<DossierRecord | undefined> {
    if (!this.dossiers.has(rootKey)) {
      const { rows } = await tx.query('SELECT * FROM dossiers WHERE instance_key = $1 FOR UPDATE', [rootKey]);
      this.dossiers.set(rootKey, rows[0] ? toDossier(rows[0]) : null);
    }
    return this.dossiers.get(rootKey) ?? undefined;
  }

  remember(rootKey: string, dossier: DossierRecord): void {
    this.dossiers.set(rootKey, dossier);
  }

  handedOver(handover: { id: string }): void {
    this.handover = handover;
  }

  openHandover(): { id: string } | undefined {
    return this.handover;
  }
}

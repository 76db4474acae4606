import { factsParams } from '../../api/reports/facts.js';
import type { Db } from '../../engine/index.js';
import type { DeadlineChange, GeneratedDossier, GeneratedTask } from './DossierFactory.js';

/** A column of a set-based insert: the array type it is sent as, an optional cast, and how a row gives its value. */
interface Column<T> {
  readonly name: string;
  readonly type: string;
  readonly cast?: string;
  readonly value: (row: T) => unknown;
}

/** One table written with `INSERT … SELECT FROM unnest($1::t1[], $2::t2[], …)`: one statement per chunk of rows. */
class UnnestInsert<T> {
  readonly sql: string;

  constructor(
    readonly table: string,
    private readonly columns: readonly Column<T>[],
  ) {
    const names = columns.map((c) => c.name);
    this.sql =
      `INSERT INTO ${table} (${names.join(', ')}) ` +
      `SELECT ${columns.map((c) => (c.cast ? `${c.name}::${c.cast}` : c.name)).join(', ')} ` +
      `FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS u (${names.join(', ')})`;
  }

  params(rows: readonly T[]): unknown[] {
    return this.columns.map((c) => rows.map(c.value));
  }
}

const YIELD_EVERY = 250;

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

const formText = new WeakMap<object, string>();
/** Procedures share one form example, so its JSON text is made once. */
function jsonOf(value: Record<string, unknown>): string {
  let text = formText.get(value);
  if (text === undefined) formText.set(value, (text = JSON.stringify(value)));
  return text;
}

const DOSSIERS = new UnnestInsert<GeneratedDossier>('dossiers', [
  { name: 'id', type: 'text', value: (d) => d.record.id },
  { name: 'code', type: 'text', value: (d) => d.record.code },
  { name: 'procedure_code', type: 'text', value: (d) => d.record.procedureCode },
  { name: 'procedure_version', type: 'integer', value: (d) => d.record.procedureVersion },
  { name: 'receiving_agency_id', type: 'text', value: (d) => d.record.receivingAgencyId },
  { name: 'channel', type: 'smallint', value: (d) => d.record.channel },
  { name: 'status', type: 'smallint', value: (d) => d.record.status },
  { name: 'applicant_name', type: 'text', value: (d) => d.record.applicant.name },
  { name: 'applicant_id_number', type: 'text', value: (d) => d.record.applicant.idNumber },
  { name: 'applicant_phone', type: 'text', value: (d) => d.record.applicant.phone },
  { name: 'applicant_email', type: 'text', value: (d) => d.record.applicant.email },
  { name: 'applicant_address', type: 'text', value: (d) => d.record.applicant.address },
  { name: 'form_data', type: 'text', cast: 'jsonb', value: (d) => jsonOf(d.record.formData) },
  { name: 'instance_key', type: 'text', value: (d) => d.record.instanceKey },
  { name: 'submitted_at', type: 'timestamptz', value: (d) => iso(d.record.submittedAt) },
  { name: 'complete_at', type: 'timestamptz', value: (d) => iso(d.record.completeAt) },
  { name: 'received_at', type: 'timestamptz', value: (d) => iso(d.record.receivedAt) },
  { name: 'received_by', type: 'text', value: (d) => d.record.receivedBy },
  { name: 'due_at', type: 'timestamptz', value: (d) => iso(d.record.dueAt) },
  { name: 'original_due_at', type: 'timestamptz', value: (d) => iso(d.record.originalDueAt) },
  { name: 'apology_at', type: 'timestamptz', value: (d) => iso(d.record.apologyAt) },
  { name: 'apology_reason', type: 'text', value: (d) => d.record.apologyReason },
  { name: 'paused_at', type: 'timestamptz', value: (d) => iso(d.record.pausedAt) },
  { name: 'supplement_reason', type: 'text', value: (d) => d.record.supplementReason },
  { name: 'supplement_components', type: 'text', cast: 'jsonb', value: (d) => (d.record.supplementComponents ? JSON.stringify(d.record.supplementComponents) : null) },
  { name: 'refusal_reason', type: 'text', value: (d) => d.record.refusalReason },
  { name: 'result', type: 'text', value: (d) => d.record.result },
  { name: 'result_ready_at', type: 'timestamptz', value: (d) => iso(d.record.resultReadyAt) },
  { name: 'returned_at', type: 'timestamptz', value: (d) => iso(d.record.returnedAt) },
  { name: 'ended_at', type: 'timestamptz', value: (d) => iso(d.record.endedAt) },
  { name: 'end_reason', type: 'text', value: (d) => d.record.endReason },
  { name: 'fee_amount', type: 'bigint', value: (d) => d.record.feeAmount },
  { name: 'paid_at', type: 'timestamptz', value: (d) => iso(d.record.paidAt) },
  { name: 'rating', type: 'smallint', value: (d) => d.record.rating },
  { name: 'rating_comment', type: 'text', value: (d) => d.record.ratingComment },
  { name: 'rated_at', type: 'timestamptz', value: (d) => iso(d.record.ratedAt) },
  { name: 'apology_due', type: 'boolean', value: (d) => d.record.apologyDue },
  { name: 'updated_at', type: 'timestamptz', value: (d) => iso(d.record.updatedAt) },
]);

/** `report_dossiers` in the column order of `factsParams`, the application's own parameters for the row. */
const FACT_COLUMNS: readonly [string, string][] = [
  ['dossier_id', 'text'],
  ['agency_id', 'text'],
  ['procedure_code', 'text'],
  ['channel', 'smallint'],
  ['received_at', 'timestamptz'],
  ['received_on', 'date'],
  ['finished_at', 'timestamptz'],
  ['finished_on', 'date'],
  ['end_kind', 'text'],
  ['due_on', 'date'],
  ['original_due_on', 'date'],
  ['late_hours', 'numeric'],
  ['original_late_hours', 'numeric'],
  ['working_hours', 'numeric'],
  ['rating', 'smallint'],
];
const REPORT_DOSSIERS = new UnnestInsert<unknown[]>(
  'report_dossiers',
  FACT_COLUMNS.map(([name, type], i) => ({ name, type, value: (params) => params[i] })),
);

type DeadlineRow = DeadlineChange & { readonly dossierId: string; readonly seq: number };
const REPORT_DEADLINES = new UnnestInsert<DeadlineRow>('report_deadlines', [
  { name: 'dossier_id', type: 'text', value: (r) => r.dossierId },
  { name: 'since', type: 'timestamptz', value: (r) => iso(r.since) },
  { name: 'seq', type: 'integer', value: (r) => r.seq },
  { name: 'paused', type: 'boolean', value: (r) => r.state.paused },
  { name: 'due_on', type: 'date', value: (r) => r.state.dueOn },
  { name: 'original_due_on', type: 'date', value: (r) => r.state.originalDueOn },
]);

type TaskRow = GeneratedTask & { readonly dossierId: string };
const DOSSIER_TASKS = new UnnestInsert<TaskRow>('dossier_tasks', [
  { name: 'task_key', type: 'text', value: (t) => t.taskKey },
  { name: 'dossier_id', type: 'text', value: (t) => t.dossierId },
  { name: 'element_id', type: 'text', value: (t) => t.step.elementId },
  { name: 'name', type: 'text', value: (t) => t.step.name },
  { name: 'step_kind', type: 'text', value: (t) => t.step.kind },
  { name: 'role', type: 'text', value: (t) => t.step.role },
  { name: 'agency_id', type: 'text', value: (t) => t.step.agencyId },
  { name: 'form', type: 'text', value: (t) => t.step.form },
  { name: 'outcomes', type: 'text', cast: 'jsonb', value: (t) => t.step.outcomes },
  { name: 'state', type: 'text', value: (t) => t.state },
  { name: 'assignee', type: 'text', value: (t) => t.assignee },
  { name: 'created_at', type: 'timestamptz', value: (t) => iso(t.createdAt) },
  { name: 'due_at', type: 'timestamptz', value: (t) => iso(t.dueAt) },
  { name: 'claimed_at', type: 'timestamptz', value: (t) => iso(t.claimedAt) },
  { name: 'completed_at', type: 'timestamptz', value: (t) => iso(t.completedAt) },
  { name: 'completed_by', type: 'text', value: (t) => t.completedBy },
  { name: 'outcome', type: 'text', value: (t) => t.outcome },
  { name: 'form_data', type: 'text', cast: 'jsonb', value: (t) => t.formData },
  { name: 'timing', type: 'text', value: (t) => t.timing },
  { name: 'late_hours', type: 'numeric', value: (t) => t.lateHours },
]);

export interface WrittenRows {
  dossiers: number;
  reportDossiers: number;
  reportDeadlines: number;
  tasks: number;
}

/**
 * Writes generated dossiers in batches, one transaction per batch (dossiers,
 * then the report rows and steps that refer to them), while the next batch is
 * being generated.
 */
export class BulkWriter {
  readonly written: WrittenRows = { dossiers: 0, reportDossiers: 0, reportDeadlines: 0, tasks: 0 };
  /** Time spent waiting for the database rather than generating. */
  waitedMs = 0;
  private batch: GeneratedDossier[] = [];
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly db: Db,
    private readonly batchSize: number,
    /** Batches written at the same time: more than one only helps a server, whose backends run beside this process. */
    private readonly parallel: number,
  ) {}

  async add(dossier: GeneratedDossier): Promise<void> {
    this.batch.push(dossier);
    if (this.batch.length >= this.batchSize) await this.flush();
    // Generating is synchronous work: let the driver send the batch in flight its next statement now and then.
    else if (this.batch.length % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async flush(): Promise<void> {
    const rows = this.batch;
    this.batch = [];
    while (this.inFlight.length >= this.parallel) await this.settleOldest();
    if (rows.length > 0) {
      const write = this.write(rows);
      // The failure is reported where the batch is awaited, not as an unhandled rejection meanwhile.
      write.catch(() => undefined);
      this.inFlight.push(write);
    }
  }

  async close(): Promise<void> {
    await this.flush();
    while (this.inFlight.length > 0) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.inFlight.shift();
    const started = performance.now();
    try {
      await oldest;
    } finally {
      this.waitedMs += performance.now() - started;
    }
  }

  private async write(dossiers: readonly GeneratedDossier[]): Promise<void> {
    const facts: unknown[][] = [];
    const deadlines: DeadlineRow[] = [];
    const tasks: TaskRow[] = [];
    for (const d of dossiers) {
      if (d.facts) facts.push(factsParams(d.facts));
      d.deadlines.forEach((change, i) => deadlines.push({ ...change, dossierId: d.record.id, seq: i + 1 }));
      for (const task of d.tasks) tasks.push({ ...task, dossierId: d.record.id });
    }
    await this.db.transaction(async (tx) => {
      await insertChunks(tx, DOSSIERS, dossiers, this.batchSize);
      await insertChunks(tx, REPORT_DOSSIERS, facts, this.batchSize);
      await insertChunks(tx, REPORT_DEADLINES, deadlines, this.batchSize);
      await insertChunks(tx, DOSSIER_TASKS, tasks, this.batchSize);
    });
    this.written.dossiers += dossiers.length;
    this.written.reportDossiers += facts.length;
    this.written.reportDeadlines += deadlines.length;
    this.written.tasks += tasks.length;
  }
}

async function insertChunks<T>(tx: Db, insert: UnnestInsert<T>, rows: readonly T[], size: number): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    await tx.query(insert.sql, insert.params(rows.slice(start, start + size)));
  }
}

/** Move the daily code counters past the numbers the generated dossiers took. */
export async function writeCodeCounters(db: Db, counters: readonly { unitCode: string; day: string; last: number }[]): Promise<void> {
  await db.query(
    `INSERT INTO dossier_code_counters (unit_code, day, last)
     SELECT unit_code, day, last FROM unnest($1::text[], $2::date[], $3::integer[]) AS u (unit_code, day, last)
     ON CONFLICT (unit_code, day) DO UPDATE SET last = greatest(dossier_code_counters.last, excluded.last)`,
    [counters.map((c) => c.unitCode), counters.map((c) => c.day), counters.map((c) => c.last)],
  );
}

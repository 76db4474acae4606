import type { Db, WorkingCalendar } from '../../engine/index.js';
import { recordReportFacts } from '../reports/facts.js';
import { AppError } from '../errors.js';
import type { Channel, DossierStatus } from './statuses.js';
import type { Outcome, StepKind } from './steps.js';
import type { Timing } from './deadlines.js';

export interface Applicant {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
}

export interface DossierRecord {
  readonly id: string;
  readonly code: string;
  readonly procedureCode: string;
  readonly procedureVersion: number;
  readonly receivingAgencyId: string;
  readonly channel: Channel;
  readonly status: DossierStatus;
  readonly applicant: Applicant;
  readonly formData: Record<string, unknown>;
  readonly instanceKey: string | null;
  readonly submittedAt: Date;
  readonly completeAt: Date;
  readonly receivedAt: Date | null;
  readonly receivedBy: string | null;
  readonly dueAt: Date | null;
  readonly originalDueAt: Date | null;
  readonly apologyAt: Date | null;
  readonly apologyReason: string | null;
  readonly pausedAt: Date | null;
  readonly supplementReason: string | null;
  readonly supplementComponents: string[] | null;
  readonly refusalReason: string | null;
  readonly result: 'approved' | 'refused' | null;
  readonly resultReadyAt: Date | null;
  readonly returnedAt: Date | null;
  readonly endedAt: Date | null;
  readonly endReason: string | null;
  readonly feeAmount: number | null;
  readonly paidAt: Date | null;
  readonly rating: number | null;
  readonly ratingComment: string | null;
  readonly ratedAt: Date | null;
  readonly apologyDue: boolean;
  readonly updatedAt: Date;
}

export interface TaskRecord {
  readonly taskKey: string;
  readonly dossierId: string;
  readonly elementId: string;
  readonly name: string;
  readonly stepKind: StepKind;
  readonly role: string;
  readonly agencyId: string;
  readonly form: string | null;
  readonly outcomes: Outcome[];
  readonly state: 'open' | 'completed' | 'canceled';
  readonly assignee: string | null;
  readonly createdAt: Date;
  readonly dueAt: Date | null;
  readonly claimedAt: Date | null;
  readonly completedAt: Date | null;
  readonly completedBy: string | null;
  readonly outcome: string | null;
  readonly formData: Record<string, unknown> | null;
  readonly timing: Timing | null;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

export function toDossier(r: Record<string, unknown>): DossierRecord {
  return {
    id: r.id as string,
    code: r.code as string,
    procedureCode: r.procedure_code as string,
    procedureVersion: r.procedure_version as number,
    receivingAgencyId: r.receiving_agency_id as string,
    channel: Number(r.channel) as Channel,
    status: Number(r.status) as DossierStatus,
    applicant: {
      name: r.applicant_name as string,
      idNumber: r.applicant_id_number as string,
      phone: (r.applicant_phone as string | null) ?? null,
      email: (r.applicant_email as string | null) ?? null,
      address: (r.applicant_address as string | null) ?? null,
    },
    formData: r.form_data as Record<string, unknown>,
    instanceKey: (r.instance_key as string | null) ?? null,
    submittedAt: new Date(r.submitted_at as string),
    completeAt: new Date(r.complete_at as string),
    receivedAt: date(r.received_at),
    receivedBy: (r.received_by as string | null) ?? null,
    dueAt: date(r.due_at),
    originalDueAt: date(r.original_due_at),
    apologyAt: date(r.apology_at),
    apologyReason: (r.apology_reason as string | null) ?? null,
    pausedAt: date(r.paused_at),
    supplementReason: (r.supplement_reason as string | null) ?? null,
    supplementComponents: (r.supplement_components as string[] | null) ?? null,
    refusalReason: (r.refusal_reason as string | null) ?? null,
    result: (r.result as DossierRecord['result']) ?? null,
    resultReadyAt: date(r.result_ready_at),
    returnedAt: date(r.returned_at),
    endedAt: date(r.ended_at),
    endReason: (r.end_reason as string | null) ?? null,
    feeAmount: r.fee_amount === null || r.fee_amount === undefined ? null : Number(r.fee_amount),
    paidAt: date(r.paid_at),
    rating: (r.rating as number | null) ?? null,
    ratingComment: (r.rating_comment as string | null) ?? null,
    ratedAt: date(r.rated_at),
    apologyDue: Boolean(r.apology_due),
    updatedAt: new Date(r.updated_at as string),
  };
}

export function toTask(r: Record<string, unknown>): TaskRecord {
  return {
    taskKey: r.task_key as string,
    dossierId: r.dossier_id as string,
    elementId: r.element_id as string,
    name: r.name as string,
    stepKind: r.step_kind as StepKind,
    role: r.role as string,
    agencyId: r.agency_id as string,
    form: (r.form as string | null) ?? null,
    outcomes: r.outcomes as Outcome[],
    state: r.state as TaskRecord['state'],
    assignee: (r.assignee as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    dueAt: date(r.due_at),
    claimedAt: date(r.claimed_at),
    completedAt: date(r.completed_at),
    completedBy: (r.completed_by as string | null) ?? null,
    outcome: (r.outcome as string | null) ?? null,
    formData: (r.form_data as Record<string, unknown> | null) ?? null,
    timing: (r.timing as Timing | null) ?? null,
  };
}

/** Column names of the fields a command may change, so updates stay one statement. */
const COLUMNS: Partial<Record<keyof DossierRecord, string>> = {
  status: 'status',
  instanceKey: 'instance_key',
  completeAt: 'complete_at',
  receivedAt: 'received_at',
  receivedBy: 'received_by',
  dueAt: 'due_at',
  originalDueAt: 'original_due_at',
  apologyAt: 'apology_at',
  apologyReason: 'apology_reason',
  pausedAt: 'paused_at',
  supplementReason: 'supplement_reason',
  supplementComponents: 'supplement_components',
  refusalReason: 'refusal_reason',
  result: 'result',
  resultReadyAt: 'result_ready_at',
  returnedAt: 'returned_at',
  endedAt: 'ended_at',
  endReason: 'end_reason',
  feeAmount: 'fee_amount',
  paidAt: 'paid_at',
  rating: 'rating',
  ratingComment: 'rating_comment',
  ratedAt: 'rated_at',
  apologyDue: 'apology_due',
};

export type DossierChanges = Partial<Pick<DossierRecord, keyof typeof COLUMNS & keyof DossierRecord>>;

export async function findDossierByCode(db: Db, code: string, forUpdate = false): Promise<DossierRecord | undefined> {
  const { rows } = await db.query(`SELECT * FROM dossiers WHERE code = $1${forUpdate ? ' FOR UPDATE' : ''}`, [code]);
  return rows[0] ? toDossier(rows[0]) : undefined;
}

export async function requireDossierByCode(db: Db, code: string, forUpdate = false): Promise<DossierRecord> {
  const dossier = await findDossierByCode(db, code, forUpdate);
  if (!dossier) throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ «${code}».`);
  return dossier;
}

/** Store a command's changes to a dossier, and the report rows that follow from them, in the caller's transaction. */
export async function updateDossier(db: Db, calendar: WorkingCalendar, dossier: DossierRecord, changes: DossierChanges, at: Date): Promise<DossierRecord> {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(changes)) {
    const column = COLUMNS[field as keyof DossierRecord];
    if (!column) throw new Error(`Unknown dossier field ${field}`);
    params.push(value instanceof Date ? value.toISOString() : Array.isArray(value) ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  params.push(at.toISOString(), dossier.id);
  const { rows } = await db.query(
    `UPDATE dossiers SET ${sets.join(', ')}${sets.length ? ', ' : ''}updated_at = $${params.length - 1} WHERE id = $${params.length} RETURNING *`,
    params,
  );
  const updated = toDossier(rows[0]!);
  await recordReportFacts(db, calendar, dossier, updated, at);
  return updated;
}

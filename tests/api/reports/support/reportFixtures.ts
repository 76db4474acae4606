import type { Db, WorkingCalendar } from '../../../../engine/index.js';
import type { DossierRecord } from '../../../../api/dossiers/index.js';
import { deadlineStateOf, reportFactsOf, type DeadlineState } from '../../../../api/reports/index.js';
import { appendDeadline, upsertFacts } from '../../../../api/reports/facts.js';

export const at = (local: string): Date => new Date(local.length === 10 ? `${local}T09:00:00+07:00` : `${local}+07:00`);

let serial = 0;

/** A dossier as the service would have left it; dates are local (`YYYY-MM-DD` means 09:00 that day). */
export function aDossier(overrides: Partial<DossierRecord> & { receivedAt: Date | null }): DossierRecord {
  serial += 1;
  const received = overrides.receivedAt ?? at('2026-03-02');
  return {
    id: `fixture-${serial}`,
    code: `000.00.16.H99-260302-${String(serial).padStart(4, '0')}`,
    procedureCode: 'khai-sinh',
    procedureVersion: 1,
    receivingAgencyId: 'hai-chau',
    channel: 1,
    status: 4,
    applicant: { name: `Người nộp ${serial}`, idNumber: '048090001234', phone: null, email: null, address: null },
    formData: {},
    instanceKey: null,
    submittedAt: received,
    completeAt: received,
    receivedBy: 'motcua.haichau',
    dueAt: null,
    originalDueAt: null,
    apologyAt: null,
    apologyReason: null,
    pausedAt: null,
    supplementReason: null,
    supplementComponents: null,
    refusalReason: null,
    result: null,
    resultReadyAt: null,
    returnedAt: null,
    endedAt: null,
    endReason: null,
    feeAmount: null,
    paidAt: null,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    apologyDue: false,
    updatedAt: received,
    ...overrides,
  };
}

/**
 * Store a dossier and its report rows as the application writes them; `history`
 * gives the deadline rows (default: one, from reception, in the dossier's state).
 */
export async function storeDossier(
  db: Db,
  calendar: WorkingCalendar,
  dossier: DossierRecord,
  history?: readonly (DeadlineState & { since: Date })[],
): Promise<DossierRecord> {
  await db.query(
    `INSERT INTO dossiers (id, code, procedure_code, procedure_version, receiving_agency_id, channel, status, applicant_name,
       applicant_id_number, form_data, submitted_at, complete_at, received_at, due_at, original_due_at, paused_at, result,
       result_ready_at, ended_at, rating, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '{}', $10, $10, $11, $12, $13, $14, $15, $16, $17, $18, $10)`,
    [
      dossier.id,
      dossier.code,
      dossier.procedureCode,
      dossier.procedureVersion,
      dossier.receivingAgencyId,
      dossier.channel,
      dossier.status,
      dossier.applicant.name,
      dossier.applicant.idNumber,
      dossier.submittedAt.toISOString(),
      dossier.receivedAt?.toISOString() ?? null,
      dossier.dueAt?.toISOString() ?? null,
      dossier.originalDueAt?.toISOString() ?? null,
      dossier.pausedAt?.toISOString() ?? null,
      dossier.result,
      dossier.resultReadyAt?.toISOString() ?? null,
      dossier.endedAt?.toISOString() ?? null,
      dossier.rating,
    ],
  );
  const facts = reportFactsOf(calendar, dossier);
  if (!facts) return dossier;
  await upsertFacts(db, facts);
  const rows = history ?? [{ since: dossier.receivedAt!, ...deadlineStateOf(calendar, dossier)! }];
  for (const { since, ...state } of rows) await appendDeadline(db, dossier.id, since, state);
  return dossier;
}

import type { Db } from '../../engine/index.js';
import { appendAudit } from '../audit/index.js';
import { dueSoonLimit, type DossierContext } from '../dossiers/index.js';
import { enqueueNotification } from '../notifications/index.js';

/**
 * The daily reminder (DOMAIN.md §3, "will be late"): a dossier due within the
 * next working day and not yet finished is announced to every agency holding
 * one of its open steps (or the receiving desk), and flagged: if it will be
 * late, the agency owes the applicant an apology with a new date. Each dossier
 * is reminded once per due date.
 */
export async function remindDueDossiers(db: Db, context: DossierContext): Promise<{ reminded: number }> {
  const now = context.clock.now();
  const limit = dueSoonLimit(context.calendar, now);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; code: string; due_at: string; receiving_agency_id: string; procedure_code: string; procedure_version: number; agencies: string[] | null }>(
      `SELECT d.id, d.code, d.due_at, d.receiving_agency_id, d.procedure_code, d.procedure_version,
              (SELECT array_agg(DISTINCT t.agency_id) FROM dossier_tasks t WHERE t.dossier_id = d.id AND t.state = 'open') AS agencies
       FROM dossiers d
       WHERE d.ended_at IS NULL AND d.result_ready_at IS NULL AND d.status IN (2, 4, 6)
         AND d.due_at > $1 AND d.due_at <= $2
         AND (d.due_reminded_at IS NULL OR d.due_reminded_at < d.due_at - interval '30 days')
       ORDER BY d.due_at
       FOR UPDATE OF d SKIP LOCKED`,
      [now.toISOString(), limit.toISOString()],
    );
    const catalogue = context.catalogue();
    for (const row of rows) {
      const procedure = catalogue.procedureVersion(row.procedure_code, row.procedure_version).metadata;
      for (const agencyId of row.agencies?.length ? row.agencies : [row.receiving_agency_id]) {
        const agency = catalogue.agency(agencyId);
        if (!agency?.email) continue;
        await enqueueNotification(tx, {
          channel: 'email',
          to: agency.email,
          template: 'due-reminder',
          data: { dossierCode: row.code, procedureName: procedure.name, agencyName: agency.name, dueAt: new Date(row.due_at).toISOString() },
          dossierCode: row.code,
        });
      }
      await tx.query('UPDATE dossiers SET due_reminded_at = $2, apology_due = (apology_at IS NULL) WHERE id = $1', [row.id, now.toISOString()]);
      await appendAudit(tx, {
        actor: 'system',
        action: 'dossier.dueReminder',
        entityType: 'dossier',
        entityId: row.id,
        dossierCode: row.code,
        before: { dueRemindedAt: null },
        after: { dueRemindedAt: now.toISOString(), apologyDue: true },
        at: now,
      });
    }
    return { reminded: rows.length };
  });
}

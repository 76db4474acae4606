import type { Db } from '../../engine/store/index.js';
import { AUDIT_COLUMNS, toAuditEntry, type AuditEntry, type AuditRow } from './AuditEntry.js';

/** Every audit entry about one dossier, oldest first. */
export async function readAudit(db: Db, dossierCode: string): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE dossier_code = $1 ORDER BY seq`,
    [dossierCode],
    { name: 'audit_read_dossier' },
  );
  return rows.map(toAuditEntry);
}

import { readFile } from 'node:fs/promises';
import type { AuditEntryInput } from '../../../api/audit/index.js';
import type { Db } from '../../../engine/store/index.js';
import { migrate } from '../../../engine/store/index.js';
import { openTestDbs } from '../../support/testDb.js';

const MIGRATION = new URL('../../../api/store/migrations/104_audit.sql', import.meta.url);

/** Handles on a fresh database with the audit log only (separate pools on a server); close the first. */
export async function openAuditDbs(count: number): Promise<Db[]> {
  const dbs = await openTestDbs(count);
  await migrate(dbs[0], [{ id: '104_audit', sql: await readFile(MIGRATION, 'utf8') }]);
  return dbs;
}

/** Delete every entry, as only a superuser switching the guard off could. */
export async function emptyAuditLog(db: Db): Promise<void> {
  await db.query('ALTER TABLE audit_log DISABLE TRIGGER ALL; TRUNCATE audit_log; ALTER TABLE audit_log ENABLE TRIGGER ALL');
}

const START = Date.parse('2025-03-03T02:00:00.000Z');

/** A dossier status change by an officer; the n-th entry is n seconds after the first. */
export function anEntry(n: number, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    at: new Date(START + n * 1000),
    actor: 'can.bo',
    action: 'dossier.status_changed',
    entityType: 'dossier',
    entityId: `dossier-${n}`,
    dossierCode: `000.00.16.H56-250303-${String(n).padStart(4, '0')}`,
    before: { status: 2 },
    after: { status: 4, note: `bước ${n}`, dueAt: new Date(START + 86_400_000) },
    ...overrides,
  };
}

import type { Db } from '../../engine/store/index.js';
import { auditHash, GENESIS_HASH } from './auditHash.js';
import { AuditError } from './AuditError.js';

export interface AuditEntryInput {
  /** A username, `system`, or `citizen:<masked id number>` (see citizenActor). */
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly dossierCode?: string | null;
  /** The entity before and after the change, as JSON; keep them small and free of secrets. */
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: Date;
}

// Advisory-lock namespace of the chain; the second key is the schema, so installations
// sharing a server in different schemas keep separate chains without waiting for each other.
const CHAIN_LOCK = 0x61756469;

/**
 * Append one entry to the audit log, inside the caller's transaction so the entry exists
 * exactly when the change it records does. Appenders are serialised until their
 * transactions end (the chain has one tail), so call this late in the transaction.
 */
export async function appendAudit(tx: Db, entry: AuditEntryInput): Promise<void> {
  if (!tx.inTransaction) {
    throw new AuditError(
      'NOT_IN_TRANSACTION',
      'Expected appendAudit to be called with the transaction that makes the change, but it was given a handle outside any transaction.',
    );
  }
  const fields = validEntry(entry);
  const { rows: locked } = await tx.query<{ isolation: string }>(
    `SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), ''))), current_setting('transaction_isolation') AS isolation`,
    [CHAIN_LOCK],
    { name: 'audit_lock_chain' },
  );
  // Under a snapshot older than the lock, the tail read next could miss an entry committed
  // meanwhile, and two entries would name the same predecessor.
  if (locked[0].isolation !== 'read committed') {
    throw new AuditError(
      'UNSUPPORTED_ISOLATION',
      `Expected appendAudit in a READ COMMITTED transaction, but the transaction is ${locked[0].isolation.toUpperCase()}.`,
    );
  }
  // A separate statement, so its snapshot is taken after the lock was granted.
  const { rows: tail } = await tx.query<{ prev_hash: string | null; seq: string }>(
    `SELECT (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS prev_hash,
            nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`,
    [],
    { name: 'audit_tail' },
  );
  const prevHash = tail[0].prev_hash ?? GENESIS_HASH;
  const seq = Number(tail[0].seq);
  const hash = auditHash(prevHash, { seq, ...fields });
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, dossier_code, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11)`,
    [
      seq,
      fields.at,
      fields.actor,
      fields.action,
      fields.entityType,
      fields.entityId,
      fields.dossierCode,
      jsonText(fields.before),
      jsonText(fields.after),
      prevHash,
      hash,
    ],
    { name: 'audit_insert' },
  );
}

function validEntry(entry: AuditEntryInput) {
  for (const key of ['actor', 'action', 'entityType', 'entityId'] as const) {
    if (typeof entry[key] !== 'string' || entry[key] === '') {
      throw new AuditError(
        'INVALID_ENTRY',
        `Expected the audit entry's ${key} to be a non-empty string, but got ${JSON.stringify(entry[key])}.`,
      );
    }
  }
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) {
    throw new AuditError('INVALID_ENTRY', `Expected the audit entry's time to be a valid Date, but got ${String(entry.at)}.`);
  }
  const dossierCode = entry.dossierCode ?? null;
  if (dossierCode !== null && (typeof dossierCode !== 'string' || dossierCode === '')) {
    throw new AuditError(
      'INVALID_ENTRY',
      `Expected the audit entry's dossier code to be a non-empty string or null, but got ${JSON.stringify(dossierCode)}.`,
    );
  }
  return {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    dossierCode,
    before: asStored(entry.before),
    after: asStored(entry.after),
  };
}

// The hash must be computed over what the database will give back, not over the caller's
// object: Dates become strings, undefined members disappear, and absent becomes null.
function asStored(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

function jsonText(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

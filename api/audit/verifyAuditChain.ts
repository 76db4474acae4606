import type { Db } from '../../engine/store/index.js';
import { AUDIT_COLUMNS, toAuditEntry, type AuditRow } from './AuditEntry.js';
import { auditHash, GENESIS_HASH } from './auditHash.js';

export interface VerifyAuditChainOptions {
  /** First entry to check; its link to the entry before it is checked too. Default: the first entry. */
  readonly fromSeq?: number;
  /** Most entries to check. Default: all. */
  readonly limit?: number;
  /** Entries read per query. Default 1000. */
  readonly pageSize?: number;
}

export type AuditChainReport =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: string };

/**
 * Recompute every entry's hash and its link to the entry before it, in pages, so a log of
 * any length is checked in constant memory. `brokenAt` is the first entry that does not
 * hold: an edited entry, or the entry after a removed or re-hashed one.
 */
export async function verifyAuditChain(db: Db, options: VerifyAuditChainOptions = {}): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? 1000;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let prevHash = options.fromSeq === undefined ? GENESIS_HASH : await hashBefore(db, options.fromSeq);
  // Keyset pages: entries appended while checking are simply reached by a later page.
  let after = options.fromSeq === undefined ? 0 : options.fromSeq - 1;
  let entries = 0;
  while (entries < limit) {
    const { rows } = await db.query<AuditRow>(
      `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, Math.min(pageSize, limit - entries)],
      { name: 'audit_verify_page' },
    );
    for (const row of rows) {
      const entry = toAuditEntry(row);
      if (entry.prevHash !== prevHash) {
        return {
          ok: false,
          brokenAt: entry.seq,
          reason:
            `Expected entry ${entry.seq} to name ${prevHash} as the previous hash, but it names ${entry.prevHash}: ` +
            'an entry before it was removed or changed.',
        };
      }
      const expected = auditHash(prevHash, entry);
      if (entry.hash !== expected) {
        return {
          ok: false,
          brokenAt: entry.seq,
          reason: `Expected entry ${entry.seq} to hash to ${expected}, but its stored hash is ${entry.hash}: its contents were changed.`,
        };
      }
      prevHash = entry.hash;
      after = entry.seq;
      entries += 1;
    }
    if (rows.length < pageSize) break;
  }
  return { ok: true, entries, lastHash: prevHash };
}

async function hashBefore(db: Db, seq: number): Promise<string> {
  const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT 1', [seq]);
  return rows[0]?.hash ?? GENESIS_HASH;
}

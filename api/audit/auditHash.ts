import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: all its contents, in the form the database gives back. */
export interface AuditHashedFields {
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly dossierCode: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** `sha256(prevHash + '\n' + canonicalJson(fields))`, hex: links the entry to the one before it. */
export function auditHash(prevHash: string, fields: AuditHashedFields): string {
  const body = canonicalJson({
    seq: fields.seq,
    at: fields.at.toISOString(),
    actor: fields.actor,
    action: fields.action,
    entityType: fields.entityType,
    entityId: fields.entityId,
    dossierCode: fields.dossierCode,
    before: fields.before ?? null,
    after: fields.after ?? null,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** One entry of the audit log as read back. */
export interface AuditEntry {
  readonly seq: number;
  readonly at: Date;
  /** A username, `system`, or `citizen:<masked id number>`. */
  readonly actor: string;
  /** What was done, e.g. `dossier.accepted`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly dossierCode: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditRow {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  dossier_code: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS = 'seq, at, actor, action, entity_type, entity_id, dossier_code, before, after, prev_hash, hash';

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    dossierCode: row.dossier_code,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

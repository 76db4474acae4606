import type { Db } from './Db.js';

/** Deployed process versions. The model is stored parsed, so no process parses BPMN again after a restart. */

export interface ProcessRow {
  readonly key: string;
  readonly processId: string;
  readonly version: number;
  readonly name?: string;
  readonly versionTag?: string;
  readonly checksum: string;
  readonly resourceName: string;
  readonly model: unknown;
  readonly deployedAt: Date;
}

interface RawProcessRow {
  key: string;
  process_id: string;
  version: number;
  name: string | null;
  version_tag: string | null;
  checksum: string;
  resource_name: string;
  model: unknown;
  deployed_at: Date;
}

const COLUMNS = 'key, process_id, version, name, version_tag, checksum, resource_name, model, deployed_at';

function toRow(raw: RawProcessRow): ProcessRow {
  return {
    key: raw.key,
    processId: raw.process_id,
    version: raw.version,
    ...(raw.name ? { name: raw.name } : {}),
    ...(raw.version_tag ? { versionTag: raw.version_tag } : {}),
    checksum: raw.checksum,
    resourceName: raw.resource_name,
    model: raw.model,
    deployedAt: new Date(raw.deployed_at),
  };
}

export async function findProcessByKey(db: Db, key: string): Promise<ProcessRow | undefined> {
  const { rows } = await db.query<RawProcessRow>(`SELECT ${COLUMNS} FROM engine_processes WHERE key = $1`, [key]);
  return rows[0] ? toRow(rows[0]) : undefined;
}

export async function findLatestProcess(db: Db, processId: string): Promise<ProcessRow | undefined> {
  const { rows } = await db.query<RawProcessRow>(
    `SELECT ${COLUMNS} FROM engine_processes WHERE process_id = $1 ORDER BY version DESC LIMIT 1`,
    [processId],
  );
  return rows[0] ? toRow(rows[0]) : undefined;
}

export async function findProcessVersion(db: Db, processId: string, version: number): Promise<ProcessRow | undefined> {
  const { rows } = await db.query<RawProcessRow>(`SELECT ${COLUMNS} FROM engine_processes WHERE process_id = $1 AND version = $2`, [
    processId,
    version,
  ]);
  return rows[0] ? toRow(rows[0]) : undefined;
}

export async function listProcesses(db: Db): Promise<ProcessRow[]> {
  const { rows } = await db.query<RawProcessRow>(`SELECT ${COLUMNS} FROM engine_processes ORDER BY process_id, version`);
  return rows.map(toRow);
}

export async function readProcessXml(db: Db, key: string): Promise<string | undefined> {
  const { rows } = await db.query<{ xml: string }>('SELECT xml FROM engine_processes WHERE key = $1', [key]);
  return rows[0]?.xml;
}

/** Deployments of one process id are serialised, so two deployers never take the same version number. */
export async function lockProcessId(tx: Db, processId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`engine_processes:${processId}`]);
}

export async function insertProcess(
  tx: Db,
  row: Omit<ProcessRow, 'deployedAt'> & { readonly xml: string; readonly deployedAt: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO engine_processes (key, process_id, version, name, version_tag, checksum, resource_name, xml, model, deployed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [row.key, row.processId, row.version, row.name ?? null, row.versionTag ?? null, row.checksum, row.resourceName, row.xml, JSON.stringify(row.model), row.deployedAt],
  );
}

/** Replace the start-event timers and message start subscriptions of a process id with those of its newest version. */
export async function replaceStartEvents(
  tx: Db,
  processId: string,
  timers: readonly { key: string; processKey: string; elementId: string; dueAt: string; repetitions: number; interval?: string }[],
  messages: readonly { processKey: string; elementId: string; messageName: string }[],
): Promise<void> {
  await tx.query(
    `DELETE FROM engine_timers WHERE root_key IS NULL AND process_key IN (SELECT key FROM engine_processes WHERE process_id = $1)`,
    [processId],
  );
  await tx.query('DELETE FROM engine_message_start_subscriptions WHERE process_id = $1', [processId]);
  for (const t of timers) {
    await tx.query(
      `INSERT INTO engine_timers (key, element_id, process_key, target, due_at, repetitions, interval) VALUES ($1, $2, $3, 'start', $4, $5, $6)`,
      [t.key, t.elementId, t.processKey, t.dueAt, t.repetitions, t.interval ?? null],
    );
  }
  for (const m of messages) {
    await tx.query(
      'INSERT INTO engine_message_start_subscriptions (process_key, process_id, element_id, message_name) VALUES ($1, $2, $3, $4)',
      [m.processKey, processId, m.elementId, m.messageName],
    );
  }
}

import { readFile } from 'node:fs/promises';
import type { Db } from '../../../engine/store/index.js';
import { migrate } from '../../../engine/store/index.js';
import { openTestDbs } from '../../support/testDb.js';

const MIGRATION = new URL('../../../api/store/migrations/105_outbox.sql', import.meta.url);

/** Handles on one fresh database holding only the outbox table (see testDb.ts for several handles). */
export async function openOutboxDbs(count = 1): Promise<Db[]> {
  const dbs = await openTestDbs(count);
  await migrate(dbs[0], [{ id: '105_outbox', sql: await readFile(MIGRATION, 'utf8') }]);
  return dbs;
}

export async function openOutboxDb(): Promise<Db> {
  return (await openOutboxDbs(1))[0];
}

export interface OutboxRow {
  readonly id: string;
  readonly channel: string;
  readonly recipient: string;
  readonly template: string;
  readonly data: Record<string, unknown>;
  readonly dossier_code: string | null;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  /** Null until a drainer has claimed the row. */
  readonly next_attempt_at: Date | null;
  readonly last_error: string | null;
  readonly created_at: Date;
  readonly sent_at: Date | null;
}

export async function outboxRows(db: Db): Promise<OutboxRow[]> {
  return (await db.query<OutboxRow>('SELECT * FROM notification_outbox ORDER BY id')).rows;
}

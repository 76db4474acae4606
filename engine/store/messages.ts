import type { Db } from './Db.js';

/** Published messages, kept for their time to live. */

export interface BufferedMessage {
  readonly key: string;
  readonly name: string;
  readonly correlationKey: string;
  readonly variables: Record<string, unknown>;
}

/** Serialise publishers of the same message id, so two of them cannot both pass the duplicate check. */
export async function lockMessageId(tx: Db, name: string, messageId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`engine_messages:${name}:${messageId}`]);
}

export async function messageIdInUse(tx: Db, name: string, messageId: string, now: Date): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM engine_messages WHERE name = $1 AND message_id = $2 AND expires_at > $3 LIMIT 1', [
    name,
    messageId,
    now,
  ]);
  return rows.length > 0;
}

export async function insertMessage(
  tx: Db,
  message: BufferedMessage & { messageId?: string; publishedAt: Date; expiresAt: Date; correlatedProcesses: readonly string[] },
): Promise<void> {
  await tx.query(
    `INSERT INTO engine_messages (key, name, correlation_key, message_id, variables, published_at, expires_at, correlated_processes)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::text[])`,
    [
      message.key,
      message.name,
      message.correlationKey,
      message.messageId ?? null,
      JSON.stringify(message.variables),
      message.publishedAt,
      message.expiresAt,
      [...message.correlatedProcesses],
    ],
  );
}

/** The oldest live message for a new subscription that has not been correlated to its process yet. */
export async function findBufferedMessage(tx: Db, name: string, correlationKey: string, processId: string, now: Date): Promise<BufferedMessage | undefined> {
  const { rows } = await tx.query<{ key: string; name: string; correlation_key: string; variables: Record<string, unknown> }>(
    `SELECT key, name, correlation_key, variables FROM engine_messages
     WHERE name = $1 AND correlation_key = $2 AND expires_at > $3 AND NOT ($4 = ANY(correlated_processes))
     ORDER BY seq LIMIT 1 FOR UPDATE`,
    [name, correlationKey, now, processId],
  );
  const row = rows[0];
  return row ? { key: row.key, name: row.name, correlationKey: row.correlation_key, variables: row.variables } : undefined;
}

export async function markMessageCorrelated(tx: Db, key: string, processId: string): Promise<void> {
  await tx.query('UPDATE engine_messages SET correlated_processes = array_append(correlated_processes, $2) WHERE key = $1', [key, processId]);
}

export async function deleteExpiredMessages(db: Db, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>('DELETE FROM engine_messages WHERE expires_at <= $1 RETURNING key', [now]);
  return rows.map((r) => r.key);
}

export interface SubscriptionMatch {
  readonly key: string;
  readonly rootKey: string;
  readonly processId: string;
}

export async function findSubscriptions(tx: Db, name: string, correlationKey: string): Promise<SubscriptionMatch[]> {
  const { rows } = await tx.query<{ key: string; root_key: string; process_id: string }>(
    'SELECT key, root_key, process_id FROM engine_message_subscriptions WHERE message_name = $1 AND correlation_key = $2 ORDER BY seq',
    [name, correlationKey],
  );
  return rows.map((r) => ({ key: r.key, rootKey: r.root_key, processId: r.process_id }));
}

export interface StartSubscription {
  readonly processKey: string;
  readonly processId: string;
  readonly elementId: string;
}

export async function findStartSubscriptions(tx: Db, name: string): Promise<StartSubscription[]> {
  const { rows } = await tx.query<{ process_key: string; process_id: string; element_id: string }>(
    'SELECT process_key, process_id, element_id FROM engine_message_start_subscriptions WHERE message_name = $1 ORDER BY process_id',
    [name],
  );
  return rows.map((r) => ({ processKey: r.process_key, processId: r.process_id, elementId: r.element_id }));
}

/** Whether an instance of the process, started by a message with this correlation key, is still active. */
export async function activeInstanceStartedWith(tx: Db, processId: string, correlationKey: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM engine_instances WHERE process_id = $1 AND start_correlation_key = $2 AND state = 'active' LIMIT 1`,
    [processId, correlationKey],
  );
  return rows.length > 0;
}

export async function setStartCorrelationKey(tx: Db, instanceKey: string, correlationKey: string): Promise<void> {
  await tx.query('UPDATE engine_instances SET start_correlation_key = $2 WHERE key = $1', [instanceKey, correlationKey]);
}

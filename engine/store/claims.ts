import type { Db } from './Db.js';

/**
 * Claiming due work with FOR UPDATE SKIP LOCKED: several engine processes on
 * one database each take different timers and jobs, and none waits for another.
 */

export type ClaimedTimer =
  | { readonly kind: 'instance'; readonly key: string; readonly rootKey: string; readonly doc: unknown; readonly rev: number }
  | { readonly kind: 'start'; readonly key: string; readonly processKey: string; readonly elementId: string; readonly dueAt: Date; readonly repetitions: number; readonly interval?: string };

/**
 * Claim one due timer. An instance timer is claimed by locking its tree's root
 * row (the lock every command on that tree takes first), so claiming never
 * deadlocks with a command that cancels the timer; the caller re-checks the
 * timer in the tree it got.
 */
export async function claimDueTimer(tx: Db, now: Date): Promise<ClaimedTimer | undefined> {
  const { rows } = await tx.query<{ key: string; root_key: string; doc: unknown; rev: number }>(
    `SELECT t.key, i.key AS root_key, i.doc, i.rev FROM engine_timers t JOIN engine_instances i ON i.key = t.root_key
     WHERE t.due_at <= $1 ORDER BY t.due_at, t.key LIMIT 1 FOR UPDATE OF i SKIP LOCKED`,
    [now],
  );
  if (rows[0]) return { kind: 'instance', key: rows[0].key, rootKey: rows[0].root_key, doc: rows[0].doc, rev: rows[0].rev };
  const start = await tx.query<{ key: string; process_key: string; element_id: string; due_at: Date; repetitions: number; interval: string | null }>(
    `SELECT key, process_key, element_id, due_at, repetitions, interval FROM engine_timers
     WHERE root_key IS NULL AND due_at <= $1 ORDER BY due_at, key LIMIT 1 FOR UPDATE SKIP LOCKED`,
    [now],
  );
  const s = start.rows[0];
  if (!s) return undefined;
  return {
    kind: 'start',
    key: s.key,
    processKey: s.process_key,
    elementId: s.element_id,
    dueAt: new Date(s.due_at),
    repetitions: s.repetitions,
    ...(s.interval ? { interval: s.interval } : {}),
  };
}

export async function rescheduleStartTimer(tx: Db, key: string, dueAt: string | undefined, repetitions: number): Promise<void> {
  if (dueAt === undefined) await tx.query('DELETE FROM engine_timers WHERE key = $1', [key]);
  else await tx.query('UPDATE engine_timers SET due_at = $2, repetitions = $3 WHERE key = $1', [key, dueAt, repetitions]);
}

export async function nextTimerDue(db: Db): Promise<Date | undefined> {
  const { rows } = await db.query<{ due: Date | null }>('SELECT min(due_at) AS due FROM engine_timers');
  return rows[0]?.due ? new Date(rows[0].due) : undefined;
}

export interface ClaimedJob {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly type: string;
  readonly retries: number;
  readonly customHeaders: Record<string, string>;
  readonly deadline: Date;
  /** Whether the job had been activated before and its lock ran out. */
  readonly timedOut: boolean;
}

export async function activateJobs(tx: Db, type: string, worker: string, now: Date, deadline: Date, max: number): Promise<ClaimedJob[]> {
  const { rows } = await tx.query<{
    key: string; root_key: string; instance_key: string; element_instance_key: string; element_id: string; process_id: string;
    type: string; retries: number; custom_headers: Record<string, string>; deadline: Date; timed_out: boolean;
  }>(
    `WITH claimable AS (
       SELECT key, state = 'activated' AS timed_out FROM engine_jobs
       WHERE type = $1 AND ((state = 'activatable' AND (retry_at IS NULL OR retry_at <= $3)) OR (state = 'activated' AND deadline <= $3))
       ORDER BY created_at, key LIMIT $5 FOR UPDATE SKIP LOCKED)
     UPDATE engine_jobs j SET state = 'activated', worker = $2, deadline = $4
     FROM claimable c WHERE j.key = c.key
     RETURNING j.key, j.root_key, j.instance_key, j.element_instance_key, j.element_id, j.process_id, j.type, j.retries,
               j.custom_headers, j.deadline, c.timed_out`,
    [type, worker, now, deadline, max],
  );
  return rows.map((r) => ({
    key: r.key,
    rootKey: r.root_key,
    instanceKey: r.instance_key,
    elementInstanceKey: r.element_instance_key,
    elementId: r.element_id,
    processId: r.process_id,
    type: r.type,
    retries: r.retries,
    customHeaders: r.custom_headers,
    deadline: new Date(r.deadline),
    timedOut: r.timed_out,
  }));
}

export async function readTrees(db: Db, rootKeys: readonly string[]): Promise<Map<string, unknown>> {
  if (!rootKeys.length) return new Map();
  const { rows } = await db.query<{ key: string; doc: unknown }>('SELECT key, doc FROM engine_instances WHERE key = ANY($1::text[])', [
    [...new Set(rootKeys)],
  ]);
  return new Map(rows.map((r) => [r.key, r.doc]));
}

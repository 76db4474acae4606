import type { Db } from './Db.js';

/**
 * Persistence of instance trees: the tree document in the root instance's
 * row, plus projections of the records the events touched, plus the events
 * themselves. It knows rows and columns, not BPMN: the runtime hands it the
 * final records and the keys that changed.
 */

export interface StoredEvent {
  readonly valueType: string;
  readonly intent: string;
  readonly key: string;
  readonly rootKey?: string;
  readonly instanceKey?: string;
  readonly elementId?: string;
  readonly at: string;
  readonly value: unknown;
}

export interface InstanceRow {
  readonly key: string;
  readonly rootKey: string;
  readonly parentKey?: string;
  readonly processKey: string;
  readonly processId: string;
  readonly version: number;
  readonly state: string;
  readonly createdAt: string;
  readonly endedAt?: string;
}

export interface JobRow {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly type: string;
  readonly retries: number;
  readonly state: string;
  readonly retryAt?: string;
  readonly customHeaders: Record<string, string>;
  readonly errorMessage?: string;
  readonly createdAt: string;
}

export interface UserTaskRow {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly name?: string;
  readonly state: string;
  readonly assignee?: string;
  readonly candidateGroups: string[];
  readonly candidateUsers: string[];
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority: number;
  readonly formKey?: string;
  readonly headers: Record<string, string>;
  readonly jobKey?: string;
  readonly createdAt: string;
  readonly endedAt?: string;
}

export interface TimerRow {
  readonly key: string;
  readonly rootKey?: string;
  readonly instanceKey?: string;
  readonly elementInstanceKey?: string;
  readonly elementId: string;
  readonly processKey: string;
  readonly target: string;
  readonly dueAt: string;
  readonly repetitions: number;
  readonly interval?: string;
}

export interface SubscriptionRow {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly messageName: string;
  readonly correlationKey: string;
  readonly interrupting: boolean;
}

export interface IncidentRow {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly type: string;
  readonly message: string;
  readonly jobKey?: string;
  readonly state: string;
  readonly createdAt: string;
  readonly resolvedAt?: string;
}

/** Everything one command changed in one tree. */
export interface TreeChanges {
  readonly rootKey: string;
  readonly doc: unknown;
  readonly instances: readonly InstanceRow[];
  readonly jobs: { readonly upsert: readonly JobRow[]; readonly remove: readonly string[] };
  readonly userTasks: { readonly upsert: readonly UserTaskRow[]; readonly ended: readonly { key: string; state: string; endedAt: string }[] };
  readonly timers: { readonly upsert: readonly TimerRow[]; readonly remove: readonly string[] };
  readonly subscriptions: { readonly upsert: readonly SubscriptionRow[]; readonly remove: readonly string[] };
  readonly incidents: { readonly created: readonly IncidentRow[]; readonly resolved: readonly { key: string; resolvedAt: string }[] };
  readonly events: readonly StoredEvent[];
}

const json = (value: unknown) => JSON.stringify(value);

export async function lockTree(tx: Db, rootKey: string): Promise<unknown | undefined> {
  const { rows } = await tx.query<{ doc: unknown }>('SELECT doc FROM engine_instances WHERE key = $1 FOR UPDATE', [rootKey]);
  return rows[0]?.doc ?? undefined;
}

/** Lock the tree that owns a record of one of the projection tables, by that record's key. */
export async function lockTreeOf(
  tx: Db,
  table: 'engine_jobs' | 'engine_user_tasks' | 'engine_timers' | 'engine_incidents' | 'engine_instances' | 'engine_message_subscriptions',
  key: string,
): Promise<{ rootKey: string; doc: unknown } | undefined> {
  const { rows } = await tx.query<{ key: string; doc: unknown }>(
    `SELECT i.key, i.doc FROM engine_instances i WHERE i.key = (SELECT root_key FROM ${table} WHERE key = $1) FOR UPDATE`,
    [key],
  );
  const row = rows[0];
  return row ? { rootKey: row.key, doc: row.doc } : undefined;
}

export async function readTree(db: Db, rootKey: string): Promise<unknown | undefined> {
  const { rows } = await db.query<{ doc: unknown }>('SELECT doc FROM engine_instances WHERE key = $1', [rootKey]);
  return rows[0]?.doc ?? undefined;
}

export async function rootKeyOf(db: Db, instanceKey: string): Promise<string | undefined> {
  const { rows } = await db.query<{ root_key: string }>('SELECT root_key FROM engine_instances WHERE key = $1', [instanceKey]);
  return rows[0]?.root_key;
}

export async function saveTree(tx: Db, changes: TreeChanges): Promise<void> {
  if (changes.instances.length) {
    await tx.query(
      `INSERT INTO engine_instances (key, root_key, parent_key, process_key, process_id, version, state, created_at, ended_at)
       SELECT key, "rootKey", "parentKey", "processKey", "processId", version, state, "createdAt", "endedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, "rootKey" text, "parentKey" text, "processKey" text, "processId" text,
            version integer, state text, "createdAt" timestamptz, "endedAt" timestamptz)
       ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, ended_at = EXCLUDED.ended_at`,
      [json(changes.instances)],
    );
  }
  await tx.query('UPDATE engine_instances SET doc = $2::jsonb WHERE key = $1', [changes.rootKey, json(changes.doc)]);

  if (changes.jobs.remove.length) await tx.query('DELETE FROM engine_jobs WHERE key = ANY($1::text[])', [changes.jobs.remove]);
  if (changes.jobs.upsert.length) {
    // A job that changed in the tree (created, failed, retries updated) is no longer held by a worker.
    await tx.query(
      `INSERT INTO engine_jobs (key, root_key, instance_key, element_instance_key, element_id, process_id, type, retries, state,
                                retry_at, custom_headers, error_message, created_at)
       SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", type, retries, state,
              "retryAt", "customHeaders", "errorMessage", "createdAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
            "processId" text, type text, retries integer, state text, "retryAt" timestamptz, "customHeaders" jsonb, "errorMessage" text,
            "createdAt" timestamptz)
       ON CONFLICT (key) DO UPDATE SET retries = EXCLUDED.retries, state = EXCLUDED.state, retry_at = EXCLUDED.retry_at,
            error_message = EXCLUDED.error_message, worker = NULL, deadline = NULL`,
      [json(changes.jobs.upsert)],
    );
  }
  if (changes.userTasks.upsert.length) {
    await tx.query(
      `INSERT INTO engine_user_tasks (key, root_key, instance_key, element_instance_key, element_id, process_id, name, state, assignee,
                                      candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key, headers, job_key,
                                      created_at, ended_at)
       SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", name, state, assignee,
              ARRAY(SELECT jsonb_array_elements_text("candidateGroups")), ARRAY(SELECT jsonb_array_elements_text("candidateUsers")),
              "dueDate", "followUpDate", priority, "formKey", headers, "jobKey", "createdAt", "endedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
            "processId" text, name text, state text, assignee text, "candidateGroups" jsonb, "candidateUsers" jsonb, "dueDate" timestamptz,
            "followUpDate" timestamptz, priority integer, "formKey" text, headers jsonb, "jobKey" text, "createdAt" timestamptz,
            "endedAt" timestamptz)
       ON CONFLICT (key) DO UPDATE SET assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
            candidate_users = EXCLUDED.candidate_users, due_date = EXCLUDED.due_date, follow_up_date = EXCLUDED.follow_up_date,
            priority = EXCLUDED.priority`,
      [json(changes.userTasks.upsert)],
    );
  }
  if (changes.userTasks.ended.length) {
    await tx.query(
      `UPDATE engine_user_tasks t SET state = x.state, ended_at = x."endedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, state text, "endedAt" timestamptz) WHERE t.key = x.key`,
      [json(changes.userTasks.ended)],
    );
  }
  await saveTimers(tx, changes.timers);
  if (changes.subscriptions.remove.length) {
    await tx.query('DELETE FROM engine_message_subscriptions WHERE key = ANY($1::text[])', [changes.subscriptions.remove]);
  }
  if (changes.subscriptions.upsert.length) {
    await tx.query(
      `INSERT INTO engine_message_subscriptions (key, root_key, instance_key, element_instance_key, element_id, process_id, message_name,
                                                 correlation_key, interrupting)
       SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", "messageName", "correlationKey", interrupting
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
            "processId" text, "messageName" text, "correlationKey" text, interrupting boolean)
       ON CONFLICT (key) DO NOTHING`,
      [json(changes.subscriptions.upsert)],
    );
  }
  if (changes.incidents.created.length) {
    await tx.query(
      `INSERT INTO engine_incidents (key, root_key, instance_key, element_instance_key, element_id, process_id, type, message, job_key,
                                     state, created_at, resolved_at)
       SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", type, message, "jobKey", state,
              "createdAt", "resolvedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
            "processId" text, type text, message text, "jobKey" text, state text, "createdAt" timestamptz, "resolvedAt" timestamptz)
       ON CONFLICT (key) DO NOTHING`,
      [json(changes.incidents.created)],
    );
  }
  if (changes.incidents.resolved.length) {
    await tx.query(
      `UPDATE engine_incidents i SET state = 'resolved', resolved_at = x."resolvedAt"
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, "resolvedAt" timestamptz) WHERE i.key = x.key`,
      [json(changes.incidents.resolved)],
    );
  }
  await appendEvents(tx, changes.events);
}

export async function saveTimers(tx: Db, timers: TreeChanges['timers']): Promise<void> {
  if (timers.remove.length) await tx.query('DELETE FROM engine_timers WHERE key = ANY($1::text[])', [timers.remove]);
  if (!timers.upsert.length) return;
  await tx.query(
    `INSERT INTO engine_timers (key, root_key, instance_key, element_instance_key, element_id, process_key, target, due_at, repetitions, interval)
     SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processKey", target, "dueAt", repetitions, interval
     FROM jsonb_to_recordset($1::jsonb) AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
          "processKey" text, target text, "dueAt" timestamptz, repetitions integer, interval text)
     ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, repetitions = EXCLUDED.repetitions`,
    [json(timers.upsert)],
  );
}

export async function appendEvents(tx: Db, events: readonly StoredEvent[]): Promise<void> {
  if (!events.length) return;
  await tx.query(
    `INSERT INTO engine_events (root_key, instance_key, key, value_type, intent, element_id, at, value)
     SELECT e->>'rootKey', e->>'instanceKey', e->>'key', e->>'valueType', e->>'intent', e->>'elementId', (e->>'at')::timestamptz, e->'value'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n`,
    [json(events)],
  );
}

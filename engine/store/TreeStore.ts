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

function withoutRootAndInstant(event: StoredEvent): Omit<StoredEvent, 'rootKey' | 'at'> {
  const { valueType, intent, key, instanceKey, elementId, value } = event;
  return { valueType, intent, key, value, ...(instanceKey ? { instanceKey } : {}), ...(elementId ? { elementId } : {}) };
}

/** A tree as read: its document and the revision a write must match. */
export interface StoredTree {
  readonly rootKey: string;
  readonly doc: unknown;
  readonly rev: number;
}

type Table = 'engine_jobs' | 'engine_user_tasks' | 'engine_timers' | 'engine_incidents' | 'engine_instances' | 'engine_message_subscriptions';

/** Lock and read a tree by its root key (pessimistic: for claims and multi-tree commands). */
export async function lockTree(tx: Db, rootKey: string): Promise<StoredTree | undefined> {
  const { rows } = await tx.query<{ doc: unknown; rev: number }>('SELECT doc, rev FROM engine_instances WHERE key = $1 FOR UPDATE', [rootKey]);
  return rows[0]?.doc ? { rootKey, doc: rows[0].doc, rev: rows[0].rev } : undefined;
}

/** Read the tree that owns a record of a projection table, by that record's key; `lock` takes the row lock. */
export async function readTreeOf(db: Db, table: Table, key: string, lock: boolean): Promise<StoredTree | undefined> {
  const { rows } = await db.query<{ key: string; doc: unknown; rev: number }>(
    `SELECT i.key, i.doc, i.rev FROM engine_instances i WHERE i.key = (SELECT root_key FROM ${table} WHERE key = $1)${lock ? ' FOR UPDATE' : ''}`,
    [key],
  );
  const row = rows[0];
  return row?.doc ? { rootKey: row.key, doc: row.doc, rev: row.rev } : undefined;
}

export async function readTree(db: Db, rootKey: string): Promise<unknown | undefined> {
  const { rows } = await db.query<{ doc: unknown }>('SELECT doc FROM engine_instances WHERE key = $1', [rootKey]);
  return rows[0]?.doc ?? undefined;
}

export async function rootKeyOf(db: Db, instanceKey: string): Promise<string | undefined> {
  const { rows } = await db.query<{ root_key: string }>('SELECT root_key FROM engine_instances WHERE key = $1', [instanceKey]);
  return rows[0]?.root_key;
}

/** The root row of a new tree: inserted only if the key is free. */
const INSERT_GUARD = `guard AS (
  INSERT INTO engine_instances (key, root_key, parent_key, process_key, process_id, version, state, created_at, ended_at, doc, rev)
  SELECT key, "rootKey", "parentKey", "processKey", "processId", version, state, "createdAt", "endedAt", c.j->'doc', 1
  FROM c, jsonb_to_record(c.j->'root') AS x(key text, "rootKey" text, "parentKey" text, "processKey" text, "processId" text,
       version integer, state text, "createdAt" timestamptz, "endedAt" timestamptz)
  ON CONFLICT (key) DO NOTHING RETURNING 1)`;

/** The root row of an existing tree: updated only at the revision the command read. */
const UPDATE_GUARD = `guard AS (
  UPDATE engine_instances SET doc = c.j->'doc', rev = rev + 1,
         state = COALESCE(c.j->'rootState'->>'state', state),
         ended_at = COALESCE((c.j->'rootState'->>'endedAt')::timestamptz, ended_at)
  FROM c WHERE key = c.j->>'rootKey' AND rev = (c.j->>'rev')::integer RETURNING 1)`;

/**
 * Every projection, by the payload field it writes, each joined with the guard
 * so nothing is written when the guard did not apply.
 */
const PROJECTIONS: Readonly<Record<string, string>> = {
  instances: `instances AS (
  INSERT INTO engine_instances (key, root_key, parent_key, process_key, process_id, version, state, created_at, ended_at)
  SELECT key, "rootKey", "parentKey", "processKey", "processId", version, state, "createdAt", "endedAt"
  FROM c, guard, jsonb_to_recordset(c.j->'instances') AS x(key text, "rootKey" text, "parentKey" text, "processKey" text, "processId" text,
       version integer, state text, "createdAt" timestamptz, "endedAt" timestamptz)
  ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, ended_at = EXCLUDED.ended_at)`,
  jobsRemoved: `jobs_removed AS (
  DELETE FROM engine_jobs WHERE key IN (SELECT jsonb_array_elements_text(c.j->'jobsRemoved') FROM c) AND EXISTS (SELECT 1 FROM guard))`,
  timersRemoved: `timers_removed AS (
  DELETE FROM engine_timers WHERE key IN (SELECT jsonb_array_elements_text(c.j->'timersRemoved') FROM c) AND EXISTS (SELECT 1 FROM guard))`,
  subscriptionsRemoved: `subscriptions_removed AS (
  DELETE FROM engine_message_subscriptions
  WHERE key IN (SELECT jsonb_array_elements_text(c.j->'subscriptionsRemoved') FROM c) AND EXISTS (SELECT 1 FROM guard))`,
  jobs: `jobs AS (
  -- A job that changed in the tree (created, failed, retries updated) is no longer held by a worker.
  INSERT INTO engine_jobs (key, root_key, instance_key, element_instance_key, element_id, process_id, type, retries, state,
                           retry_at, custom_headers, error_message, created_at)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", type, retries, state,
         "retryAt", "customHeaders", "errorMessage", "createdAt"
  FROM c, guard, jsonb_to_recordset(c.j->'jobs') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
       "processId" text, type text, retries integer, state text, "retryAt" timestamptz, "customHeaders" jsonb, "errorMessage" text,
       "createdAt" timestamptz)
  ON CONFLICT (key) DO UPDATE SET retries = EXCLUDED.retries, state = EXCLUDED.state, retry_at = EXCLUDED.retry_at,
       error_message = EXCLUDED.error_message, worker = NULL, deadline = NULL)`,
  userTasks: `user_tasks AS (
  INSERT INTO engine_user_tasks (key, root_key, instance_key, element_instance_key, element_id, process_id, name, state, assignee,
                                 candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key, headers, job_key,
                                 created_at, ended_at)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", name, state, assignee,
         ARRAY(SELECT jsonb_array_elements_text("candidateGroups")), ARRAY(SELECT jsonb_array_elements_text("candidateUsers")),
         "dueDate", "followUpDate", priority, "formKey", headers, "jobKey", "createdAt", "endedAt"
  FROM c, guard, jsonb_to_recordset(c.j->'userTasks') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processId" text, name text, state text, assignee text, "candidateGroups" jsonb, "candidateUsers" jsonb,
       "dueDate" timestamptz, "followUpDate" timestamptz, priority integer, "formKey" text, headers jsonb, "jobKey" text,
       "createdAt" timestamptz, "endedAt" timestamptz)
  ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
       candidate_users = EXCLUDED.candidate_users, due_date = EXCLUDED.due_date, follow_up_date = EXCLUDED.follow_up_date,
       priority = EXCLUDED.priority, ended_at = EXCLUDED.ended_at)`,
  userTasksEnded: `user_tasks_ended AS (
  UPDATE engine_user_tasks t SET state = x.state, ended_at = x."endedAt"
  FROM c, guard, jsonb_to_recordset(c.j->'userTasksEnded') AS x(key text, state text, "endedAt" timestamptz) WHERE t.key = x.key)`,
  timers: `timers AS (
  INSERT INTO engine_timers (key, root_key, instance_key, element_instance_key, element_id, process_key, target, due_at, repetitions, interval)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processKey", target, "dueAt", repetitions, interval
  FROM c, guard, jsonb_to_recordset(c.j->'timers') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processKey" text, target text, "dueAt" timestamptz, repetitions integer, interval text)
  ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, repetitions = EXCLUDED.repetitions)`,
  subscriptions: `subscriptions AS (
  INSERT INTO engine_message_subscriptions (key, root_key, instance_key, element_instance_key, element_id, process_id, message_name,
                                            correlation_key, interrupting)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", "messageName", "correlationKey", interrupting
  FROM c, guard, jsonb_to_recordset(c.j->'subscriptions') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processId" text, "messageName" text, "correlationKey" text, interrupting boolean)
  ON CONFLICT (key) DO NOTHING)`,
  incidents: `incidents AS (
  INSERT INTO engine_incidents (key, root_key, instance_key, element_instance_key, element_id, process_id, type, message, job_key,
                                state, created_at, resolved_at)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", type, message, "jobKey", state,
         "createdAt", "resolvedAt"
  FROM c, guard, jsonb_to_recordset(c.j->'incidents') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processId" text, type text, message text, "jobKey" text, state text, "createdAt" timestamptz,
       "resolvedAt" timestamptz)
  ON CONFLICT (key) DO NOTHING)`,
  incidentsResolved: `incidents_resolved AS (
  UPDATE engine_incidents i SET state = 'resolved', resolved_at = x."resolvedAt"
  FROM c, guard, jsonb_to_recordset(c.j->'incidentsResolved') AS x(key text, "resolvedAt" timestamptz) WHERE i.key = x.key)`,
  events: `events AS (
  INSERT INTO engine_events (root_key, at, events) SELECT c.j->>'rootKey', (c.j->>'at')::timestamptz, c.j->'events' FROM c, guard)`,
};

/**
 * The statement for the parts a command actually has. Each distinct set is a
 * named statement, prepared once per connection; a command touches only a
 * handful of sets, so few plans exist.
 */
function saveStatement(isNew: boolean, fields: readonly string[]): { sql: string; name: string } {
  const parts = fields.map((field) => PROJECTIONS[field]!);
  const sql = `WITH c AS (SELECT $1::jsonb AS j),\n${isNew ? INSERT_GUARD : UPDATE_GUARD},\n${parts.join(',\n')}\nSELECT count(*)::integer AS applied FROM guard`;
  const mask = Object.keys(PROJECTIONS).map((field) => (fields.includes(field) ? '1' : '0')).join('');
  return { sql, name: `engine_${isNew ? 'insert' : 'update'}_tree_${parseInt(mask, 2).toString(36)}` };
}

/**
 * Write everything one command changed as a single statement: the tree
 * document, every projection and the events. The statement is atomic on its
 * own, so a command needs no transaction of its own: it applies only if the
 * tree is still at the revision the command read (`expectedRev`, or absent
 * for a new tree), and writes nothing otherwise. Returns whether it applied.
 * All parts see the same snapshot, so no row is written twice: the changes
 * arrive computed final. The text never varies, so its plan is prepared once.
 */
export async function saveTree(tx: Db, changes: TreeChanges, expectedRev: number | undefined): Promise<boolean> {
  const root = changes.instances.find((i) => i.key === changes.rootKey);
  const payload = {
    rootKey: changes.rootKey,
    rev: expectedRev ?? 0,
    doc: changes.doc,
    root: root ?? null,
    rootState: root ? { state: root.state, endedAt: root.endedAt ?? null } : null,
    instances: changes.instances.filter((i) => i.key !== changes.rootKey),
    jobsRemoved: changes.jobs.remove,
    timersRemoved: changes.timers.remove,
    subscriptionsRemoved: changes.subscriptions.remove,
    jobs: changes.jobs.upsert,
    userTasks: changes.userTasks.upsert,
    userTasksEnded: changes.userTasks.ended,
    timers: changes.timers.upsert,
    subscriptions: changes.subscriptions.upsert,
    incidents: changes.incidents.created,
    incidentsResolved: changes.incidents.resolved,
    // Every event of a command shares the root and the instant: the row holds them once.
    events: changes.events.map(withoutRootAndInstant),
    at: changes.events[0]?.at ?? new Date().toISOString(),
  };
  if (expectedRev === undefined && !root) throw new Error(`A new tree '${changes.rootKey}' must create its root instance`);
  const fields = Object.keys(PROJECTIONS).filter((field) => (payload[field as keyof typeof payload] as readonly unknown[]).length > 0);
  // A command that wrote no event changed nothing (every change is an event): there is nothing to store.
  if (expectedRev !== undefined && !changes.events.length) return true;
  const statement = saveStatement(expectedRev === undefined, fields);
  const { rows } = await tx.query<{ applied: number }>(statement.sql, [json(payload)], { name: statement.name });
  return rows[0]?.applied === 1;
}

/** Append events that belong to no single tree command (deployments, messages, job activations), one row per batch. */
export async function appendEvents(tx: Db, events: readonly StoredEvent[]): Promise<void> {
  if (!events.length) return;
  const byRoot = new Map<string | null, StoredEvent[]>();
  for (const e of events) {
    const root = e.rootKey ?? null;
    (byRoot.get(root) ?? byRoot.set(root, []).get(root)!).push(e);
  }
  for (const [root, batch] of byRoot) {
    await tx.query('INSERT INTO engine_events (root_key, at, events) VALUES ($1, $2, $3::jsonb)', [
      root,
      batch[0]!.at,
      json(batch.map(withoutRootAndInstant)),
    ]);
  }
}

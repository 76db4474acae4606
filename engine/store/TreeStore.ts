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

/*
 * Rows to update or delete are always found by key through the primary key index: the key
 * list is an array computed once (`= ANY(ARRAY(...))`), because the planner guesses that a
 * JSON record set has a hundred rows and would otherwise scan whole tables to join with it.
 */
const keysOf = (field: string, key = 'key') => `ARRAY(SELECT e->>'${key}' FROM jsonb_array_elements($1->'${field}') AS e)`;

/** Root rows of existing trees: updated only at the revision their command read. */
const GUARD_UPDATES = `UPDATE engine_instances i SET doc = u.doc, rev = i.rev + 1, state = COALESCE(u.state, i.state), ended_at = COALESCE(u."endedAt", i.ended_at)
  FROM c, jsonb_to_recordset(c.j->'updates') AS u("rootKey" text, rev integer, doc jsonb, state text, "endedAt" timestamptz)
  WHERE i.key = ANY(${keysOf('updates', 'rootKey')}) AND i.key = u."rootKey" AND i.rev = u.rev RETURNING i.key AS applied_key`;

/** Root rows of new trees: inserted only if the key is free. */
const GUARD_INSERTS = `INSERT INTO engine_instances (key, root_key, parent_key, process_key, process_id, version, state, created_at, ended_at, doc, rev)
  SELECT key, "rootKey", "parentKey", "processKey", "processId", version, state, "createdAt", "endedAt", doc, 1
  FROM c, jsonb_to_recordset(c.j->'inserts') AS x(key text, "rootKey" text, "parentKey" text, "processKey" text, "processId" text,
       version integer, state text, "createdAt" timestamptz, "endedAt" timestamptz, doc jsonb)
  ON CONFLICT (key) DO NOTHING RETURNING key AS applied_key`;

/**
 * How a projection row is tied to the guard: with one tree the guard is a
 * single row to join; with several, each row checks that its own tree applied.
 */
interface Scope {
  /** The FROM items before the row source. */
  readonly from: string;
  /** The condition on the row source alias, or nothing. */
  where(alias: string, joiner?: 'WHERE' | 'AND'): string;
}

const ONE_TREE: Scope = { from: 'c, guard,', where: () => '' };
const MANY_TREES: Scope = { from: 'c,', where: (alias, joiner = 'WHERE') => `${joiner} ${alias}."rootKey" IN (SELECT applied_key FROM guard)` };

/** Every projection, by the payload field it writes; a row is written only when its tree's guard applied. */
const PROJECTIONS: Readonly<Record<string, (scope: Scope) => string>> = {
  instances: (s) => `instances AS (
  INSERT INTO engine_instances (key, root_key, parent_key, process_key, process_id, version, state, created_at, ended_at)
  SELECT key, "rootKey", "parentKey", "processKey", "processId", version, state, "createdAt", "endedAt"
  FROM ${s.from} jsonb_to_recordset(c.j->'instances') AS x(key text, "rootKey" text, "parentKey" text, "processKey" text, "processId" text,
       version integer, state text, "createdAt" timestamptz, "endedAt" timestamptz)
  ${s.where('x')}
  ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, ended_at = EXCLUDED.ended_at)`,
  jobsRemoved: (s) => removal(s, 'jobs_removed', 'engine_jobs', 'jobsRemoved'),
  timersRemoved: (s) => removal(s, 'timers_removed', 'engine_timers', 'timersRemoved'),
  subscriptionsRemoved: (s) => removal(s, 'subscriptions_removed', 'engine_message_subscriptions', 'subscriptionsRemoved'),
  jobs: (s) => `jobs AS (
  -- A job that changed in the tree (created, failed, retries updated) is no longer held by a worker.
  INSERT INTO engine_jobs (key, root_key, instance_key, element_instance_key, element_id, process_id, type, retries, state,
                           retry_at, custom_headers, error_message, created_at)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", type, retries, state,
         "retryAt", "customHeaders", "errorMessage", "createdAt"
  FROM ${s.from} jsonb_to_recordset(c.j->'jobs') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text, "elementId" text,
       "processId" text, type text, retries integer, state text, "retryAt" timestamptz, "customHeaders" jsonb, "errorMessage" text,
       "createdAt" timestamptz)
  ${s.where('x')}
  ON CONFLICT (key) DO UPDATE SET retries = EXCLUDED.retries, state = EXCLUDED.state, retry_at = EXCLUDED.retry_at,
       error_message = EXCLUDED.error_message, worker = NULL, deadline = NULL)`,
  userTasks: (s) => `user_tasks AS (
  INSERT INTO engine_user_tasks (key, root_key, instance_key, element_instance_key, element_id, process_id, name, state, assignee,
                                 candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key, headers, job_key,
                                 created_at, ended_at)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", name, state, assignee,
         ARRAY(SELECT jsonb_array_elements_text("candidateGroups")), ARRAY(SELECT jsonb_array_elements_text("candidateUsers")),
         "dueDate", "followUpDate", priority, "formKey", headers, "jobKey", "createdAt", "endedAt"
  FROM ${s.from} jsonb_to_recordset(c.j->'userTasks') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processId" text, name text, state text, assignee text, "candidateGroups" jsonb, "candidateUsers" jsonb,
       "dueDate" timestamptz, "followUpDate" timestamptz, priority integer, "formKey" text, headers jsonb, "jobKey" text,
       "createdAt" timestamptz, "endedAt" timestamptz)
  ${s.where('x')}
  ON CONFLICT (key) DO UPDATE SET state = EXCLUDED.state, assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
       candidate_users = EXCLUDED.candidate_users, due_date = EXCLUDED.due_date, follow_up_date = EXCLUDED.follow_up_date,
       priority = EXCLUDED.priority, ended_at = EXCLUDED.ended_at)`,
  userTasksEnded: (s) => `user_tasks_ended AS (
  UPDATE engine_user_tasks t SET state = x.state, ended_at = x."endedAt"
  FROM ${s.from} jsonb_to_recordset(c.j->'userTasksEnded') AS x(key text, "rootKey" text, state text, "endedAt" timestamptz)
  WHERE t.key = ANY(${keysOf('userTasksEnded')}) AND t.key = x.key ${s.where('x', 'AND')})`,
  timers: (s) => `timers AS (
  INSERT INTO engine_timers (key, root_key, instance_key, element_instance_key, element_id, process_key, target, due_at, repetitions, interval)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processKey", target, "dueAt", repetitions, interval
  FROM ${s.from} jsonb_to_recordset(c.j->'timers') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processKey" text, target text, "dueAt" timestamptz, repetitions integer, interval text)
  ${s.where('x')}
  ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, repetitions = EXCLUDED.repetitions)`,
  subscriptions: (s) => `subscriptions AS (
  INSERT INTO engine_message_subscriptions (key, root_key, instance_key, element_instance_key, element_id, process_id, message_name,
                                            correlation_key, interrupting)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", "messageName", "correlationKey", interrupting
  FROM ${s.from} jsonb_to_recordset(c.j->'subscriptions') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processId" text, "messageName" text, "correlationKey" text, interrupting boolean)
  ${s.where('x')}
  ON CONFLICT (key) DO NOTHING)`,
  incidents: (s) => `incidents AS (
  INSERT INTO engine_incidents (key, root_key, instance_key, element_instance_key, element_id, process_id, type, message, job_key,
                                state, created_at, resolved_at)
  SELECT key, "rootKey", "instanceKey", "elementInstanceKey", "elementId", "processId", type, message, "jobKey", state,
         "createdAt", "resolvedAt"
  FROM ${s.from} jsonb_to_recordset(c.j->'incidents') AS x(key text, "rootKey" text, "instanceKey" text, "elementInstanceKey" text,
       "elementId" text, "processId" text, type text, message text, "jobKey" text, state text, "createdAt" timestamptz,
       "resolvedAt" timestamptz)
  ${s.where('x')}
  ON CONFLICT (key) DO NOTHING)`,
  incidentsResolved: (s) => `incidents_resolved AS (
  UPDATE engine_incidents i SET state = 'resolved', resolved_at = x."resolvedAt"
  FROM ${s.from} jsonb_to_recordset(c.j->'incidentsResolved') AS x(key text, "rootKey" text, "resolvedAt" timestamptz)
  WHERE i.key = ANY(${keysOf('incidentsResolved')}) AND i.key = x.key ${s.where('x', 'AND')})`,
  events: (s) => `events AS (
  INSERT INTO engine_events (root_key, at, events)
  SELECT e."rootKey", e.at, e.events FROM ${s.from} jsonb_to_recordset(c.j->'events') AS e("rootKey" text, at timestamptz, events jsonb)
  ${s.where('e')})`,
};

function removal(s: Scope, name: string, table: string, field: string): string {
  return `${name} AS (
  DELETE FROM ${table} WHERE key = ANY(ARRAY(
    SELECT r.key FROM ${s.from} jsonb_to_recordset(c.j->'${field}') AS r(key text, "rootKey" text) ${s.where('r')})))`;
}

/**
 * The statement for a batch and the parts it actually has. Each distinct
 * shape is a named statement, prepared once per connection; commands touch
 * only a handful of shapes, so few plans exist.
 */
export function saveStatement(trees: 'one-new' | 'one' | 'many', fields: readonly string[]): { sql: string; name: string } {
  const scope = trees === 'many' ? MANY_TREES : ONE_TREE;
  const guard =
    trees === 'one-new'
      ? `guard AS (${GUARD_INSERTS})`
      : trees === 'one'
        ? `guard AS (${GUARD_UPDATES})`
        : `guard_updates AS (${GUARD_UPDATES}),\nguard_inserts AS (${GUARD_INSERTS}),\nguard AS (SELECT applied_key FROM guard_updates UNION ALL SELECT applied_key FROM guard_inserts)`;
  const parts = fields.map((field) => PROJECTIONS[field]!(scope));
  const sql = `WITH c AS (SELECT $1::jsonb AS j),\n${[guard, ...parts].join(',\n')}\nSELECT applied_key FROM guard`;
  const mask = Object.keys(PROJECTIONS).map((field) => (fields.includes(field) ? '1' : '0')).join('');
  return { sql, name: `engine_save_${trees.replace('-', '_')}_${parseInt(mask, 2).toString(36)}` };
}

/** One command's write: what changed in a tree, and the revision it read (absent for a new tree). */
export interface TreeWrite {
  readonly changes: TreeChanges;
  readonly expectedRev: number | undefined;
}

/**
 * Write what commands changed, for one or several trees, as a single
 * statement: the tree documents, every projection and the events. The
 * statement is atomic on its own, so a command needs no transaction of its
 * own: a tree's part applies only if the tree is still at the revision its
 * command read, and writes nothing otherwise. Returns the root keys whose
 * part applied. Each tree may appear once per call. All parts see the same
 * snapshot, so no row is written twice: the changes arrive computed final.
 */
export async function saveTrees(tx: Db, writes: readonly TreeWrite[]): Promise<Set<string>> {
  const applied = new Set<string>();
  const payload: Record<string, unknown[]> = { updates: [], inserts: [] };
  for (const key of Object.keys(PROJECTIONS)) payload[key] = [];
  const withRoot = <T extends object>(rootKey: string, rows: readonly T[]) => rows.map((row) => ({ ...row, rootKey }));
  for (const { changes, expectedRev } of writes) {
    const rootKey = changes.rootKey;
    // A command that wrote no event changed nothing (every change is an event): nothing to store.
    if (expectedRev !== undefined && !changes.events.length) {
      applied.add(rootKey);
      continue;
    }
    const root = changes.instances.find((i) => i.key === rootKey);
    if (expectedRev === undefined) {
      if (!root) throw new Error(`A new tree '${rootKey}' must create its root instance`);
      payload.inserts!.push({ ...root, doc: changes.doc });
    } else {
      payload.updates!.push({ rootKey, rev: expectedRev, doc: changes.doc, state: root?.state ?? null, endedAt: root?.endedAt ?? null });
    }
    payload.instances!.push(...changes.instances.filter((i) => i.key !== rootKey));
    payload.jobsRemoved!.push(...changes.jobs.remove.map((key) => ({ key, rootKey })));
    payload.timersRemoved!.push(...changes.timers.remove.map((key) => ({ key, rootKey })));
    payload.subscriptionsRemoved!.push(...changes.subscriptions.remove.map((key) => ({ key, rootKey })));
    payload.jobs!.push(...changes.jobs.upsert);
    payload.userTasks!.push(...changes.userTasks.upsert);
    payload.userTasksEnded!.push(...withRoot(rootKey, changes.userTasks.ended));
    payload.timers!.push(...changes.timers.upsert);
    payload.subscriptions!.push(...changes.subscriptions.upsert);
    payload.incidents!.push(...changes.incidents.created);
    payload.incidentsResolved!.push(...withRoot(rootKey, changes.incidents.resolved));
    // Every event of a command shares the root and the instant: the row holds them once.
    payload.events!.push({ rootKey, at: changes.events[0]?.at ?? new Date().toISOString(), events: changes.events.map(withoutRootAndInstant) });
  }
  if (!payload.updates!.length && !payload.inserts!.length) return applied;
  const fields = Object.keys(PROJECTIONS).filter((field) => payload[field]!.length > 0);
  const trees = payload.updates!.length + payload.inserts!.length > 1 ? 'many' : payload.inserts!.length ? 'one-new' : 'one';
  const statement = saveStatement(trees, fields);
  const { rows } = await tx.query<{ applied_key: string }>(statement.sql, [json(payload)], { name: statement.name });
  for (const row of rows) applied.add(row.applied_key);
  return applied;
}

/** Write one command's changes; true when it applied (see `saveTrees`). */
export async function saveTree(tx: Db, changes: TreeChanges, expectedRev: number | undefined): Promise<boolean> {
  return (await saveTrees(tx, [{ changes, expectedRev }])).has(changes.rootKey);
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

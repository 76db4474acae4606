import type { Db } from './Db.js';

/** Read models over the projection tables, for task lists, operators and history. */

export interface UserTaskRecord {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly name: string | null;
  readonly state: 'created' | 'completed' | 'canceled';
  readonly assignee: string | null;
  readonly candidateGroups: string[];
  readonly candidateUsers: string[];
  readonly dueDate: Date | null;
  readonly followUpDate: Date | null;
  readonly priority: number;
  readonly formKey: string | null;
  readonly headers: Record<string, string>;
  readonly jobKey: string | null;
  readonly createdAt: Date;
  readonly endedAt: Date | null;
}

export interface UserTaskFilter {
  readonly state?: UserTaskRecord['state'];
  readonly assignee?: string;
  /** Tasks offered to any of these groups. */
  readonly candidateGroups?: readonly string[];
  readonly processId?: string;
  readonly rootKey?: string;
  readonly elementId?: string;
  readonly limit?: number;
}

export async function listUserTasks(db: Db, filter: UserTaskFilter = {}): Promise<UserTaskRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.state) add('state = ?', filter.state);
  if (filter.assignee) add('assignee = ?', filter.assignee);
  if (filter.candidateGroups?.length) add('candidate_groups && ?::text[]', [...filter.candidateGroups]);
  if (filter.processId) add('process_id = ?', filter.processId);
  if (filter.rootKey) add('root_key = ?', filter.rootKey);
  if (filter.elementId) add('element_id = ?', filter.elementId);
  params.push(filter.limit ?? 1000);
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM engine_user_tasks ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY created_at, key LIMIT $${params.length}`,
    params,
  );
  return rows.map(
    (r): UserTaskRecord => ({
      key: r.key as string,
      rootKey: r.root_key as string,
      instanceKey: r.instance_key as string,
      elementInstanceKey: r.element_instance_key as string,
      elementId: r.element_id as string,
      processId: r.process_id as string,
      name: (r.name as string | null) ?? null,
      state: r.state as UserTaskRecord['state'],
      assignee: (r.assignee as string | null) ?? null,
      candidateGroups: (r.candidate_groups as string[]) ?? [],
      candidateUsers: (r.candidate_users as string[]) ?? [],
      dueDate: r.due_date ? new Date(r.due_date as string) : null,
      followUpDate: r.follow_up_date ? new Date(r.follow_up_date as string) : null,
      priority: r.priority as number,
      formKey: (r.form_key as string | null) ?? null,
      headers: r.headers as Record<string, string>,
      jobKey: (r.job_key as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
      endedAt: r.ended_at ? new Date(r.ended_at as string) : null,
    }),
  );
}

export interface IncidentRecord {
  readonly key: string;
  readonly rootKey: string;
  readonly instanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly processId: string;
  readonly type: string;
  readonly message: string;
  readonly jobKey: string | null;
  readonly state: 'open' | 'resolved';
  readonly createdAt: Date;
  readonly resolvedAt: Date | null;
}

export async function listIncidents(db: Db, filter: { state?: 'open' | 'resolved'; rootKey?: string } = {}): Promise<IncidentRecord[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.state) where.push(`state = $${params.push(filter.state)}`);
  if (filter.rootKey) where.push(`root_key = $${params.push(filter.rootKey)}`);
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT * FROM engine_incidents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, key`,
    params,
  );
  return rows.map((r) => ({
    key: r.key as string,
    rootKey: r.root_key as string,
    instanceKey: r.instance_key as string,
    elementInstanceKey: r.element_instance_key as string,
    elementId: r.element_id as string,
    processId: r.process_id as string,
    type: r.type as string,
    message: r.message as string,
    jobKey: (r.job_key as string | null) ?? null,
    state: r.state as IncidentRecord['state'],
    createdAt: new Date(r.created_at as string),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at as string) : null,
  }));
}

export interface EventRecord {
  readonly position: string;
  readonly rootKey: string | null;
  readonly instanceKey: string | null;
  readonly key: string;
  readonly valueType: string;
  readonly intent: string;
  readonly elementId: string | null;
  readonly at: Date;
  readonly value: Record<string, unknown>;
}

export async function readEvents(db: Db, rootKey: string): Promise<EventRecord[]> {
  const { rows } = await db.query<{ position: string; root_key: string | null; at: Date; events: Record<string, unknown>[] }>(
    'SELECT position, root_key, at, events FROM engine_events WHERE root_key = $1 ORDER BY position',
    [rootKey],
  );
  // A row holds one command's events; their root and instant are stored once, on the row.
  return rows.flatMap((row) =>
    row.events.map((e, index) => ({
      position: `${row.position}.${index}`,
      rootKey: row.root_key,
      instanceKey: (e.instanceKey as string | undefined) ?? null,
      key: e.key as string,
      valueType: e.valueType as string,
      intent: e.intent as string,
      elementId: (e.elementId as string | undefined) ?? null,
      at: e.at ? new Date(e.at as string) : new Date(row.at),
      value: (e.value as Record<string, unknown>) ?? {},
    })),
  );
}

export interface InstanceRecord {
  readonly key: string;
  readonly rootKey: string;
  readonly parentKey: string | null;
  readonly processKey: string;
  readonly processId: string;
  readonly version: number;
  readonly state: 'active' | 'completed' | 'terminated';
  readonly createdAt: Date;
  readonly endedAt: Date | null;
}

export async function findInstance(db: Db, key: string): Promise<InstanceRecord | undefined> {
  const { rows } = await db.query<Record<string, unknown>>(
    'SELECT key, root_key, parent_key, process_key, process_id, version, state, created_at, ended_at FROM engine_instances WHERE key = $1',
    [key],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    key: r.key as string,
    rootKey: r.root_key as string,
    parentKey: (r.parent_key as string | null) ?? null,
    processKey: r.process_key as string,
    processId: r.process_id as string,
    version: r.version as number,
    state: r.state as InstanceRecord['state'],
    createdAt: new Date(r.created_at as string),
    endedAt: r.ended_at ? new Date(r.ended_at as string) : null,
  };
}

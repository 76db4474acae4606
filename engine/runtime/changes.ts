import type {
  IncidentRow,
  InstanceRow,
  JobRow,
  SubscriptionRow,
  TimerRow,
  TreeChanges,
  UserTaskRow,
} from '../store/TreeStore.js';
import type { EngineEvent } from './events.js';
import type { TreeState } from './state.js';

/**
 * Turn one command's events into the rows to write: for every record an event
 * touched, its final state in the tree, or its removal when the tree no
 * longer has it.
 */
export function changesOf(tree: TreeState, events: readonly EngineEvent[]): TreeChanges {
  const touched = {
    instances: new Set<string>(),
    jobs: new Set<string>(),
    userTasks: new Map<string, string>(),
    timers: new Set<string>(),
    subscriptions: new Set<string>(),
    incidents: new Map<string, string>(),
  };
  const endedAt = new Map<string, string>();
  for (const event of events) {
    switch (event.valueType) {
      case 'PROCESS_INSTANCE':
        if (event.value.bpmnElementType === 'process') touched.instances.add(event.key);
        break;
      case 'JOB':
        touched.jobs.add(event.key);
        break;
      case 'USER_TASK':
        touched.userTasks.set(event.key, event.intent);
        if (event.intent === 'COMPLETED' || event.intent === 'CANCELED') endedAt.set(event.key, event.at);
        break;
      case 'TIMER':
        touched.timers.add(event.key);
        break;
      case 'MESSAGE_SUBSCRIPTION':
        touched.subscriptions.add(event.key);
        break;
      case 'INCIDENT':
        touched.incidents.set(event.key, event.intent);
        if (event.intent === 'RESOLVED') endedAt.set(event.key, event.at);
        break;
      default:
        break;
    }
  }
  const rootKey = tree.rootKey;
  const processIdOf = (instanceKey: string) => tree.instances[instanceKey]?.processId ?? '';

  const instances: InstanceRow[] = [...touched.instances].flatMap((key) => {
    const i = tree.instances[key];
    if (!i) return [];
    return [{
      key,
      rootKey,
      ...(i.parentInstanceKey ? { parentKey: i.parentInstanceKey } : {}),
      processKey: i.processKey,
      processId: i.processId,
      version: i.version,
      state: i.state,
      createdAt: i.createdAt,
      ...(i.endedAt ? { endedAt: i.endedAt } : {}),
    }];
  });

  const jobs = { upsert: [] as JobRow[], remove: [] as string[] };
  for (const key of touched.jobs) {
    const j = tree.jobs[key];
    if (!j) {
      jobs.remove.push(key);
      continue;
    }
    jobs.upsert.push({
      key,
      rootKey,
      instanceKey: j.instanceKey,
      elementInstanceKey: j.elementInstanceKey,
      elementId: j.elementId,
      processId: processIdOf(j.instanceKey),
      type: j.type,
      retries: j.retries,
      state: j.state,
      ...(j.retryAt ? { retryAt: j.retryAt } : {}),
      customHeaders: j.headers,
      ...(j.errorMessage ? { errorMessage: j.errorMessage } : {}),
      createdAt: j.createdAt,
    });
  }

  const userTasks: UserTaskRow[] = [];
  const lastTask = new Map<string, UserTaskRow>();
  for (const event of events) {
    if (event.valueType !== 'USER_TASK') continue;
    const live = tree.userTasks[event.key];
    if (live) {
      lastTask.set(event.key, {
        key: live.key,
        rootKey,
        instanceKey: live.instanceKey,
        elementInstanceKey: live.elementInstanceKey,
        elementId: live.elementId,
        processId: live.processId,
        ...(live.name ? { name: live.name } : {}),
        state: 'created',
        ...(live.assignee ? { assignee: live.assignee } : {}),
        candidateGroups: live.candidateGroups,
        candidateUsers: live.candidateUsers,
        ...(live.dueDate ? { dueDate: live.dueDate } : {}),
        ...(live.followUpDate ? { followUpDate: live.followUpDate } : {}),
        priority: live.priority,
        ...(live.formKey ? { formKey: live.formKey } : {}),
        headers: live.headers,
        ...(live.jobKey ? { jobKey: live.jobKey } : {}),
        createdAt: live.createdAt,
      });
    } else if (event.intent === 'CREATED') {
      // Created and ended within one command: keep its row with the values it was created with.
      const v = event.value as Record<string, unknown>;
      lastTask.set(event.key, {
        key: event.key,
        rootKey,
        instanceKey: String(v.instanceKey),
        elementInstanceKey: String(v.elementInstanceKey),
        elementId: String(v.elementId),
        processId: String(v.processId),
        ...(typeof v.name === 'string' ? { name: v.name } : {}),
        state: 'created',
        candidateGroups: (v.candidateGroups as string[]) ?? [],
        candidateUsers: (v.candidateUsers as string[]) ?? [],
        priority: Number(v.priority ?? 50),
        headers: (v.headers as Record<string, string>) ?? {},
        createdAt: event.at,
      });
    }
  }
  const endedTasks: { key: string; state: string; endedAt: string }[] = [];
  for (const [key, intent] of touched.userTasks) {
    const row = lastTask.get(key);
    const ended = tree.userTasks[key] ? undefined : { state: intent === 'CANCELED' ? 'canceled' : 'completed', endedAt: endedAt.get(key)! };
    // All writes of a command go out as one statement, so a row is written once, in its final state.
    if (row) userTasks.push(ended ? { ...row, ...ended } : row);
    else if (ended) endedTasks.push({ key, ...ended });
  }

  const timers = { upsert: [] as TimerRow[], remove: [] as string[] };
  for (const key of touched.timers) {
    const t = tree.timers[key];
    if (!t) {
      timers.remove.push(key);
      continue;
    }
    timers.upsert.push({
      key,
      rootKey,
      instanceKey: t.instanceKey,
      elementInstanceKey: t.elementInstanceKey,
      elementId: t.elementId,
      processKey: tree.instances[t.instanceKey]?.processKey ?? '',
      target: t.target,
      dueAt: t.dueAt,
      repetitions: t.repetitions,
      ...(t.interval ? { interval: t.interval } : {}),
    });
  }

  const subscriptions = { upsert: [] as SubscriptionRow[], remove: [] as string[] };
  for (const key of touched.subscriptions) {
    const s = tree.subscriptions[key];
    if (!s) {
      subscriptions.remove.push(key);
      continue;
    }
    subscriptions.upsert.push({
      key,
      rootKey,
      instanceKey: s.instanceKey,
      elementInstanceKey: s.elementInstanceKey,
      elementId: s.elementId,
      processId: processIdOf(s.instanceKey),
      messageName: s.messageName,
      correlationKey: s.correlationKey,
      interrupting: s.interrupting,
    });
  }

  const incidents: IncidentRow[] = [];
  const resolvedIncidents: { key: string; resolvedAt: string }[] = [];
  for (const event of events) {
    if (event.valueType !== 'INCIDENT' || event.intent !== 'CREATED') continue;
    const v = event.value;
    incidents.push({
      key: event.key,
      rootKey,
      instanceKey: String(v.processInstanceKey),
      elementInstanceKey: String(v.elementInstanceKey),
      elementId: String(v.elementId),
      processId: processIdOf(String(v.processInstanceKey)),
      type: String(v.errorType),
      message: String(v.errorMessage),
      ...(typeof v.jobKey === 'string' ? { jobKey: v.jobKey } : {}),
      state: 'open',
      createdAt: event.at,
    });
  }
  for (const [key] of touched.incidents) {
    if (tree.incidents[key]) continue;
    const created = incidents.find((i) => i.key === key);
    if (created) incidents[incidents.indexOf(created)] = { ...created, state: 'resolved', resolvedAt: endedAt.get(key)! };
    else resolvedIncidents.push({ key, resolvedAt: endedAt.get(key)! });
  }

  return {
    rootKey,
    doc: tree,
    instances,
    jobs,
    userTasks: { upsert: userTasks, ended: endedTasks },
    timers,
    subscriptions,
    incidents: { created: incidents, resolved: resolvedIncidents },
    events,
  };
}


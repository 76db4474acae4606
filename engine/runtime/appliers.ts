import type { EngineEvent, ValueType } from './events.js';
import type {
  ElementInstanceState,
  IncidentState,
  JobState,
  JsonValue,
  SubscriptionState,
  TimerState,
  TreeState,
  UserTaskState,
} from './state.js';

/**
 * Appliers: the only code that changes a tree. Each takes an event and moves the
 * state; processors decide which events to write. Replaying an instance's
 * events through the appliers rebuilds its tree.
 */

type Applier = (tree: TreeState, event: EngineEvent) => void;

const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function owner(tree: TreeState, event: EngineEvent): ElementInstanceState | undefined {
  const key = str(event.value.elementInstanceKey);
  return key === undefined ? undefined : tree.elements[key];
}

function removeFrom(list: string[] | undefined, key: string): string[] | undefined {
  if (!list) return undefined;
  const rest = list.filter((k) => k !== key);
  return rest.length ? rest : undefined;
}

function elementEnded(tree: TreeState, event: EngineEvent, outcome: 'completed' | 'terminated'): void {
  const ei = tree.elements[event.key];
  if (!ei) return;
  delete tree.elements[event.key];
  // The root instance keeps its variables after it ends, so its final result can be read back.
  if (event.key !== tree.rootKey) delete tree.variables[event.key];
  if (ei.parentKey) {
    const parent = tree.elements[ei.parentKey];
    if (parent) {
      parent.activeChildren -= 1;
      if (ei.role === 'inner' && parent.mi && outcome === 'completed') parent.mi.completed += 1;
    }
  }
  if (ei.role === 'process') {
    const instance = tree.instances[ei.instanceKey];
    if (instance) {
      instance.state = outcome;
      instance.endedAt = event.at;
      const caller = tree.elements[instance.parentElementInstanceKey ?? ''];
      if (caller && caller.calledInstanceKey === event.key) delete caller.calledInstanceKey;
    }
  }
}

const processInstance: Record<string, Applier> = {
  ELEMENT_ACTIVATING(tree, e) {
    const v = e.value;
    const role = str(v.role) as ElementInstanceState['role'];
    const parentKey = str(v.flowScopeKey);
    const ei: ElementInstanceState = {
      key: e.key,
      elementId: str(v.elementId)!,
      instanceKey: str(v.processInstanceKey)!,
      role,
      state: 'activating',
      activeChildren: 0,
      activatedAt: e.at,
      ...(parentKey ? { parentKey } : {}),
      ...(typeof v.loopCounter === 'number' ? { loopCounter: v.loopCounter } : {}),
    };
    tree.elements[e.key] = ei;
    if (parentKey) {
      const parent = tree.elements[parentKey];
      if (parent) {
        parent.activeChildren += 1;
        if (parent.mi && typeof v.loopCounter === 'number') parent.mi.next = v.loopCounter;
        // An interrupting event sub-process takes the scope over: tokens waiting at its joins die too (Zeebe resets the scope's active flows).
        if (v.interrupting === true) delete parent.joins;
        const consumed = v.consumedFlows;
        if (Array.isArray(consumed) && parent.joins) {
          const waiting = parent.joins[ei.elementId] ?? [];
          for (const flow of consumed) {
            const at = waiting.indexOf(flow as string);
            if (at >= 0) waiting.splice(at, 1);
          }
          if (waiting.length) parent.joins[ei.elementId] = waiting;
          else delete parent.joins[ei.elementId];
          if (!Object.keys(parent.joins).length) delete parent.joins;
        }
      }
    }
    if (role === 'process') {
      tree.instances[e.key] = {
        key: e.key,
        processKey: str(v.processDefinitionKey)!,
        processId: str(v.bpmnProcessId)!,
        version: v.version as number,
        state: 'active',
        createdAt: e.at,
        ...(str(v.parentProcessInstanceKey) ? { parentInstanceKey: str(v.parentProcessInstanceKey) } : {}),
        ...(str(v.parentElementInstanceKey) ? { parentElementInstanceKey: str(v.parentElementInstanceKey) } : {}),
      };
      tree.variables[e.key] = tree.variables[e.key] ?? {};
      const caller = tree.elements[str(v.parentElementInstanceKey) ?? ''];
      if (caller) caller.calledInstanceKey = e.key;
    }
  },
  ELEMENT_ACTIVATED(tree, e) {
    const ei = tree.elements[e.key];
    if (!ei) return;
    ei.state = 'activated';
    const collection = e.value.inputCollection;
    if (ei.role === 'body' && Array.isArray(collection)) ei.mi = { collection, next: 0, completed: 0 };
  },
  ELEMENT_COMPLETING(tree, e) {
    const ei = tree.elements[e.key];
    if (ei) ei.state = 'completing';
  },
  ELEMENT_COMPLETED(tree, e) {
    elementEnded(tree, e, 'completed');
  },
  ELEMENT_TERMINATING(tree, e) {
    const ei = tree.elements[e.key];
    if (ei) ei.state = 'terminating';
  },
  ELEMENT_TERMINATED(tree, e) {
    elementEnded(tree, e, 'terminated');
  },
  SEQUENCE_FLOW_TAKEN(tree, e) {
    // A token waiting at a joining gateway is state of the scope until the gateway activates.
    if (e.value.join !== true) return;
    const scope = tree.elements[str(e.value.flowScopeKey)!];
    if (!scope) return;
    const gateway = str(e.value.targetElementId)!;
    scope.joins = scope.joins ?? {};
    (scope.joins[gateway] = scope.joins[gateway] ?? []).push(str(e.value.elementId)!);
  },
};

const variable: Record<string, Applier> = {
  CREATED(tree, e) {
    const scope = str(e.value.scopeKey)!;
    (tree.variables[scope] = tree.variables[scope] ?? {})[str(e.value.name)!] = e.value.value ?? null;
  },
  UPDATED(tree, e) {
    variable.CREATED!(tree, e);
  },
};

const job: Record<string, Applier> = {
  CREATED(tree, e) {
    const v = e.value;
    const record: JobState = {
      key: e.key,
      elementInstanceKey: str(v.elementInstanceKey)!,
      elementId: str(v.elementId)!,
      instanceKey: str(v.processInstanceKey)!,
      type: str(v.type)!,
      retries: v.retries as number,
      headers: (v.customHeaders ?? {}) as Record<string, string>,
      state: 'activatable',
      createdAt: e.at,
      ...(str(v.userTaskKey) ? { userTaskKey: str(v.userTaskKey) } : {}),
    };
    tree.jobs[e.key] = record;
    const ei = owner(tree, e);
    if (ei) ei.jobKey = e.key;
  },
  FAILED(tree, e) {
    const record = tree.jobs[e.key];
    if (!record) return;
    record.retries = e.value.retries as number;
    record.state = record.retries > 0 ? 'activatable' : 'failed';
    record.errorMessage = str(e.value.errorMessage);
    record.retryAt = str(e.value.retryAt);
  },
  RETRIES_UPDATED(tree, e) {
    const record = tree.jobs[e.key];
    if (!record) return;
    record.retries = e.value.retries as number;
    if (record.retries > 0) record.state = 'activatable';
    delete record.retryAt;
  },
  COMPLETED: removeJob,
  ERROR_THROWN: removeJob,
  CANCELED: removeJob,
};

function removeJob(tree: TreeState, e: EngineEvent): void {
  const record = tree.jobs[e.key];
  if (!record) return;
  delete tree.jobs[e.key];
  const ei = tree.elements[record.elementInstanceKey];
  if (ei && ei.jobKey === e.key) delete ei.jobKey;
}

const userTask: Record<string, Applier> = {
  CREATED(tree, e) {
    const task = e.value as unknown as Omit<UserTaskState, 'key' | 'createdAt'>;
    tree.userTasks[e.key] = { ...task, key: e.key, createdAt: e.at };
    const ei = owner(tree, e);
    if (ei) ei.userTaskKey = e.key;
  },
  ASSIGNED(tree, e) {
    const task = tree.userTasks[e.key];
    if (!task) return;
    const assignee = str(e.value.assignee);
    if (assignee) task.assignee = assignee;
    else delete task.assignee;
  },
  UPDATED(tree, e) {
    const task = tree.userTasks[e.key];
    if (!task) return;
    const v = e.value;
    if (Array.isArray(v.candidateGroups)) task.candidateGroups = v.candidateGroups as string[];
    if (Array.isArray(v.candidateUsers)) task.candidateUsers = v.candidateUsers as string[];
    if ('dueDate' in v) task.dueDate = str(v.dueDate);
    if ('followUpDate' in v) task.followUpDate = str(v.followUpDate);
    if (typeof v.priority === 'number') task.priority = v.priority;
  },
  COMPLETED: removeUserTask,
  CANCELED: removeUserTask,
};

function removeUserTask(tree: TreeState, e: EngineEvent): void {
  const task = tree.userTasks[e.key];
  if (!task) return;
  delete tree.userTasks[e.key];
  const ei = tree.elements[task.elementInstanceKey];
  if (ei && ei.userTaskKey === e.key) delete ei.userTaskKey;
}

const timer: Record<string, Applier> = {
  CREATED(tree, e) {
    const v = e.value;
    const record: TimerState = {
      key: e.key,
      elementInstanceKey: str(v.elementInstanceKey)!,
      elementId: str(v.elementId)!,
      instanceKey: str(v.processInstanceKey)!,
      target: str(v.target) as TimerState['target'],
      dueAt: str(v.dueAt)!,
      repetitions: v.repetitions as number,
      ...(str(v.interval) ? { interval: str(v.interval) } : {}),
    };
    tree.timers[e.key] = record;
    const ei = owner(tree, e);
    if (ei) (ei.timerKeys = ei.timerKeys ?? []).push(e.key);
  },
  TRIGGERED: removeTimer,
  CANCELED: removeTimer,
};

function removeTimer(tree: TreeState, e: EngineEvent): void {
  const record = tree.timers[e.key];
  if (!record) return;
  delete tree.timers[e.key];
  const ei = tree.elements[record.elementInstanceKey];
  if (ei) ei.timerKeys = removeFrom(ei.timerKeys, e.key);
}

const subscription: Record<string, Applier> = {
  CREATED(tree, e) {
    const v = e.value;
    const record: SubscriptionState = {
      key: e.key,
      elementInstanceKey: str(v.elementInstanceKey)!,
      elementId: str(v.elementId)!,
      instanceKey: str(v.processInstanceKey)!,
      target: str(v.target) as SubscriptionState['target'],
      messageName: str(v.messageName)!,
      correlationKey: str(v.correlationKey)!,
      interrupting: v.interrupting === true,
    };
    tree.subscriptions[e.key] = record;
    const ei = owner(tree, e);
    if (ei) (ei.subscriptionKeys = ei.subscriptionKeys ?? []).push(e.key);
  },
  CORRELATED(tree, e) {
    // Non-interrupting boundary and event sub-process subscriptions stay open for further messages.
    if (e.value.closes === true) removeSubscription(tree, e);
  },
  DELETED: removeSubscription,
};

function removeSubscription(tree: TreeState, e: EngineEvent): void {
  const record = tree.subscriptions[e.key];
  if (!record) return;
  delete tree.subscriptions[e.key];
  const ei = tree.elements[record.elementInstanceKey];
  if (ei) ei.subscriptionKeys = removeFrom(ei.subscriptionKeys, e.key);
}

const incident: Record<string, Applier> = {
  CREATED(tree, e) {
    const v = e.value;
    const record: IncidentState = {
      key: e.key,
      type: str(v.errorType) as IncidentState['type'],
      message: str(v.errorMessage)!,
      elementInstanceKey: str(v.elementInstanceKey)!,
      elementId: str(v.elementId)!,
      instanceKey: str(v.processInstanceKey)!,
      retry: str(v.retry) as IncidentState['retry'],
      createdAt: e.at,
      ...(str(v.jobKey) ? { jobKey: str(v.jobKey) } : {}),
    };
    tree.incidents[e.key] = record;
    const ei = owner(tree, e);
    if (ei) ei.incidentKey = e.key;
  },
  RESOLVED(tree, e) {
    const record = tree.incidents[e.key];
    if (!record) return;
    delete tree.incidents[e.key];
    const ei = tree.elements[record.elementInstanceKey];
    if (ei && ei.incidentKey === e.key) delete ei.incidentKey;
  },
};

const appliers: { [V in ValueType]: Record<string, Applier> } = {
  PROCESS: {},
  PROCESS_INSTANCE: processInstance,
  VARIABLE: variable,
  JOB: job,
  USER_TASK: userTask,
  TIMER: timer,
  MESSAGE: {},
  MESSAGE_SUBSCRIPTION: subscription,
  INCIDENT: incident,
};

export function applyEvent(tree: TreeState, event: EngineEvent): void {
  appliers[event.valueType][event.intent]?.(tree, event);
}

/**
 * Runtime state of one process instance tree: a root instance and every
 * instance its call activities created. A tree is loaded, changed by one
 * command and written back as a whole, inside one transaction; the tables the
 * scheduler and the application query (jobs, timers, tasks, subscriptions,
 * incidents) are projections of it, written in the same transaction.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Variables = Record<string, JsonValue>;

export type ElementState = 'activating' | 'activated' | 'completing' | 'terminating';

export interface ElementInstanceState {
  readonly key: string;
  readonly elementId: string;
  /** The process instance the element belongs to. */
  readonly instanceKey: string;
  /** The flow scope's element instance (a process, sub-process or multi-instance body); absent for a process. */
  readonly parentKey?: string;
  /** `process` for the process itself, `body` for the multi-instance body, `inner` for one of its iterations. */
  readonly role: 'process' | 'element' | 'body' | 'inner';
  state: ElementState;
  /** Child element instances still alive (for scopes and bodies). */
  activeChildren: number;
  /** Tokens waiting at joining gateways of this scope: gateway id → ids of the flows taken. */
  joins?: Record<string, string[]>;
  /** Wait-state handles owned by this element instance. */
  jobKey?: string;
  userTaskKey?: string;
  calledInstanceKey?: string;
  timerKeys?: string[];
  subscriptionKeys?: string[];
  /** Multi-instance body bookkeeping. */
  mi?: MultiInstanceState;
  /** Inner instance of a multi-instance body: its 1-based loop counter. */
  loopCounter?: number;
  /** Open incident blocking this element instance, if any. */
  incidentKey?: string;
  readonly activatedAt: string;
}

export interface MultiInstanceState {
  readonly collection: JsonValue[];
  /** Index of the next item to start (sequential). */
  next: number;
  completed: number;
  output?: JsonValue[];
}

export interface ProcessInstanceState {
  readonly key: string;
  readonly processKey: string;
  readonly processId: string;
  readonly version: number;
  readonly parentInstanceKey?: string;
  readonly parentElementInstanceKey?: string;
  state: 'active' | 'completed' | 'terminated';
  readonly createdAt: string;
  endedAt?: string;
}

export interface JobState {
  readonly key: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly instanceKey: string;
  readonly type: string;
  retries: number;
  readonly headers: Record<string, string>;
  state: 'activatable' | 'activated' | 'failed';
  readonly createdAt: string;
  /** Earliest time a failed job with retries left may be activated again. */
  retryAt?: string;
  errorMessage?: string;
  /** The user task the job stands for (job-based user tasks). */
  readonly userTaskKey?: string;
}

export interface UserTaskState {
  readonly key: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly instanceKey: string;
  readonly processId: string;
  readonly name?: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate?: string;
  followUpDate?: string;
  priority: number;
  readonly formKey?: string;
  readonly headers: Record<string, string>;
  readonly createdAt: string;
  /** Job-based user tasks: the job that carries the task. */
  readonly jobKey?: string;
}

export type TimerTarget = 'catch' | 'boundary' | 'eventSubProcess' | 'eventGateway';

export interface TimerState {
  readonly key: string;
  /** The element instance that owns the timer: the catching element, the activity of a boundary, the scope of an event sub-process, the event-based gateway. */
  readonly elementInstanceKey: string;
  /** The timer event's element id. */
  readonly elementId: string;
  readonly instanceKey: string;
  readonly target: TimerTarget;
  dueAt: string;
  /** Repetitions left after this one: a number, or -1 for infinite. */
  repetitions: number;
  /** ISO duration between repetitions (cycles only). */
  readonly interval?: string;
}

export interface SubscriptionState {
  readonly key: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly instanceKey: string;
  readonly target: 'catch' | 'boundary' | 'eventSubProcess' | 'eventGateway';
  readonly messageName: string;
  readonly correlationKey: string;
  readonly interrupting: boolean;
}

export type IncidentType =
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'CALLED_ELEMENT_ERROR'
  | 'TIMER_ERROR'
  | 'MESSAGE_ERROR'
  | 'USER_TASK_ERROR';

export interface IncidentState {
  readonly key: string;
  readonly type: IncidentType;
  readonly message: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly instanceKey: string;
  readonly jobKey?: string;
  /** What resolving the incident retries. */
  readonly retry: 'activate' | 'complete' | 'job' | 'none';
  readonly createdAt: string;
}

/** The whole tree, as stored in the root instance's row. */
export interface TreeState {
  readonly rootKey: string;
  instances: Record<string, ProcessInstanceState>;
  elements: Record<string, ElementInstanceState>;
  /** Variables by scope: the element instance key (a process instance's scope key is its own key). */
  variables: Record<string, Variables>;
  jobs: Record<string, JobState>;
  userTasks: Record<string, UserTaskState>;
  timers: Record<string, TimerState>;
  subscriptions: Record<string, SubscriptionState>;
  incidents: Record<string, IncidentState>;
}

export function emptyTree(rootKey: string): TreeState {
  return {
    rootKey,
    instances: {},
    elements: {},
    variables: {},
    jobs: {},
    userTasks: {},
    timers: {},
    subscriptions: {},
    incidents: {},
  };
}

/** Variables visible from a scope: its own and its ancestors' within the process instance; nearer scopes shadow outer ones. */
export function visibleVariables(tree: TreeState, scopeKey: string): Variables {
  const chain: Variables[] = [];
  for (let key: string | undefined = scopeKey; key; key = tree.elements[key]?.parentKey) {
    const vars = tree.variables[key];
    if (vars) chain.push(vars);
  }
  const visible: Variables = {};
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(visible, chain[i]);
  return visible;
}

/**
 * Executable model: what a BPMN process becomes at deploy time.
 *
 * The runtime reads only these plain records; it never walks moddle objects.
 * Every record is JSON-serialisable, so a parsed model can be cached or stored.
 */

/**
 * A value from a Zeebe attribute. Attributes that start with `=` are FEEL
 * expressions (the `=` is stripped); anything else is a static string.
 */
export type Expression =
  | { readonly kind: 'feel'; readonly source: string }
  | { readonly kind: 'static'; readonly value: string };

/** One `zeebe:input` or `zeebe:output`: evaluate `source`, write the result to `target` (a variable name or dotted path). */
export interface Mapping {
  readonly source: Expression;
  readonly target: string;
}

export type TimerDefinition =
  | { readonly type: 'duration'; readonly expression: Expression }
  | { readonly type: 'date'; readonly expression: Expression }
  | { readonly type: 'cycle'; readonly expression: Expression };

export interface MessageDefinition {
  /** The message name (BPMN `message@name`), static or FEEL. */
  readonly name: Expression;
  /** `zeebe:subscription correlationKey`; absent on message start events of the root process. */
  readonly correlationKey?: Expression;
}

export interface ErrorDefinition {
  /** Absent on a catch event means "catch every error". Required on throw (end) events. */
  readonly errorCode?: Expression;
  /** `zeebe:errorCodeVariable` / `errorMessageVariable` on catch events (optional). */
  readonly errorCodeVariable?: string;
  readonly errorMessageVariable?: string;
}

export type EventDefinition =
  | { readonly type: 'none' }
  | { readonly type: 'timer'; readonly timer: TimerDefinition }
  | { readonly type: 'message'; readonly message: MessageDefinition }
  | { readonly type: 'error'; readonly error: ErrorDefinition }
  | { readonly type: 'terminate' };

export interface JobDefinition {
  /** `zeebe:taskDefinition type`. */
  readonly type: Expression;
  /** `zeebe:taskDefinition retries`; defaults to static "3". */
  readonly retries: Expression;
  /** `zeebe:taskHeaders`, static strings. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface UserTaskDefinition {
  /** true for `zeebe:userTask` (native); false for the job-based kind (`io.camunda.zeebe:userTask` jobs). */
  readonly native: boolean;
  readonly assignee?: Expression;
  /** Evaluates to a list of strings or a comma-separated string. */
  readonly candidateGroups?: Expression;
  readonly candidateUsers?: Expression;
  readonly dueDate?: Expression;
  readonly followUpDate?: Expression;
  readonly priority?: Expression;
  readonly formKey?: string;
  readonly formId?: string;
  readonly externalReference?: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ScriptDefinition {
  /** `zeebe:script expression` (FEEL, `=` stripped). */
  readonly expression: string;
  readonly resultVariable: string;
}

export interface CallActivityDefinition {
  /** `zeebe:calledElement processId`, static or FEEL. */
  readonly processId: Expression;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
}

export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  readonly inputCollection: Expression;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: Expression;
  /** BPMN `completionCondition` (FEEL, `=` stripped). */
  readonly completionCondition?: string;
}

export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'manualTask'
  | 'userTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'receiveTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'eventSubProcess'
  | 'callActivity';

export interface ExecutableElement {
  readonly id: string;
  readonly name?: string;
  readonly kind: ElementKind;
  /** Id of the flow scope: the process id, or the id of the enclosing (event) sub-process. */
  readonly scopeId: string;
  /** Sequence flow ids, in document order. */
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  /** Present on events: `none` for plain start/end/throw events. */
  readonly event?: EventDefinition;
  /** Service, send, script (with a task definition), business-rule tasks and message throw events. */
  readonly job?: JobDefinition;
  readonly userTask?: UserTaskDefinition;
  readonly script?: ScriptDefinition;
  readonly callActivity?: CallActivityDefinition;
  readonly multiInstance?: MultiInstanceDefinition;
  readonly inputs: readonly Mapping[];
  readonly outputs: readonly Mapping[];
  /** Boundary event ids attached to this activity. */
  readonly boundaryEvents: readonly string[];
  /** Boundary events: the activity they are attached to and whether they interrupt it. */
  readonly attachedTo?: string;
  readonly cancelActivity?: boolean;
  /** Start events of event sub-processes: whether they interrupt the enclosing scope. */
  readonly interrupting?: boolean;
  /** Gateways: the default flow id. */
  readonly defaultFlow?: string;
  /** Scopes (sub-process, event sub-process): ids of the direct children. */
  readonly children?: readonly string[];
  /** Scopes: the none start event that starts the scope (absent for event sub-processes, see `eventStart`). */
  readonly noneStart?: string;
  /** Scopes: ids of event sub-processes directly inside. */
  readonly eventSubProcesses?: readonly string[];
  /** Event sub-processes: the id of their single start event. */
  readonly eventStart?: string;
  /**
   * Joining inclusive gateways: ids of elements in the same scope from which a token
   * can still reach this gateway without passing through it (computed at deploy).
   */
  readonly upstream?: readonly string[];
}

export interface ExecutableFlow {
  readonly id: string;
  readonly sourceId: string;
  readonly targetId: string;
  /** FEEL condition (`=` stripped); only on flows leaving exclusive and inclusive gateways. */
  readonly condition?: string;
}

export interface ExecutableProcess {
  /** BPMN process id. */
  readonly id: string;
  readonly name?: string;
  /** `zeebe:versionTag`, when set. */
  readonly versionTag?: string;
  /** Every element in the process, nested ones included, by id. */
  readonly elements: Readonly<Record<string, ExecutableElement>>;
  readonly flows: Readonly<Record<string, ExecutableFlow>>;
  /** Direct children of the process. */
  readonly children: readonly string[];
  /** The none start event used by `createInstance` (absent when the process only has timer/message starts). */
  readonly noneStart?: string;
  /** Top-level timer and message start events. */
  readonly timerStarts: readonly string[];
  readonly messageStarts: readonly string[];
  /** Event sub-processes directly inside the process. */
  readonly eventSubProcesses: readonly string[];
}

/** One problem found while turning BPMN into an executable model. */
export interface ModelProblem {
  /** The id of the element the problem is about (the process id or `definitions` for file-level problems). */
  readonly elementId: string;
  readonly code: string;
  /** A sentence stating the expectation, e.g. "Expected a zeebe:taskDefinition with a type on service task 'check'". */
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly processes: readonly ExecutableProcess[]; readonly warnings: readonly ModelProblem[] }
  | { readonly ok: false; readonly problems: readonly ModelProblem[] };

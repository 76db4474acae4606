import type { ExecutableElement, ExecutableProcess } from '../../engine/index.js';

type ExecutableFlow = ExecutableProcess['flows'][string];

type Facts = Readonly<Record<string, unknown>>;

export interface Change {
  readonly attribute: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ElementRef {
  readonly id: string;
  readonly type: string;
  readonly name: string | null;
}

export interface ElementDiff {
  readonly added: ElementRef[];
  readonly removed: ElementRef[];
  readonly changed: (ElementRef & { readonly changes: Change[] })[];
}

/** The step headers a designer sets, compared one by one. */
const HEADERS = ['stepKind', 'agency', 'timeShare', 'outcomes', 'form'] as const;

/**
 * Two versions of a process compared element by element (flows included), by id:
 * name, type, flow ends and conditions, step headers, assignment, due date, timers.
 */
export function diffModels(before: ExecutableProcess | undefined, after: ExecutableProcess | undefined): ElementDiff {
  const old = factsOf(before);
  const now = factsOf(after);
  const refOf = (id: string, facts: Facts): ElementRef => ({ id, type: String(facts.type), name: (facts.name as string | null) ?? null });
  return {
    added: [...now].filter(([id]) => !old.has(id)).map(([id, facts]) => refOf(id, facts)),
    removed: [...old].filter(([id]) => !now.has(id)).map(([id, facts]) => refOf(id, facts)),
    changed: [...now]
      .filter(([id]) => old.has(id))
      .map(([id, facts]) => ({ ...refOf(id, facts), changes: changesBetween(old.get(id)!, facts) }))
      .filter((element) => element.changes.length > 0),
  };
}

/** Attribute by attribute, in a stable order; absent and null are the same. */
export function changesBetween(before: Facts, after: Facts): Change[] {
  const attributes = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return attributes
    .filter((attribute) => JSON.stringify(before[attribute] ?? null) !== JSON.stringify(after[attribute] ?? null))
    .map((attribute) => ({ attribute, before: before[attribute] ?? null, after: after[attribute] ?? null }));
}

function factsOf(process: ExecutableProcess | undefined): Map<string, Facts> {
  const facts = new Map<string, Facts>();
  if (!process) return facts;
  for (const element of Object.values(process.elements)) facts.set(element.id, elementFacts(element));
  for (const flow of Object.values(process.flows)) facts.set(flow.id, flowFacts(flow));
  return facts;
}

function elementFacts(element: ExecutableElement): Facts {
  const task = element.userTask;
  const headers = task?.headers ?? element.job?.headers ?? {};
  return {
    name: element.name ?? null,
    type: element.kind,
    ...Object.fromEntries(HEADERS.map((key) => [key, headers[key] ?? null])),
    assignment: task ? assignmentOf(task) : null,
    dueDate: task?.dueDate ? expressionText(task.dueDate) : null,
    jobType: element.job ? expressionText(element.job.type) : null,
    timer: element.event?.type === 'timer' ? `${element.event.timer.type}: ${expressionText(element.event.timer.expression)}` : null,
    message: element.event?.type === 'message' ? expressionText(element.event.message.name) : null,
    attachedTo: element.attachedTo ?? null,
    cancelActivity: element.attachedTo ? (element.cancelActivity ?? true) : null,
    defaultFlow: element.defaultFlow ?? null,
  };
}

function flowFacts(flow: ExecutableFlow): Facts {
  return { name: null, type: 'sequenceFlow', source: flow.sourceId, target: flow.targetId, condition: flow.condition ?? null };
}

function assignmentOf(task: NonNullable<ExecutableElement['userTask']>): string | null {
  const parts = [
    task.candidateGroups ? `candidateGroups=${expressionText(task.candidateGroups)}` : '',
    task.candidateUsers ? `candidateUsers=${expressionText(task.candidateUsers)}` : '',
    task.assignee ? `assignee=${expressionText(task.assignee)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

function expressionText(expression: { kind: 'feel'; source: string } | { kind: 'static'; value: string }): string {
  return expression.kind === 'feel' ? `=${expression.source}` : expression.value;
}

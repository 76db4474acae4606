/**
 * Checks of the contract between a procedure folder and the one-stop desk
 * (processes/README.md): the metadata of procedure.json and the conventions of
 * the user tasks in process.bpmn. Each check returns sentences, empty when it holds.
 */
import type { AgencyConfig } from '../../api/catalogue/types.js';
import type { ExecutableElement, ExecutableProcess } from '../../engine/index.js';

export const STEP_KINDS = ['receive', 'process', 'approve', 'transfer', 'payment', 'return'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const ROLES = ['desk', 'specialist', 'leader'] as const;
export const STEP_FORMS = STEP_KINDS.map((kind) => `steps/${kind}`);
export const SUPPLEMENT_MESSAGE = 'dossier-supplemented';

const DEFAULT_OUTCOMES: { readonly [K in StepKind]: readonly string[] } = {
  receive: ['accept', 'supplement', 'refuse'],
  process: ['forward', 'supplement', 'refuse'],
  approve: ['approve', 'reject'],
  transfer: ['forward'],
  payment: ['paid'],
  return: ['returned'],
};
const TIME_SHARE = /^\d+(\.\d+)?[dh]$/;
const HOURS_PER_WORKING_DAY = 8;
const OUTCOME_CONDITION = /^outcome\s*=\s*"([^"]+)"$/;

/** A user task as the desk reads it. */
export interface Step {
  readonly id: string;
  readonly kind: string;
  readonly role: string | undefined;
  readonly agency: string;
  readonly form: string | undefined;
  readonly timeShare: string | undefined;
  readonly outcomes: readonly string[];
}

export function stepsOf(process: ExecutableProcess): Step[] {
  return Object.values(process.elements)
    .filter((element) => element.kind === 'userTask')
    .map((element) => {
      const headers = element.userTask?.headers ?? {};
      const groups = element.userTask?.candidateGroups;
      const kind = headers.stepKind ?? '';
      return {
        id: element.id,
        kind,
        role: groups?.kind === 'static' ? groups.value : undefined,
        agency: headers.agency ?? 'receiving',
        form: headers.form,
        timeShare: headers.timeShare,
        outcomes: headers.outcomes ? headers.outcomes.split('|').map((choice) => choice.split(':')[0]!.trim()) : [...(DEFAULT_OUTCOMES[kind as StepKind] ?? [])],
      };
    });
}

/** Step kind, role, form, agency and time share of every step, as processes/README.md defines them. */
export function stepProblems(steps: readonly Step[], agencyKinds: ReadonlySet<string>): string[] {
  return steps.flatMap((step) => {
    const problems: string[] = [];
    if (!(STEP_KINDS as readonly string[]).includes(step.kind)) problems.push(`Expected the stepKind of '${step.id}' to be one of ${STEP_KINDS.join(', ')}, but got '${step.kind}'`);
    if (!(ROLES as readonly string[]).includes(step.role ?? '')) problems.push(`Expected the candidate group of '${step.id}' to be one of ${ROLES.join(', ')}, but got '${step.role ?? 'none'}'`);
    if (!STEP_FORMS.includes(step.form ?? '')) problems.push(`Expected the form of '${step.id}' to be one of ${STEP_FORMS.join(', ')}, but got '${step.form ?? 'none'}'`);
    if (step.agency !== 'receiving' && !agencyKinds.has(step.agency)) problems.push(`Expected the agency of '${step.id}' to be 'receiving' or an agency kind of agencies.json, but got '${step.agency}'`);
    if (step.timeShare !== undefined && !TIME_SHARE.test(step.timeShare)) problems.push(`Expected the timeShare of '${step.id}' to look like '1d' or '4h', but got '${step.timeShare}'`);
    if (step.outcomes.length === 0) problems.push(`Expected '${step.id}' to offer at least one outcome`);
    return problems;
  });
}

/** Working hours of a time share: `1d` is 8 hours. */
export function timeShareHours(share: string | undefined): number {
  if (share === undefined || !TIME_SHARE.test(share)) return 0;
  const amount = Number(share.slice(0, -1));
  return share.endsWith('d') ? amount * HOURS_PER_WORKING_DAY : amount;
}

/**
 * The largest sum of time shares on a path from the start event, loops cut where
 * they go back (a supplement or a rework repeats a step; it does not add a new one).
 * Parallel branches count once, through the longer branch.
 */
export function longestPathHours(process: ExecutableProcess): number {
  const backEdges = backEdgesOf(process);
  const memo = new Map<string, number>();
  const hours = (id: string): number => timeShareHours(process.elements[id]?.userTask?.headers.timeShare);
  const longest = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const next = successorsOf(process, id).filter((target) => !backEdges.has(`${id}>${target}`));
    const total = hours(id) + Math.max(0, ...next.map(longest));
    memo.set(id, total);
    return total;
  };
  return process.noneStart ? longest(process.noneStart) : 0;
}

function successorsOf(process: ExecutableProcess, id: string): string[] {
  const element = process.elements[id];
  if (!element) return [];
  return [...element.outgoing.map((flow) => process.flows[flow]!.targetId), ...element.boundaryEvents];
}

function backEdgesOf(process: ExecutableProcess): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const next of successorsOf(process, id)) {
      if (state.get(next) === 'open') back.add(`${id}>${next}`);
      else if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
  };
  if (process.noneStart) visit(process.noneStart);
  return back;
}

/**
 * Every outcome a step offers leads somewhere: the step goes to an exclusive gateway
 * whose conditions `=outcome = "…"` cover the outcomes (or that has a default flow),
 * or the step offers a single outcome and goes straight on.
 */
export function routingProblems(process: ExecutableProcess, step: Step): string[] {
  const element = process.elements[step.id]!;
  if (element.outgoing.length !== 1) return [`Expected '${step.id}' to have one outgoing flow, but it has ${element.outgoing.length}`];
  const next = process.elements[process.flows[element.outgoing[0]!]!.targetId]!;
  if (next.kind !== 'exclusiveGateway') {
    return step.outcomes.length === 1 ? [] : [`Expected '${step.id}' to lead to an exclusive gateway that routes its outcomes ${step.outcomes.join(', ')}, but it leads to ${next.kind} '${next.id}'`];
  }
  const routed = outcomeTargets(process, next);
  const problems: string[] = [];
  for (const [flow, outcome] of routed.conditions) {
    if (outcome === undefined) problems.push(`Expected the condition of flow '${flow}' to read =outcome = "…"`);
    else if (!step.outcomes.includes(outcome)) problems.push(`Expected flow '${flow}' to route an outcome '${step.id}' offers, but '${outcome}' is not among ${step.outcomes.join(', ')}`);
  }
  const missing = step.outcomes.filter((outcome) => !routed.byOutcome.has(outcome));
  if (missing.length && next.defaultFlow === undefined) problems.push(`Expected gateway '${next.id}' to route the outcomes ${missing.join(', ')} of '${step.id}' or to have a default flow`);
  return problems;
}

interface RoutedOutcomes {
  /** Flow id → the outcome its condition tests (undefined when the condition reads otherwise). */
  readonly conditions: Map<string, string | undefined>;
  /** Outcome → the element its flow leads to. */
  readonly byOutcome: Map<string, string>;
}

export function outcomeTargets(process: ExecutableProcess, gateway: ExecutableElement): RoutedOutcomes {
  const conditions = new Map<string, string | undefined>();
  const byOutcome = new Map<string, string>();
  for (const id of gateway.outgoing) {
    const flow = process.flows[id]!;
    if (flow.condition === undefined) continue;
    const outcome = OUTCOME_CONDITION.exec(flow.condition.trim())?.[1];
    conditions.set(id, outcome);
    if (outcome !== undefined) byOutcome.set(outcome, flow.targetId);
  }
  return { conditions, byOutcome };
}

/** Where `outcome` of the step leads: the target of its gateway flow, or of its only flow. */
export function targetOf(process: ExecutableProcess, stepId: string, outcome: string): ExecutableElement | undefined {
  const next = process.elements[process.flows[process.elements[stepId]!.outgoing[0]!]!.targetId]!;
  if (next.kind !== 'exclusiveGateway') return next;
  const target = outcomeTargets(process, next).byOutcome.get(outcome) ?? (next.defaultFlow ? process.flows[next.defaultFlow]!.targetId : undefined);
  return target === undefined ? undefined : process.elements[target];
}

/** A supplement waits for `dossier-supplemented` keyed by the dossier code, then goes back to the step that asked. */
export function supplementProblems(process: ExecutableProcess, step: Step): string[] {
  if (!step.outcomes.includes('supplement')) return [];
  const wait = targetOf(process, step.id, 'supplement');
  const message = wait?.event?.type === 'message' ? wait.event.message : undefined;
  if (!wait || wait.kind !== 'intermediateCatchEvent' || !message) return [`Expected the supplement of '${step.id}' to wait at an intermediate message catch event`];
  const problems: string[] = [];
  const name = message.name.kind === 'static' ? message.name.value : `=${message.name.source}`;
  const key = message.correlationKey?.kind === 'feel' ? message.correlationKey.source.trim() : undefined;
  if (name !== SUPPLEMENT_MESSAGE) problems.push(`Expected '${wait.id}' to wait for the message '${SUPPLEMENT_MESSAGE}', but it waits for '${name}'`);
  if (key !== 'dossierCode') problems.push(`Expected '${wait.id}' to correlate on =dossierCode`);
  const back = wait.outgoing.map((flow) => process.flows[flow]!.targetId);
  if (back.length !== 1 || back[0] !== step.id) problems.push(`Expected '${wait.id}' to lead back to '${step.id}', but it leads to ${back.join(', ') || 'nothing'}`);
  return problems;
}

/** Outcomes that decide against the applicant. */
export const NEGATIVE_OUTCOMES = ['refuse', 'reject'] as const;

/** A refusal at reception ends the process; later, it sets `result` to "refused" on the way to the return step. */
export function refusalProblems(process: ExecutableProcess, step: Step, steps: readonly Step[]): string[] {
  return NEGATIVE_OUTCOMES.filter((outcome) => step.outcomes.includes(outcome)).flatMap((outcome) => {
    const first = targetOf(process, step.id, outcome);
    if (step.kind === 'receive') return first?.kind === 'endEvent' ? [] : [`Expected '${outcome}' at '${step.id}' to end the process`];
    let element = first;
    let setsRefused = false;
    while (element && element.kind !== 'userTask' && element.outgoing.length === 1) {
      setsRefused ||= element.outputs.some((mapping) => mapping.target === 'result' && mapping.source.kind === 'feel' && mapping.source.source.trim() === '"refused"');
      element = process.elements[process.flows[element.outgoing[0]!]!.targetId];
    }
    const reached = steps.find((candidate) => candidate.id === element?.id);
    const problems: string[] = [];
    if (!setsRefused) problems.push(`Expected '${outcome}' at '${step.id}' to set result = "refused" before the next step`);
    if (reached?.kind !== 'return') problems.push(`Expected '${outcome}' at '${step.id}' to go to a return step, but it reaches '${element?.id ?? 'nothing'}'`);
    return problems;
  });
}

/** No return step can be reached from the start without passing an element that sets `result`. */
export function unsetResultProblems(process: ExecutableProcess, steps: readonly Step[]): string[] {
  const returns = new Set(steps.filter((step) => step.kind === 'return').map((step) => step.id));
  const setsResult = (id: string) => process.elements[id]!.outputs.some((mapping) => mapping.target === 'result');
  const seen = new Set<string>();
  const queue = process.noneStart ? [process.noneStart] : [];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id) || setsResult(id)) continue;
    seen.add(id);
    queue.push(...successorsOf(process, id));
  }
  return [...returns].filter((id) => seen.has(id)).map((id) => `Expected every path to the return step '${id}' to set the variable result first`);
}

/** Every agency kind of the configured tree, and those whose desk receives dossiers. */
export function agencyKindsOf(root: AgencyConfig): { all: Set<string>; receiving: Set<string> } {
  const all = new Set<string>();
  const receiving = new Set<string>();
  const visit = (agency: AgencyConfig): void => {
    all.add(agency.kind);
    if (agency.receivesDossiers) receiving.add(agency.kind);
    agency.children?.forEach(visit);
  };
  visit(root);
  return { all, receiving };
}

import { toLocalIso, type WorkingCalendar } from '../calendar/index.js';
import { addDuration, parseIsoDuration, parseTimeDate } from '../feel/index.js';
import { sequentialIds, VirtualClock } from '../runtime/clock.js';
import { Engine } from '../runtime/Engine.js';
import { EngineError } from '../runtime/EngineError.js';
import type { JsonValue, TreeState, Variables } from '../runtime/state.js';
import type { Db } from '../store/Db.js';
import { openPglite } from '../store/PgliteDb.js';
import type { ModelProblem } from '../model/types.js';

/**
 * Test-run a procedure: deploy its models on an in-memory database, drive one
 * instance through a scenario on a virtual clock, and report what happened.
 */

export type ScenarioStep =
  | { readonly complete: string; readonly variables?: Variables }
  | { readonly advance: string }
  | { readonly advanceTo: string }
  | { readonly publish: { readonly name: string; readonly correlationKey: string; readonly variables?: Variables; readonly timeToLive?: string; readonly messageId?: string } }
  | { readonly throwError: string; readonly code: string; readonly message?: string; readonly variables?: Variables }
  | { readonly expect: Expectation };

export interface Expectation {
  /** Exactly these elements are waiting (elements with nothing active inside them), in any order. */
  readonly active?: readonly string[];
  readonly state?: 'active' | 'completed' | 'terminated' | 'incident';
  /** These root variables have these values (others may exist). */
  readonly variables?: Variables;
}

export interface Scenario {
  readonly process: string;
  readonly start?: { readonly at?: string; readonly variables?: Variables };
  readonly steps?: readonly ScenarioStep[];
}

export interface Trace {
  readonly state: 'active' | 'completed' | 'terminated' | 'incident';
  readonly variables: Variables;
  readonly path: readonly { element: string; event: 'activated' | 'completed' | 'terminated'; at: string }[];
  readonly tasks: readonly { element: string; assignee: string | null; candidateGroups: string[]; dueDate: string | null; createdAt: string; completedAt: string | null }[];
  readonly timers: readonly { element: string; dueAt: string; firedAt: string | null }[];
  readonly incidents: readonly { element: string; type: string; message: string }[];
  /** What the instance waits for at the end: user tasks and jobs to complete, messages to publish. */
  readonly open: readonly OpenItem[];
  /** Expectations or steps that did not hold, with the step number (0-based) and what was found instead. */
  readonly failures: readonly { step: number; message: string }[];
}

export type OpenItem =
  | { readonly element: string; readonly kind: 'userTask' | 'job'; readonly headers: Readonly<Record<string, string>> }
  | { readonly element: string; readonly kind: 'message'; readonly messageName: string; readonly correlationKey: string };

export interface SimulationOptions {
  /** A database to run on (left open); an in-memory one otherwise. */
  readonly db?: Db;
  /** The working-time calendar; the Vietnamese one otherwise. */
  readonly calendar?: WorkingCalendar;
}

export class ModelRejected extends Error {
  constructor(readonly problems: readonly ModelProblem[], readonly resource: string) {
    super(`The model '${resource}' was rejected:\n${problems.map((p) => `  ${p.elementId}: ${p.message}`).join('\n')}`);
    this.name = 'ModelRejected';
  }
}

export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

export async function simulate(models: readonly { name: string; xml: string }[], scenario: Scenario, options: SimulationOptions = {}): Promise<Trace> {
  validateScenario(scenario);
  const startAt = scenario.start?.at ? parseInstant(scenario.start.at, 'start.at') : new Date();
  const clock = new VirtualClock(startAt);
  const db = options.db ?? (await openPglite());
  try {
    const engine = await Engine.create({ db, clock, ids: sequentialIds(), ...(options.calendar ? { calendar: options.calendar } : {}) });
    for (const model of models) {
      try {
        await engine.deploy(model.xml, model.name);
      } catch (error) {
        if (error instanceof EngineError && error.code === 'MODEL_REJECTED') throw new ModelRejected((error.details.problems as ModelProblem[]) ?? [], model.name);
        throw error;
      }
    }
    const { instanceKey } = await engine.createInstance(scenario.process, scenario.start?.variables ?? {});
    const failures: { step: number; message: string }[] = [];
    await engine.fireDueTimers();
    for (const [index, step] of (scenario.steps ?? []).entries()) {
      const failure = await runStep(engine, clock, instanceKey, step);
      if (failure) failures.push({ step: index, message: failure });
      await engine.fireDueTimers();
    }
    return await traceOf(engine, instanceKey, failures);
  } finally {
    if (!options.db) await db.close();
  }
}

async function runStep(engine: Engine, clock: VirtualClock, rootKey: string, step: ScenarioStep): Promise<string | undefined> {
  try {
    if ('complete' in step) return await completeAt(engine, rootKey, step.complete, step.variables ?? {});
    if ('advance' in step) {
      const duration = parseIsoDuration(step.advance);
      if (!duration.ok) throw new ScenarioError(`Expected 'advance' to be an ISO 8601 duration such as 'P1D', but got '${step.advance}': ${duration.message}`);
      await advanceTo(engine, clock, addDuration(clock.now(), duration.value));
      return undefined;
    }
    if ('advanceTo' in step) {
      const target = parseInstant(step.advanceTo, 'advanceTo');
      if (target.getTime() < clock.now().getTime()) return `Cannot move the clock back from ${toLocalIso(clock.now())} to ${toLocalIso(target)}`;
      await advanceTo(engine, clock, target);
      return undefined;
    }
    if ('publish' in step) {
      const ttl = step.publish.timeToLive ? parseIsoDuration(step.publish.timeToLive) : undefined;
      if (ttl && !ttl.ok) throw new ScenarioError(`Expected 'timeToLive' to be an ISO 8601 duration, but got '${step.publish.timeToLive}'`);
      await engine.publishMessage({
        name: step.publish.name,
        correlationKey: String(step.publish.correlationKey),
        variables: step.publish.variables ?? {},
        ...(ttl?.ok ? { timeToLiveMs: addDuration(clock.now(), ttl.value).getTime() - clock.now().getTime() } : {}),
        ...(step.publish.messageId ? { messageId: step.publish.messageId } : {}),
      });
      return undefined;
    }
    if ('throwError' in step) {
      const job = await openJobAt(engine, rootKey, step.throwError);
      if (!job) return `Expected an open job at '${step.throwError}' to throw error '${step.code}', but there is none`;
      await engine.throwError(job, { errorCode: step.code, ...(step.message ? { errorMessage: step.message } : {}), variables: step.variables ?? {} });
      return undefined;
    }
    return await check(engine, rootKey, step.expect);
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

/** Fire every timer due up to `target`, in order, with the clock at each timer's due time. */
async function advanceTo(engine: Engine, clock: VirtualClock, target: Date): Promise<void> {
  for (;;) {
    const due = await engine.nextTimerDue();
    if (!due || due.getTime() > target.getTime()) break;
    if (due.getTime() > clock.now().getTime()) clock.set(due);
    if (!(await engine.fireDueTimers(1))) break;
  }
  clock.set(target);
}

/** The open user task or job at an element anywhere in the tree (called instances included), oldest first. */
async function completeAt(engine: Engine, rootKey: string, elementId: string, variables: Variables): Promise<string | undefined> {
  const tree = (await engine.getTree(rootKey))!;
  const task = Object.values(tree.userTasks)
    .filter((t) => t.elementId === elementId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key))[0];
  if (task) {
    await engine.completeUserTask(task.key, variables);
    return undefined;
  }
  const job = await openJobAt(engine, rootKey, elementId);
  if (job) {
    await engine.completeJob(job, variables);
    return undefined;
  }
  return `Expected an open user task or job at '${elementId}' to complete, but there is none (waiting: ${waiting(tree).join(', ') || 'nothing'})`;
}

async function openJobAt(engine: Engine, rootKey: string, elementId: string): Promise<string | undefined> {
  const tree = (await engine.getTree(rootKey))!;
  return Object.values(tree.jobs)
    .filter((j) => j.elementId === elementId && j.state !== 'failed')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key))[0]?.key;
}

/** Elements that are active with nothing active inside them: where the instance waits. */
function waiting(tree: TreeState): string[] {
  return Object.values(tree.elements)
    .filter((e) => e.role !== 'process' && e.activeChildren === 0 && e.role !== 'body')
    .map((e) => e.elementId)
    .sort();
}

function statusOf(tree: TreeState): Trace['state'] {
  const root = tree.instances[tree.rootKey]!;
  if (root.state !== 'active') return root.state;
  return Object.keys(tree.incidents).length ? 'incident' : 'active';
}

async function check(engine: Engine, rootKey: string, expectation: Expectation): Promise<string | undefined> {
  const tree = (await engine.getTree(rootKey))!;
  const problems: string[] = [];
  if (expectation.active) {
    const actual = waiting(tree);
    const expected = [...expectation.active].sort();
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`expected active [${expected.join(', ')}], but active are [${actual.join(', ')}]`);
  }
  if (expectation.state && statusOf(tree) !== expectation.state) problems.push(`expected state '${expectation.state}', but it is '${statusOf(tree)}'`);
  if (expectation.variables) {
    const actual = tree.variables[rootKey] ?? {};
    for (const [name, value] of Object.entries(expectation.variables)) {
      if (!(name in actual)) problems.push(`expected variable '${name}' = ${JSON.stringify(value)}, but it is not set`);
      else if (!deepEqual(actual[name]!, value)) problems.push(`expected variable '${name}' = ${JSON.stringify(value)}, but it is ${JSON.stringify(actual[name])}`);
    }
  }
  return problems.length ? problems.join('; ') : undefined;
}

function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, JsonValue>)[k]!, (b as Record<string, JsonValue>)[k]!));
}

async function traceOf(engine: Engine, rootKey: string, failures: { step: number; message: string }[]): Promise<Trace> {
  const tree = (await engine.getTree(rootKey))!;
  const history = await engine.history(rootKey);
  const iso = (d: Date) => toLocalIso(d, engine.calendar.data.utcOffsetMinutes);
  const path: Trace['path'][number][] = [];
  const timers = new Map<string, { element: string; dueAt: string; firedAt: string | null }>();
  for (const e of history) {
    if (e.valueType === 'PROCESS_INSTANCE' && e.value.bpmnElementType !== 'process') {
      const event = ({ ELEMENT_ACTIVATED: 'activated', ELEMENT_COMPLETED: 'completed', ELEMENT_TERMINATED: 'terminated' } as const)[e.intent as 'ELEMENT_ACTIVATED'];
      if (event && e.value.bpmnElementType !== 'multiInstanceBody') path.push({ element: e.elementId!, event, at: iso(e.at) });
    } else if (e.valueType === 'TIMER') {
      if (e.intent === 'CREATED') timers.set(e.key, { element: e.elementId!, dueAt: iso(new Date(String(e.value.dueAt))), firedAt: null });
      else if (e.intent === 'TRIGGERED') timers.get(e.key)!.firedAt = iso(e.at);
    }
  }
  const tasks = (await engine.listUserTasks({ rootKey })).map((t) => ({
    element: t.elementId,
    assignee: t.assignee,
    candidateGroups: t.candidateGroups,
    dueDate: t.dueDate ? iso(t.dueDate) : null,
    createdAt: iso(t.createdAt),
    completedAt: t.state === 'completed' && t.endedAt ? iso(t.endedAt) : null,
  }));
  const incidents = (await engine.listIncidents({ rootKey, state: 'open' })).map((i) => ({ element: i.elementId, type: i.type, message: i.message }));
  return {
    state: statusOf(tree),
    variables: tree.variables[rootKey] ?? {},
    path,
    tasks,
    timers: [...timers.values()],
    incidents,
    open: openItems(tree),
    failures,
  };
}

/** Open user tasks and jobs (a job-based user task counts once, as its task) and message subscriptions, oldest first. */
function openItems(tree: TreeState): OpenItem[] {
  const byAge = <T extends { createdAt: string; key: string }>(a: T, b: T) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key);
  const tasks = Object.values(tree.userTasks).sort(byAge).map((t): OpenItem => ({ element: t.elementId, kind: 'userTask', headers: t.headers }));
  const jobs = Object.values(tree.jobs)
    .filter((j) => !j.userTaskKey && j.state !== 'failed')
    .sort(byAge)
    .map((j): OpenItem => ({ element: j.elementId, kind: 'job', headers: j.headers }));
  const messages = Object.values(tree.subscriptions).map(
    (s): OpenItem => ({ element: s.elementId, kind: 'message', messageName: s.messageName, correlationKey: s.correlationKey }),
  );
  return [...tasks, ...jobs, ...messages];
}

function parseInstant(text: string, what: string): Date {
  const parsed = parseTimeDate(text);
  if (!parsed.ok) throw new ScenarioError(`Expected '${what}' to be an ISO 8601 date and time such as '2026-02-13T10:00:00+07:00', but got '${text}'`);
  return parsed.value;
}

const STEP_KINDS = ['complete', 'advance', 'advanceTo', 'publish', 'throwError', 'expect'];

function validateScenario(scenario: Scenario): void {
  if (!scenario || typeof scenario !== 'object') throw new ScenarioError('Expected the scenario to be a JSON object');
  if (typeof scenario.process !== 'string' || !scenario.process) throw new ScenarioError("Expected the scenario's 'process' to name a process id");
  (scenario.steps ?? []).forEach((step, index) => {
    const kinds = Object.keys(step ?? {}).filter((k) => STEP_KINDS.includes(k));
    if (kinds.length !== 1) {
      throw new ScenarioError(`Expected step ${index} to have exactly one of ${STEP_KINDS.join(', ')}, but it has ${kinds.length ? kinds.join(', ') : 'none'}`);
    }
    if ('throwError' in step && typeof step.code !== 'string') throw new ScenarioError(`Expected step ${index} (throwError) to give an error 'code'`);
  });
}

import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { vietnamCalendar } from '../calendar/index.js';
import type { WorkingCalendar } from '../calendar/types.js';
import { addDuration, createFeel, parseIsoDuration, type Feel } from '../feel/index.js';
import { parseBpmn } from '../model/index.js';
import type { ExecutableProcess, ModelProblem } from '../model/types.js';
import { activateJobs as claimJobs, claimDueTimer, nextTimerDue, readTrees, rescheduleStartTimer } from '../store/claims.js';
import type { Db } from '../store/Db.js';
import {
  activeInstanceStartedWith,
  deleteExpiredMessages,
  findStartSubscriptions,
  findSubscriptions,
  insertMessage,
  lockMessageId,
  messageIdInUse,
  setStartCorrelationKey,
} from '../store/messages.js';
import { loadMigrations, migrate } from '../store/migrate.js';
import {
  findLatestProcess,
  insertProcess,
  listProcesses,
  lockProcessId,
  readProcessXml,
  replaceStartEvents,
  type ProcessRow,
} from '../store/ProcessStore.js';
import {
  findInstance,
  listIncidents,
  listUserTasks,
  readEvents,
  type EventRecord,
  type IncidentRecord,
  type InstanceRecord,
  type UserTaskFilter,
  type UserTaskRecord,
} from '../store/queries.js';
import { appendEvents, lockTree, readTree, readTreeOf } from '../store/TreeStore.js';
import { behaviorFor, startProcessInstance } from './behaviors.js';
import { systemClock, timeOrderedIds } from './clock.js';
import { cancelInstance, resolveIncident, setVariables } from './commands.js';
import { formatInstant, ProcessingContext, type RuntimeServices } from './context.js';
import { EngineError } from './EngineError.js';
import type { EngineEvent } from './events.js';
import { completeJob, failJob, throwJobError, updateJobRetries } from './jobs.js';
import { type Clock, type ExpressionEvaluator, type IdGenerator, type ProcessDefinition } from './ports.js';
import { emptyTree, type JsonValue, type TreeState, type Variables, visibleVariables } from './state.js';
import { evaluateTimer } from './subscriptions.js';
import { correlateMessage, triggerTimer } from './triggers.js';
import { assignUserTask, completeUserTask, updateUserTask, type UserTaskChanges } from './userTasks.js';

export interface EngineOptions {
  readonly db: Db;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly calendar?: WorkingCalendar;
  /** Apply the engine's migrations on start (default true). */
  readonly migrate?: boolean;
  /** How many grouped writes may be on their way to a database server at once (default 4). */
  readonly writeConcurrency?: number;
}

/** Run inside the caller's transaction, so the application's own writes commit or roll back with the engine's. */
export interface InTransaction {
  readonly tx?: Db;
}

export type { CommittedListener, EventListener } from './CommandExecutor.js';
import { CommandExecutor, type CommittedListener, type EventListener } from './CommandExecutor.js';
import { Definitions } from './Definitions.js';

export interface DeployedProcess {
  readonly key: string;
  readonly processId: string;
  readonly version: number;
  /** False when an identical resource was deployed before and its version is reused. */
  readonly isNew: boolean;
}

export interface StartedInstance {
  readonly instanceKey: string;
  readonly processKey: string;
  readonly processId: string;
  readonly version: number;
}

export interface PublishMessage {
  readonly name: string;
  readonly correlationKey: string;
  readonly variables?: Variables;
  /** How long the message waits for a subscription, in milliseconds (default 0: only open subscriptions). */
  readonly timeToLiveMs?: number;
  /** De-duplication: a second message with the same name and id is refused while the first one lives. */
  readonly messageId?: string;
}

export interface PublishedMessage {
  readonly messageKey: string;
  /** Instances that received the message (existing subscriptions and new instances from message start events). */
  readonly correlatedInstances: readonly string[];
}

export interface ActivatedJob {
  readonly key: string;
  readonly type: string;
  readonly rootKey: string;
  readonly processInstanceKey: string;
  readonly elementInstanceKey: string;
  readonly elementId: string;
  readonly bpmnProcessId: string;
  readonly retries: number;
  readonly customHeaders: Readonly<Record<string, string>>;
  readonly variables: Variables;
  readonly deadline: Date;
}

export interface InstanceView extends InstanceRecord {
  /** Active when running, `incident` when running with open incidents. */
  readonly status: 'active' | 'incident' | 'completed' | 'terminated';
  readonly variables: Variables;
  readonly activeElements: readonly { key: string; elementId: string; role: string; state: string }[];
}

/**
 * The embedded engine: deploys BPMN, runs instances and keeps their state in
 * PostgreSQL. Every command is one transaction on one instance tree (a publish
 * may touch several); the caller may pass its own transaction to join.
 */
export class Engine {
  private readonly definitions = new Definitions();
  private readonly executor: CommandExecutor;
  readonly clock: Clock;
  readonly calendar: WorkingCalendar;
  readonly feel: Feel;
  private readonly ids: IdGenerator;
  private readonly evaluator: ExpressionEvaluator;
  private readonly utcOffsetMinutes: number;

  private constructor(
    readonly db: Db,
    options: EngineOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.ids = options.ids ?? timeOrderedIds();
    this.calendar = options.calendar ?? vietnamCalendar();
    this.utcOffsetMinutes = this.calendar.data.utcOffsetMinutes;
    this.feel = createFeel({ calendar: this.calendar, clock: () => this.clock.now() });
    const feel = this.feel;
    this.evaluator = {
      evaluate: (expression, variables, expected, what, options) => feel.evaluateAs(expression, variables, expected, what, options),
      toJson: (value) => feel.toJson(value) as JsonValue,
    };
    this.executor = new CommandExecutor(db, this.definitions, (latest) => this.services(latest), options.writeConcurrency ?? 4);
  }

  static async create(options: EngineOptions): Promise<Engine> {
    if (options.migrate !== false) await migrateEngine(options.db);
    return new Engine(options.db, options);
  }

  /**
   * Subscribe to every event the engine writes; the listener runs inside the
   * command's transaction, before commit, and may write with the handle it gets.
   */
  subscribe(listener: EventListener): () => void {
    this.executor.listeners.add(listener);
    return () => this.executor.listeners.delete(listener);
  }

  /**
   * Listen to events once they are committed. With no transactional listener,
   * a command is a single atomic statement and needs no transaction at all,
   * which is the engine's fastest path. A command run inside the caller's
   * transaction reports here when its part is done; the caller commits later.
   */
  onCommitted(listener: CommittedListener): () => void {
    this.executor.committedListeners.add(listener);
    return () => this.executor.committedListeners.delete(listener);
  }

  // ---------------------------------------------------------------- deploy

  /** Check a BPMN resource without deploying it. */
  async validate(xml: string): Promise<{ ok: true; processes: readonly ExecutableProcess[]; warnings: readonly ModelProblem[] } | { ok: false; problems: readonly ModelProblem[] }> {
    return parseBpmn(xml, { checkFeel: (source) => this.feel.check(source) });
  }

  /**
   * Deploy a BPMN resource. Each process in it gets a new version unless the
   * resource is identical to the one its latest version came from.
   */
  async deploy(xml: string, resourceName = 'process.bpmn', options: InTransaction = {}): Promise<DeployedProcess[]> {
    const parsed = await this.validate(xml);
    if (!parsed.ok) {
      throw new EngineError('MODEL_REJECTED', `The BPMN resource '${resourceName}' was rejected: ${parsed.problems.map((p) => `${p.elementId}: ${p.message}`).join('; ')}`, {
        problems: parsed.problems,
      });
    }
    const checksum = createHash('sha256').update(xml).digest('hex');
    const events: EngineEvent[] = [];
    const deployed = await this.transaction(options, async (tx) => {
      const result: DeployedProcess[] = [];
      for (const model of parsed.processes) {
        await lockProcessId(tx, model.id);
        const latest = await findLatestProcess(tx, model.id);
        if (latest && latest.checksum === checksum) {
          result.push({ key: latest.key, processId: model.id, version: latest.version, isNew: false });
          continue;
        }
        const key = this.ids();
        const version = (latest?.version ?? 0) + 1;
        const at = formatInstant(this.clock.now(), this.utcOffsetMinutes);
        await insertProcess(tx, { key, processId: model.id, version, ...(model.name ? { name: model.name } : {}), ...(model.versionTag ? { versionTag: model.versionTag } : {}), checksum, resourceName, xml, model, deployedAt: at });
        await this.replaceStartEvents(tx, key, model);
        events.push({ valueType: 'PROCESS', intent: 'CREATED', key, at, value: { bpmnProcessId: model.id, version, resourceName, checksum } });
        result.push({ key, processId: model.id, version, isNew: true });
      }
      await appendEvents(tx, events);
      await this.executor.notify(events, tx);
      return result;
    });
    this.executor.notifyCommitted(events);
    for (const d of deployed) {
      const model = parsed.processes.find((p) => p.id === d.processId)!;
      this.definitions.add({ key: d.key, processId: d.processId, version: d.version, model });
    }
    return deployed;
  }

  private async replaceStartEvents(tx: Db, processKey: string, model: ExecutableProcess): Promise<void> {
    const ctx = this.scratchContext();
    const timers = [];
    for (const id of model.timerStarts) {
      const event = model.elements[id]!.event;
      if (event?.type !== 'timer') continue;
      const schedule = evaluateTimer(ctx, event.timer, {}, id);
      if (!schedule.ok) throw new EngineError('MODEL_REJECTED', schedule.message, { problems: [{ elementId: id, code: 'TIMER_START', message: schedule.message }] });
      timers.push({
        key: this.ids(),
        processKey,
        elementId: id,
        dueAt: formatInstant(schedule.value.dueAt, this.utcOffsetMinutes),
        repetitions: schedule.value.repetitions,
        ...(schedule.value.interval ? { interval: schedule.value.interval } : {}),
      });
    }
    const messages = [];
    for (const id of model.messageStarts) {
      const event = model.elements[id]!.event;
      if (event?.type !== 'message') continue;
      const name = this.evaluator.evaluate(event.message.name, {}, 'string', `the message name of start event '${id}'`);
      if (!name.ok) throw new EngineError('MODEL_REJECTED', name.message, { problems: [{ elementId: id, code: 'MESSAGE_START', message: name.message }] });
      messages.push({ processKey, elementId: id, messageName: String(name.value) });
    }
    await replaceStartEvents(tx, model.id, timers, messages);
  }

  async listProcesses(): Promise<ProcessRow[]> {
    return listProcesses(this.db);
  }

  async processXml(processKey: string): Promise<string | undefined> {
    return readProcessXml(this.db, processKey);
  }

  async processDefinition(processKey: string): Promise<ProcessDefinition | undefined> {
    return this.definitions.get(processKey) ?? (await this.definitions.load(this.db, processKey));
  }

  // ---------------------------------------------------------------- instances

  /** Start an instance of the newest version of a process (or the given version key) at its none start event. */
  async createInstance(processId: string, variables: Variables = {}, options: InTransaction & { processKey?: string } = {}): Promise<StartedInstance> {
    const db = options.tx ?? this.db;
    const definition = options.processKey ? await this.definitions.load(db, options.processKey) : await this.definitions.latest(db, processId);
    if (!definition) throw new EngineError('NOT_FOUND', `Expected a deployed process with id '${processId}', but none is deployed`);
    if (!definition.model.noneStart) {
      throw new EngineError('INVALID_STATE', `Expected process '${definition.processId}' to have a none start event, but it only starts by timer or message`);
    }
    return this.startInstance(options.tx, definition, definition.model.noneStart, variables);
  }

  private async startInstance(
    tx: Db | undefined,
    definition: ProcessDefinition,
    startElementId: string,
    variables: Variables,
    trigger?: Variables,
    sink?: EngineEvent[],
  ): Promise<StartedInstance> {
    const rootKey = this.ids();
    await this.executor.execute(
      tx,
      async () => ({ rootKey, doc: emptyTree(rootKey), rev: -1 }),
      '',
      (ctx) => startProcessInstance(ctx, rootKey, definition.key, startElementId, variables, undefined, trigger ? { variables: trigger } : undefined),
      sink,
    );
    return { instanceKey: rootKey, processKey: definition.key, processId: definition.processId, version: definition.version };
  }

  async cancelInstance(instanceKey: string, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_instances', instanceKey, `Expected a process instance with key '${instanceKey}', but none exists`, options, (ctx) =>
      cancelInstance(ctx, instanceKey),
    );
  }

  async setVariables(instanceKey: string, scopeKey: string, variables: Variables, options: InTransaction & { local?: boolean } = {}): Promise<void> {
    await this.onTree('engine_instances', instanceKey, `Expected a process instance with key '${instanceKey}', but none exists`, options, (ctx) =>
      setVariables(ctx, scopeKey, variables, options.local ?? false),
    );
  }

  async resolveIncident(incidentKey: string, options: InTransaction & { retries?: number } = {}): Promise<void> {
    await this.onTree('engine_incidents', incidentKey, `Expected an incident with key '${incidentKey}', but none exists`, options, (ctx) =>
      resolveIncident(ctx, incidentKey, options.retries),
    );
  }

  // ---------------------------------------------------------------- user tasks

  async completeUserTask(taskKey: string, variables: Variables = {}, options: InTransaction & { action?: string } = {}): Promise<void> {
    await this.onTree('engine_user_tasks', taskKey, `Expected a user task with key '${taskKey}', but none exists`, options, (ctx) =>
      completeUserTask(ctx, taskKey, variables, options.action),
    );
  }

  async assignUserTask(taskKey: string, assignee: string | null, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_user_tasks', taskKey, `Expected a user task with key '${taskKey}', but none exists`, options, (ctx) =>
      assignUserTask(ctx, taskKey, assignee),
    );
  }

  async updateUserTask(taskKey: string, changes: UserTaskChanges, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_user_tasks', taskKey, `Expected a user task with key '${taskKey}', but none exists`, options, (ctx) =>
      updateUserTask(ctx, taskKey, changes),
    );
  }

  async listUserTasks(filter: UserTaskFilter = {}): Promise<UserTaskRecord[]> {
    return listUserTasks(this.db, filter);
  }

  // ---------------------------------------------------------------- jobs

  async activateJobs(request: { type: string; worker: string; timeoutMs?: number; maxJobs?: number }): Promise<ActivatedJob[]> {
    const now = this.clock.now();
    const deadline = new Date(now.getTime() + (request.timeoutMs ?? 300_000));
    const events: EngineEvent[] = [];
    const jobs = await this.db.transaction(async (tx) => {
      const claimed = await claimJobs(tx, request.type, request.worker, now, deadline, request.maxJobs ?? 32);
      if (!claimed.length) return [];
      const trees = await readTrees(tx, claimed.map((j) => j.rootKey));
      const at = formatInstant(now, this.utcOffsetMinutes);
      events.push(...claimed.map((j): EngineEvent => ({
        valueType: 'JOB',
        intent: 'ACTIVATED',
        key: j.key,
        rootKey: j.rootKey,
        instanceKey: j.instanceKey,
        elementId: j.elementId,
        at,
        value: { type: j.type, worker: request.worker, deadline: formatInstant(deadline, this.utcOffsetMinutes), retries: j.retries, timedOut: j.timedOut },
      })));
      await appendEvents(tx, events);
      await this.executor.notify(events, tx);
      return claimed.map((j) => {
        const tree = trees.get(j.rootKey) as TreeState | undefined;
        return {
          key: j.key,
          type: j.type,
          rootKey: j.rootKey,
          processInstanceKey: j.instanceKey,
          elementInstanceKey: j.elementInstanceKey,
          elementId: j.elementId,
          bpmnProcessId: j.processId,
          retries: j.retries,
          customHeaders: j.customHeaders,
          variables: tree ? visibleVariables(tree, j.elementInstanceKey) : {},
          deadline: j.deadline,
        };
      });
    });
    this.executor.notifyCommitted(events);
    return jobs;
  }

  async completeJob(jobKey: string, variables: Variables = {}, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_jobs', jobKey, `Expected a job with key '${jobKey}', but none exists (it may be completed or cancelled)`, options, (ctx) =>
      completeJob(ctx, jobKey, variables),
    );
  }

  async failJob(jobKey: string, failure: { retries: number; errorMessage?: string; backoffMs?: number }, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_jobs', jobKey, `Expected a job with key '${jobKey}', but none exists`, options, (ctx) =>
      failJob(ctx, jobKey, failure.retries, failure.errorMessage ?? '', failure.backoffMs ?? 0),
    );
  }

  async throwError(jobKey: string, error: { errorCode: string; errorMessage?: string; variables?: Variables }, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_jobs', jobKey, `Expected a job with key '${jobKey}', but none exists`, options, (ctx) =>
      throwJobError(ctx, jobKey, error.errorCode, error.errorMessage, error.variables ?? {}),
    );
  }

  async updateJobRetries(jobKey: string, retries: number, options: InTransaction = {}): Promise<void> {
    await this.onTree('engine_jobs', jobKey, `Expected a job with key '${jobKey}', but none exists`, options, (ctx) => updateJobRetries(ctx, jobKey, retries));
  }

  // ---------------------------------------------------------------- messages

  async publishMessage(message: PublishMessage, options: InTransaction = {}): Promise<PublishedMessage> {
    const variables = message.variables ?? {};
    const ttl = message.timeToLiveMs ?? 0;
    if (!(ttl >= 0)) throw new EngineError('INVALID_ARGUMENT', `Expected a time to live ≥ 0 ms, but got ${ttl}`);
    const events: EngineEvent[] = [];
    const published = await this.transaction(options, async (tx) => {
      const now = this.clock.now();
      if (message.messageId) {
        await lockMessageId(tx, message.name, message.messageId);
        if (await messageIdInUse(tx, message.name, message.messageId, now)) {
          throw new EngineError('DUPLICATE_MESSAGE', `A message named '${message.name}' with id '${message.messageId}' was already published and is still buffered`);
        }
      }
      const messageKey = this.ids();
      const correlated: string[] = [];
      const processes = new Set<string>();

      // One subscription per process id, the oldest first: Zeebe's message cardinality.
      const chosen = new Map<string, { key: string; rootKey: string }>();
      for (const s of await findSubscriptions(tx, message.name, message.correlationKey)) if (!chosen.has(s.processId)) chosen.set(s.processId, s);
      const byRoot = [...chosen.entries()].sort((a, b) => (a[1].rootKey < b[1].rootKey ? -1 : 1));
      for (const [processId, s] of byRoot) {
        const done = await this.executor.execute(
          tx,
          (t) => lockTree(t, s.rootKey),
          '',
          (ctx) => correlateMessage(ctx, s.key, { key: messageKey, name: message.name, correlationKey: message.correlationKey, variables }),
          events,
        ).catch((e: unknown) => (e instanceof EngineError && e.code === 'NOT_FOUND' ? false : Promise.reject(e)));
        if (done) {
          processes.add(processId);
          correlated.push(s.rootKey);
        }
      }
      for (const start of await findStartSubscriptions(tx, message.name)) {
        if (processes.has(start.processId)) continue;
        if (message.correlationKey && (await activeInstanceStartedWith(tx, start.processId, message.correlationKey))) continue;
        const definition = await this.definitions.load(tx, start.processKey);
        if (!definition) continue;
        const started = await this.startInstance(tx, definition, start.elementId, {}, variables, events);
        if (message.correlationKey) await setStartCorrelationKey(tx, started.instanceKey, message.correlationKey);
        processes.add(start.processId);
        correlated.push(started.instanceKey);
      }
      const at = formatInstant(now, this.utcOffsetMinutes);
      const publishedEvent: EngineEvent = {
        valueType: 'MESSAGE',
        intent: 'PUBLISHED',
        key: messageKey,
        at,
        value: { name: message.name, correlationKey: message.correlationKey, messageId: message.messageId, timeToLive: ttl, variables } as Record<string, JsonValue>,
      };
      await appendEvents(tx, [publishedEvent]);
      await this.executor.notify([publishedEvent], tx);
      events.push(publishedEvent);
      if (ttl > 0) {
        await insertMessage(tx, {
          key: messageKey,
          name: message.name,
          correlationKey: message.correlationKey,
          variables,
          ...(message.messageId ? { messageId: message.messageId } : {}),
          publishedAt: now,
          expiresAt: new Date(now.getTime() + ttl),
          correlatedProcesses: [...processes],
        });
      }
      return { messageKey, correlatedInstances: correlated };
    });
    this.executor.notifyCommitted(events);
    return published;
  }

  /** Drop messages whose time to live has passed. */
  async expireMessages(): Promise<number> {
    const events: EngineEvent[] = [];
    const expired = await this.db.transaction(async (tx) => {
      const keys = await deleteExpiredMessages(tx, this.clock.now());
      const at = formatInstant(this.clock.now(), this.utcOffsetMinutes);
      events.push(...keys.map((key): EngineEvent => ({ valueType: 'MESSAGE', intent: 'EXPIRED', key, at, value: {} })));
      await appendEvents(tx, events);
      if (events.length) await this.executor.notify(events, tx);
      return keys.length;
    });
    this.executor.notifyCommitted(events);
    return expired;
  }

  // ---------------------------------------------------------------- timers

  /**
   * Fire timers that are due, each in its own transaction, until none is due or
   * `limit` fired. Safe to run in several processes at once: a timer is claimed
   * with SKIP LOCKED and fires once.
   */
  async fireDueTimers(limit = 1000): Promise<number> {
    let fired = 0;
    while (fired < limit) {
      const events: EngineEvent[] = [];
      const didFire = await this.db.transaction(async (tx) => {
        const now = this.clock.now();
        const claimed = await claimDueTimer(tx, now);
        if (!claimed) return undefined;
        if (claimed.kind === 'instance') {
          await this.executor.execute(tx, async () => ({ rootKey: claimed.rootKey, doc: claimed.doc, rev: claimed.rev }), '', (ctx) => triggerTimer(ctx, claimed.key), events);
          return true;
        }
        await this.fireStartTimer(tx, claimed, events);
        return true;
      });
      this.executor.notifyCommitted(events);
      if (didFire === undefined) break;
      fired += 1;
    }
    return fired;
  }

  private async fireStartTimer(tx: Db, timer: Extract<Awaited<ReturnType<typeof claimDueTimer>>, { kind: 'start' }>, sink: EngineEvent[]): Promise<void> {
    const definition = await this.definitions.load(tx, timer.processKey);
    if (definition) await this.startInstance(tx, definition, timer.elementId, {}, undefined, sink);
    let next: string | undefined;
    if (timer.repetitions !== 0 && timer.interval) {
      const interval = parseIsoDuration(timer.interval);
      if (interval.ok) next = formatInstant(addDuration(timer.dueAt, interval.value, this.utcOffsetMinutes), this.utcOffsetMinutes);
    }
    await rescheduleStartTimer(tx, timer.key, next, timer.repetitions < 0 ? -1 : timer.repetitions - 1);
  }

  async nextTimerDue(): Promise<Date | undefined> {
    return nextTimerDue(this.db);
  }

  // ---------------------------------------------------------------- queries

  async getInstance(instanceKey: string): Promise<InstanceView | undefined> {
    const record = await findInstance(this.db, instanceKey);
    if (!record) return undefined;
    const tree = (await readTree(this.db, record.rootKey)) as TreeState | undefined;
    if (!tree) return undefined;
    // A root instance is stuck when anything in its tree is: an incident in a called instance counts too.
    const incidents = Object.values(tree.incidents).some((i) => instanceKey === record.rootKey || i.instanceKey === instanceKey);
    return {
      ...record,
      status: record.state === 'active' && incidents ? 'incident' : record.state,
      variables: { ...(tree.variables[instanceKey] ?? {}) },
      activeElements: Object.values(tree.elements)
        .filter((e) => e.instanceKey === instanceKey && e.role !== 'process')
        .map((e) => ({ key: e.key, elementId: e.elementId, role: e.role, state: e.state })),
    };
  }

  /** The whole state of an instance tree, as stored. */
  async getTree(rootKey: string): Promise<TreeState | undefined> {
    return (await readTree(this.db, rootKey)) as TreeState | undefined;
  }

  async history(rootKey: string): Promise<EventRecord[]> {
    return readEvents(this.db, rootKey);
  }

  async listIncidents(filter: { state?: 'open' | 'resolved'; rootKey?: string } = {}): Promise<IncidentRecord[]> {
    return listIncidents(this.db, filter);
  }

  // ---------------------------------------------------------------- execution

  private transaction<T>(options: InTransaction, work: (tx: Db) => Promise<T>): Promise<T> {
    return (options.tx ?? this.db).transaction(work);
  }

  private onTree<T>(
    table: Parameters<typeof readTreeOf>[1],
    key: string,
    notFound: string,
    options: InTransaction,
    command: (ctx: ProcessingContext) => T,
  ): Promise<T> {
    return this.executor.execute(options.tx, (db, lock) => readTreeOf(db, table, key, lock), notFound, command, undefined, key);
  }

  private services(latest: Map<string, ProcessDefinition | null>): RuntimeServices {
    return {
      behaviorFor,
      clock: this.clock,
      ids: this.ids,
      evaluator: this.evaluator,
      utcOffsetMinutes: this.utcOffsetMinutes,
      definitions: {
        byKey: (key) => this.definitions.get(key),
        latest: (processId) => latest.get(processId),
      },
    };
  }

  private scratchContext(): ProcessingContext {
    return new ProcessingContext(emptyTree('scratch'), this.services(new Map()));
  }
}

/** The engine's tables, applied in order and recorded; safe to run from several processes. */
export async function migrateEngine(db: Db): Promise<string[]> {
  const dir = fileURLToPath(new URL('../store/migrations/', import.meta.url));
  return migrate(db, await loadMigrations(dir));
}

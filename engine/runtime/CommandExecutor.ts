import type { Db } from '../store/Db.js';
import { markMessageCorrelated, findBufferedMessage } from '../store/messages.js';
import { saveTree, type StoredTree } from '../store/TreeStore.js';
import { changesOf } from './changes.js';
import { ProcessingContext, type RuntimeServices } from './context.js';
import type { Definitions } from './Definitions.js';
import { EngineError } from './EngineError.js';
import type { EngineEvent } from './events.js';
import { DefinitionNeeded, type ProcessDefinition } from './ports.js';
import type { TreeState, Variables } from './state.js';
import { TreeCache } from './TreeCache.js';
import { correlateMessage } from './triggers.js';
import { WriteBatcher } from './WriteBatcher.js';

/** Runs inside the command's transaction: what it writes with `tx` commits or rolls back with the engine's state. */
export type EventListener = (events: readonly EngineEvent[], tx: Db) => Promise<void> | void;

/** Runs after the command's changes are committed: for caches and wake-ups, never for writes that must be atomic with the engine. */
export type CommittedListener = (events: readonly EngineEvent[]) => void;

/** Finds (and with `lock`, locks) the tree a command works on. */
export type Locate = (db: Db, lock: boolean) => Promise<StoredTree | undefined>;

/** How often a command is retried when another writer changed its tree between read and write. */
const MAX_ATTEMPTS = 50;

/**
 * Runs commands on instance trees and tells the listeners what happened. It
 * owns the two ways a command reaches the database (optimistic, or locked in
 * a transaction), the tree cache and the group-commit writer.
 */
export class CommandExecutor {
  readonly listeners = new Set<EventListener>();
  readonly committedListeners = new Set<CommittedListener>();
  private readonly cache = new TreeCache();
  private readonly writer: WriteBatcher;

  constructor(
    private readonly db: Db,
    private readonly definitions: Definitions,
    private readonly services: (latest: Map<string, ProcessDefinition | null>) => RuntimeServices,
    writeConcurrency: number,
  ) {
    // PGlite runs one statement at a time; a server takes several batches at once.
    this.writer = new WriteBatcher(db, db.dialect === 'pglite' ? 1 : writeConcurrency);
  }

  /**
   * Run one command on one tree: read the tree, process the command and its
   * follow-ups in memory, and write the tree, its projections and its events.
   *
   * On its own (no caller transaction, no transactional listener) a command is
   * optimistic: the write is one statement that applies only if the tree is
   * still at the revision read, and the command runs again otherwise. Inside a
   * transaction the tree row is locked instead, buffered messages are
   * correlated to subscriptions the command opened, and listeners run before
   * commit. A definition the command needs but the cache lacks is loaded and
   * the command runs again from the stored state.
   */
  async execute<T>(
    outer: Db | undefined,
    locate: Locate,
    notFound: string,
    command: (ctx: ProcessingContext) => T,
    /** For the engine's own multi-step transactions: collect the events, to report them once that transaction commits. */
    sink?: EngineEvent[],
    /** The record the command is about, to find its tree in the cache. */
    cacheKey?: string,
  ): Promise<T> {
    if (!outer && !this.listeners.size) {
      const fast = await this.optimistic(locate, notFound, command, cacheKey);
      if (fast.done) {
        this.notifyCommitted(fast.events);
        return fast.result;
      }
    }
    const events: EngineEvent[] = sink ?? [];
    const written: StoredTree[] = [];
    const result = await (outer ?? this.db).transaction((tx) => this.locked(tx, locate, notFound, command, events, written));
    // Only what this engine committed itself may be cached; a caller's transaction may still roll back.
    for (const tree of written) {
      if (outer || sink) this.cache.forget(tree.rootKey);
      else this.cache.remember(tree, events);
    }
    if (!sink) this.notifyCommitted(events);
    return result;
  }

  private async optimistic<T>(
    locate: Locate,
    notFound: string,
    command: (ctx: ProcessingContext) => T,
    cacheKey: string | undefined,
  ): Promise<{ done: true; result: T; events: readonly EngineEvent[] } | { done: false }> {
    const latest = new Map<string, ProcessDefinition | null>();
    let cached = cacheKey ? this.cache.find(cacheKey) : undefined;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const found = cached ?? (await locate(this.db, false));
      cached = undefined;
      if (!found) throw new EngineError('NOT_FOUND', notFound);
      const processed = await this.process(found, command, latest, this.db);
      if (!processed) continue;
      const { ctx, result } = processed;
      // A subscription opened now may have a buffered message waiting: that needs the locked path.
      if (ctx.openedSubscriptions.length) return { done: false };
      if (await this.writer.save({ changes: changesOf(ctx.tree, ctx.events), expectedRev: found.rev < 0 ? undefined : found.rev })) {
        this.cache.remember({ rootKey: found.rootKey, doc: ctx.tree, rev: found.rev < 0 ? 1 : found.rev + 1 }, ctx.events);
        return { done: true, result, events: ctx.events };
      }
      this.cache.forget(found.rootKey);
    }
    throw new EngineError('CONFLICT', `The instance changed ${MAX_ATTEMPTS} times while a command was applied to it; try again`);
  }

  private async locked<T>(
    tx: Db,
    locate: Locate,
    notFound: string,
    command: (ctx: ProcessingContext) => T,
    out: EngineEvent[],
    written: StoredTree[],
  ): Promise<T> {
    const latest = new Map<string, ProcessDefinition | null>();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const found = await locate(tx, true);
      if (!found) throw new EngineError('NOT_FOUND', notFound);
      const processed = await this.process(found, command, latest, tx);
      if (!processed) continue;
      const { ctx, result } = processed;
      let correlations: { messageKey: string; processId: string }[];
      try {
        correlations = await this.correlateBuffered(tx, ctx);
      } catch (error) {
        if (error instanceof DefinitionNeeded) {
          await this.resolveDefinition(tx, error, latest);
          continue;
        }
        throw error;
      }
      if (!(await saveTree(tx, changesOf(ctx.tree, ctx.events), found.rev < 0 ? undefined : found.rev))) {
        throw new EngineError('CONFLICT', `Instance '${found.rootKey}' changed while it was locked`);
      }
      for (const c of correlations) await markMessageCorrelated(tx, c.messageKey, c.processId);
      await this.notify(ctx.events, tx);
      out.push(...ctx.events);
      written.push({ rootKey: found.rootKey, doc: ctx.tree, rev: found.rev < 0 ? 1 : found.rev + 1 });
      return result;
    }
    throw new EngineError('CONFLICT', `A command on instance tree could not load the process definitions it needs`);
  }

  /** Process a command on a copy of the stored tree; undefined when a definition had to be loaded first (run again). */
  private async process<T>(
    found: StoredTree,
    command: (ctx: ProcessingContext) => T,
    latest: Map<string, ProcessDefinition | null>,
    db: Db,
  ): Promise<{ ctx: ProcessingContext; result: T } | undefined> {
    const ctx = new ProcessingContext(structuredClone(found.doc) as TreeState, this.services(latest));
    try {
      const result = command(ctx);
      ctx.drain();
      return { ctx, result };
    } catch (error) {
      if (!(error instanceof DefinitionNeeded)) throw error;
      await this.resolveDefinition(db, error, latest);
      return undefined;
    }
  }

  private async resolveDefinition(db: Db, error: DefinitionNeeded, latest: Map<string, ProcessDefinition | null>): Promise<void> {
    if (error.by === 'key') {
      if (!(await this.definitions.load(db, error.value))) throw new EngineError('NOT_FOUND', `Expected process definition '${error.value}' to be deployed`);
    } else {
      latest.set(error.value, (await this.definitions.latest(db, error.value)) ?? null);
    }
  }

  /** Subscriptions opened by this command may find a message published before them, still within its time to live. */
  private async correlateBuffered(tx: Db, ctx: ProcessingContext): Promise<{ messageKey: string; processId: string }[]> {
    const done: { messageKey: string; processId: string }[] = [];
    for (let i = 0; i < ctx.openedSubscriptions.length; i++) {
      const s = ctx.openedSubscriptions[i]!;
      if (!ctx.tree.subscriptions[s.key]) continue;
      const message = await findBufferedMessage(tx, s.messageName, s.correlationKey, s.processId, ctx.now);
      if (!message || done.some((d) => d.messageKey === message.key && d.processId === s.processId)) continue;
      correlateMessage(ctx, s.key, { key: message.key, name: message.name, correlationKey: message.correlationKey, variables: message.variables as Variables });
      ctx.drain();
      done.push({ messageKey: message.key, processId: s.processId });
    }
    return done;
  }

  async notify(events: readonly EngineEvent[], tx: Db): Promise<void> {
    if (!events.length) return;
    for (const listener of this.listeners) await listener(events, tx);
  }

  notifyCommitted(events: readonly EngineEvent[]): void {
    if (!events.length) return;
    for (const listener of this.committedListeners) listener(events);
  }
}

import type { Engine } from '../runtime/Engine.js';

export interface SchedulerOptions {
  /** How often to look for due timers and expired messages. */
  readonly intervalMs?: number;
  /** Most timers fired in one tick; the rest wait for the next. */
  readonly batch?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Drives time for an engine process: fires due timers and drops expired
 * messages on every tick. Several processes may each run one on the same
 * database: timers are claimed with SKIP LOCKED and fire once.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly options: SchedulerOptions = {},
  ) {}

  start(): this {
    if (!this.timer) this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 1000);
    return this;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** One pass: fire what is due now. Overlapping calls share the pass in progress. */
  tick(): Promise<void> {
    this.ticking ??= (async () => {
      try {
        await this.engine.fireDueTimers(this.options.batch ?? 1000);
        await this.engine.expireMessages();
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.ticking = undefined;
      }
    })();
    return this.ticking;
  }
}

import type { ActivatedJob, Engine } from '../runtime/Engine.js';
import type { Variables } from '../runtime/state.js';

/** What a job handler may do with its job besides returning variables (which completes it). */
export interface JobActions {
  /** Complete with a BPMN error that an error boundary event or event sub-process can catch. */
  throwError(errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
  /** Fail now with an explicit retry count and back-off. */
  fail(errorMessage: string, options?: { retries?: number; backoffMs?: number }): Promise<void>;
}

/** Return variables to complete the job; throw to fail it (one retry used, with back-off). */
export type JobHandler = (job: ActivatedJob, actions: JobActions) => Promise<Variables | void> | Variables | void;

export interface JobWorkerOptions {
  readonly type: string;
  readonly handler: JobHandler;
  /** Name recorded on activated jobs. */
  readonly worker?: string;
  /** How long a job stays locked to this worker before it is offered again. */
  readonly timeoutMs?: number;
  readonly maxJobs?: number;
  readonly pollIntervalMs?: number;
  /** Back-off after a thrown handler error: base × 2^(attempt), capped at 10 minutes. */
  readonly backoffMs?: number;
  readonly onError?: (error: unknown, job?: ActivatedJob) => void;
}

/**
 * Polls for jobs of one type and runs a handler on each. Delivery is at least
 * once: a handler that takes longer than the lock timeout may see its job again.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;

  constructor(
    private readonly engine: Engine,
    readonly options: JobWorkerOptions,
  ) {}

  start(): this {
    this.stopped = false;
    this.schedule(0);
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** Activate and handle one batch; returns how many jobs were handled. */
  async pollOnce(): Promise<number> {
    const jobs = await this.engine.activateJobs({
      type: this.options.type,
      worker: this.options.worker ?? `worker-${process.pid}`,
      timeoutMs: this.options.timeoutMs ?? 300_000,
      maxJobs: this.options.maxJobs ?? 32,
    });
    for (const job of jobs) await this.handle(job);
    return jobs.length;
  }

  private async handle(job: ActivatedJob): Promise<void> {
    let settled = false;
    const actions: JobActions = {
      throwError: async (errorCode, errorMessage, variables) => {
        settled = true;
        await this.engine.throwError(job.key, { errorCode, ...(errorMessage ? { errorMessage } : {}), ...(variables ? { variables } : {}) });
      },
      fail: async (errorMessage, options = {}) => {
        settled = true;
        await this.engine.failJob(job.key, { retries: options.retries ?? job.retries - 1, errorMessage, backoffMs: options.backoffMs ?? 0 });
      },
    };
    try {
      const variables = await this.options.handler(job, actions);
      if (!settled) await this.engine.completeJob(job.key, variables ?? {});
    } catch (error) {
      this.options.onError?.(error, job);
      if (settled) return;
      const attempt = Math.max(0, 3 - job.retries);
      const backoffMs = Math.min(600_000, (this.options.backoffMs ?? 1000) * 2 ** attempt);
      const message = error instanceof Error ? error.message : String(error);
      await this.engine.failJob(job.key, { retries: job.retries - 1, errorMessage: message, backoffMs }).catch((e: unknown) => this.options.onError?.(e, job));
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = true;
      this.pollOnce()
        .catch((error: unknown) => this.options.onError?.(error))
        .then((handled) => {
          this.running = false;
          this.schedule(handled ? 0 : (this.options.pollIntervalMs ?? 500));
        })
        .catch(() => undefined);
    }, delay);
  }
}

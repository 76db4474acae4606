import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Scheduler } from '../../engine/index.js';

export interface JobTargets {
  /** The engine's timers and message expiry. */
  readonly scheduler: Scheduler;
  /** The notification outbox. */
  readonly drainOutbox: () => Promise<unknown>;
  /** The daily due-date reminder. */
  readonly remindDue: () => Promise<{ reminded: number }>;
  readonly logger: Logger;
}

/**
 * Time in the service: a tick every second drives timers and the outbox; at
 * 07:00 on working-day mornings (Asia/Ho_Chi_Minh) the due-date reminder runs.
 * Several service processes may each run these: timers and outbox rows are
 * claimed with SKIP LOCKED, and reminders mark what they sent.
 */
export function startJobs(targets: JobTargets): { stop(): Promise<void> } {
  const { logger } = targets;
  const tasks: ScheduledTask[] = [
    cron.schedule(
      '* * * * * *',
      async () => {
        await targets.scheduler.tick();
        await targets.drainOutbox();
      },
      { name: 'tick', noOverlap: true },
    ),
    cron.schedule(
      '0 7 * * 1-6',
      async () => {
        const { reminded } = await targets.remindDue();
        logger.info({ reminded }, 'due-date reminders sent');
      },
      { name: 'due-reminder', timezone: 'Asia/Ho_Chi_Minh', noOverlap: true },
    ),
  ];
  for (const task of tasks) {
    task.on('execution:failed', (context: { execution?: { error?: unknown } }) => {
      logger.error({ err: context.execution?.error, job: task.name }, 'scheduled job failed');
    });
  }
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
    },
  };
}

import { pino, type Logger } from 'pino';
import type { Db } from '../../engine/store/index.js';
import { maskContacts, maskRecipient } from './maskRecipient.js';
import { NotificationError } from './NotificationError.js';
import type { NotificationTemplate } from './NotificationTemplate.js';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationTransport, type OutgoingMessage } from './NotificationTransport.js';
import { renderNotification } from './renderNotification.js';

export interface OutboxDrainerOptions {
  readonly db: Db;
  /** A channel left out keeps its notifications pending until a drainer that has one sends them. */
  readonly transports: Partial<Record<NotificationChannel, NotificationTransport>>;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Attempts before a notification is given up as `failed`. Default 8. */
  readonly maxAttempts?: number;
  /** Notifications claimed and sent together. Default 20. */
  readonly batchSize?: number;
  /**
   * How long a claimed notification belongs to this drainer. If the drainer dies
   * mid-send, another takes the notification once the lease ends. Default 5 minutes.
   */
  readonly leaseMs?: number;
  /** Wait after the first failed attempt; it doubles after each further one. Default 1 minute. */
  readonly retryBaseMs?: number;
  /** Longest wait between attempts. Default 1 hour. */
  readonly retryMaxMs?: number;
}

export interface DrainResult {
  readonly sent: number;
  readonly failed: number;
  readonly retried: number;
}

type Outcome = keyof DrainResult;

interface ClaimedRow {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly recipient: string;
  readonly template: string;
  readonly data: Record<string, unknown>;
  /** Including the attempt this claim starts. */
  readonly attempts: number;
}

const MAX_STORED_ERROR = 2000;

// One statement, so the rows are locked, leased and counted at once: a second drainer
// skips them while they are locked and finds them not due once the lease is written.
const CLAIM = `
  WITH due AS (
    SELECT id FROM notification_outbox
    WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $1) AND $2::jsonb ? channel
    ORDER BY next_attempt_at NULLS FIRST, id
    LIMIT $3
    FOR UPDATE SKIP LOCKED)
  UPDATE notification_outbox o SET attempts = o.attempts + 1, next_attempt_at = $4
  FROM due WHERE o.id = due.id
  RETURNING o.id, o.channel, o.recipient, o.template, o.data, o.attempts`;

// Every outcome is recorded only if the row is still in the claim this drainer made:
// a drainer whose lease ran out must not overwrite the outcome of the one that took over.
const MARK_SENT = `UPDATE notification_outbox SET status = 'sent', sent_at = $3
  WHERE id = $1 AND attempts = $2 AND status = 'pending'`;
const MARK_FAILED = `UPDATE notification_outbox SET status = 'failed', last_error = $3, attempts = $4
  WHERE id = $1 AND attempts = $2 AND status = 'pending'`;
const SCHEDULE_RETRY = `UPDATE notification_outbox SET next_attempt_at = $3, last_error = $4
  WHERE id = $1 AND attempts = $2 AND status = 'pending'`;
const PENDING_BY_CHANNEL = `SELECT channel, count(*) AS pending FROM notification_outbox
  WHERE status = 'pending' AND $1::jsonb ? channel GROUP BY channel`;

/**
 * Sends what the outbox holds, after the transactions that wrote it have committed:
 * each notification at least once, retried with exponential backoff, given up after
 * `maxAttempts`. Several drainers (threads of one process or several processes) may run
 * on one database; claims with SKIP LOCKED keep them from sending a message twice,
 * except when a drainer outlives its lease mid-send.
 */
export class OutboxDrainer {
  private readonly db: Db;
  private readonly transports: Partial<Record<NotificationChannel, NotificationTransport>>;
  private readonly clock: () => Date;
  private nextReportCheck = -Infinity;
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  /** The channels this drainer sends, as the jsonb array the claim filters on. */
  private readonly channels: string;
  private readonly unreported: Set<NotificationChannel>;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: OutboxDrainerOptions) {
    this.db = options.db;
    this.transports = options.transports;
    this.clock = options.clock ?? (() => new Date());
    this.logger = (options.logger ?? pino({ name: 'motcua' })).child({ component: 'notification-outbox' });
    this.maxAttempts = positiveInteger('maxAttempts', options.maxAttempts ?? 8);
    this.batchSize = positiveInteger('batchSize', options.batchSize ?? 20);
    this.leaseMs = positiveInteger('leaseMs', options.leaseMs ?? 5 * 60_000);
    this.retryBaseMs = positiveInteger('retryBaseMs', options.retryBaseMs ?? 60_000);
    this.retryMaxMs = positiveInteger('retryMaxMs', options.retryMaxMs ?? 60 * 60_000);
    const handled = NOTIFICATION_CHANNELS.filter((channel) => this.transports[channel] !== undefined);
    this.channels = JSON.stringify(handled);
    this.unreported = new Set(NOTIFICATION_CHANNELS.filter((channel) => !handled.includes(channel)));
  }

  /** Send everything due now, batch after batch, and say what became of it. */
  async drain(): Promise<DrainResult> {
    const totals = { sent: 0, failed: 0, retried: 0 };
    await this.reportChannelsWithoutTransport();
    if (this.channels === '[]') return totals;
    let claimedFullBatch: boolean;
    do {
      const batch = await this.claim();
      claimedFullBatch = batch.length === this.batchSize;
      const outcomes = await Promise.allSettled(batch.map((row) => this.deliver(row)));
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') totals[outcome.value] += 1;
      }
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    } while (claimedFullBatch && !this.stopped);
    if (totals.sent + totals.failed + totals.retried > 0) this.logger.info(totals, 'outbox drained');
    return totals;
  }

  /**
   * Drain in the background, soon. Calls while a drain runs are folded into one more
   * pass after it, so a burst of commits costs two passes, not one per commit. Failures
   * are logged, not thrown: the caller's transaction has already committed.
   */
  drainSoon(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.runPasses();
  }

  /** Same as drainSoon(). */
  wake(): void {
    this.drainSoon();
  }

  /** Also drain every `intervalMs` (default 30 s): retries fall due without a commit to wake the drainer. */
  start(intervalMs = 30_000): this {
    this.stopped = false;
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.drainSoon(), positiveInteger('intervalMs', intervalMs));
      // The application stops the drainer on shutdown; the timer alone should not keep a process alive.
      this.timer.unref();
    }
    this.drainSoon();
    return this;
  }

  /** Resolves once no background drain is running. */
  async idle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }

  /** No more background drains; resolves once the one in flight (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  private async runPasses(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.drain();
        } catch (error) {
          this.logger.error({ error: maskContacts(errorText(error)) }, 'outbox drain failed; pending notifications wait for the next drain');
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = undefined;
    }
  }

  private async claim(): Promise<ClaimedRow[]> {
    const now = this.clock();
    const leaseEnd = new Date(now.getTime() + this.leaseMs);
    const { rows } = await this.db.transaction((tx) =>
      tx.query<ClaimedRow>(CLAIM, [now, this.channels, this.batchSize, leaseEnd], { name: 'notification_outbox_claim' }),
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  private async deliver(row: ClaimedRow): Promise<Outcome> {
    const log = this.logger.child({ notification: row.id, channel: row.channel, template: row.template, to: maskRecipient(row.recipient), attempt: row.attempts });
    if (row.attempts > this.maxAttempts) {
      // The drainer that made the last attempt never reported back (it crashed or was
      // killed mid-send) and its lease ran out: that attempt counts.
      const reason = `Expected attempt ${this.maxAttempts} to report its outcome within the lease, but it never did; no attempts left.`;
      return this.giveUp(row, row.attempts - 1, reason, log);
    }
    let message: OutgoingMessage;
    try {
      message = { to: row.recipient, ...renderNotification(row.template as NotificationTemplate, row.channel, row.data) };
    } catch (error) {
      // The stored data will not render any better on a later attempt.
      return this.giveUp(row, row.attempts, errorText(error), log);
    }
    const transport = this.transports[row.channel];
    try {
      if (transport === undefined) throw new NotificationError('SEND_FAILED', `Expected a transport for ${row.channel}, but this drainer has none.`);
      await transport.send(message);
    } catch (error) {
      return this.afterFailedAttempt(row, error, log);
    }
    const { rowCount } = await this.db.query(MARK_SENT, [row.id, row.attempts, this.clock()], { name: 'notification_outbox_sent' });
    if (rowCount === 0) warnLeaseLost(log);
    log.debug('notification sent');
    return 'sent';
  }

  private async afterFailedAttempt(row: ClaimedRow, error: unknown, log: Logger): Promise<Outcome> {
    const reason = errorText(error);
    const retryable = !(error instanceof NotificationError) || error.retryable;
    if (!retryable || row.attempts >= this.maxAttempts) return this.giveUp(row, row.attempts, reason, log);
    const delayMs = Math.min(this.retryBaseMs * 2 ** (row.attempts - 1), this.retryMaxMs);
    const nextAttemptAt = new Date(this.clock().getTime() + delayMs);
    const { rowCount } = await this.db.query(SCHEDULE_RETRY, [row.id, row.attempts, nextAttemptAt, reason], { name: 'notification_outbox_retry' });
    if (rowCount === 0) warnLeaseLost(log);
    log.warn({ error: maskContacts(reason, [row.recipient]), nextAttemptAt: nextAttemptAt.toISOString() }, 'notification not sent; will retry');
    return 'retried';
  }

  private async giveUp(row: ClaimedRow, attempts: number, reason: string, log: Logger): Promise<Outcome> {
    const { rowCount } = await this.db.query(MARK_FAILED, [row.id, row.attempts, reason, attempts], { name: 'notification_outbox_failed' });
    if (rowCount === 0) warnLeaseLost(log);
    log.error({ error: maskContacts(reason, [row.recipient]), attempts }, 'notification given up');
    return 'failed';
  }

  // Logged once per drainer and channel, when the first such notification is waiting,
  // so a missing SMTP_URL or provider URL shows up without flooding the log.
  // Checked at most once a minute: the count reads every pending row of those channels,
  // and drain() runs after every commit.
  private async reportChannelsWithoutTransport(): Promise<void> {
    if (this.unreported.size === 0) return;
    const now = this.clock().getTime();
    if (now < this.nextReportCheck) return;
    this.nextReportCheck = now + 60_000;
    const { rows } = await this.db.query<{ channel: NotificationChannel; pending: string }>(PENDING_BY_CHANNEL, [JSON.stringify([...this.unreported])]);
    for (const { channel, pending } of rows) {
      this.unreported.delete(channel);
      this.logger.warn({ channel, pending: Number(pending) }, `no transport for ${channel}: its notifications stay pending until a drainer has one`);
    }
  }
}

function warnLeaseLost(log: Logger): void {
  log.warn('lease ran out before the outcome was recorded: another drainer has taken this notification and may send it again');
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_STORED_ERROR ? `${text.slice(0, MAX_STORED_ERROR)}…` : text;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new NotificationError('INVALID_OPTION', `Expected ${name} to be a positive integer, but got ${value}.`);
  }
  return value;
}

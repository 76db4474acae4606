import { expect } from 'chai';
import type { Db } from '../../../engine/store/index.js';
import {
  createHttpSmsTransport,
  createSmtpTransport,
  enqueueNotification,
  OutboxDrainer,
  type DrainResult,
  type OutboxDrainerOptions,
  type SmtpTransport,
} from '../../../api/notifications/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { capturingLogger } from './capturingLogger.js';
import { gate, startHttpProvider, until, type HttpProviderServer } from './httpProviderServer.js';
import { anAcceptedNotice, anSmsNotice, DOSSIER_CODE } from './notificationBuilders.js';
import { openOutboxDbs, outboxRows } from './outboxDb.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtpTestServer.js';

const MINUTE = 60_000;
const PHONE = '0912345612';

describe('notifications/OutboxDrainer', function () {
  let db: Db;
  let otherDb: Db;
  let provider: HttpProviderServer;
  let smtp: SmtpTestServer;
  let email: SmtpTransport;
  let now: Date;
  let log: ReturnType<typeof capturingLogger>;
  const drainers: OutboxDrainer[] = [];

  const clock = (): Date => now;
  const advance = (ms: number): void => {
    now = new Date(now.getTime() + ms);
  };

  function drainer(options: Partial<OutboxDrainerOptions> = {}): OutboxDrainer {
    const created = new OutboxDrainer({
      db,
      transports: { email, sms: createHttpSmsTransport({ url: provider.url, token: 'sms-token', channel: 'sms' }) },
      clock,
      logger: log.logger,
      ...options,
    });
    drainers.push(created);
    return created;
  }

  beforeEach(async function () {
    this.timeout(30_000);
    [db, otherDb] = await openOutboxDbs(2);
    provider = await startHttpProvider();
    smtp = await startSmtpTestServer();
    email = createSmtpTransport({ url: smtp.url, from: 'motcua@example.gov.vn', textEncoding: 'quoted-printable' });
    log = capturingLogger();
    // A virtual clock, as simulations and the end-to-end specs run the application on.
    now = new Date('2026-03-02T01:00:00Z');
  });

  afterEach(async function () {
    await Promise.all(drainers.splice(0).map((d) => d.stop()));
    email.close();
    await Promise.all([provider.close(), smtp.close()]);
    await db?.close();
  });

  describe('delivery', function () {
    it('should e-mail a committed notification with its Vietnamese subject, code and appointment date', async function () {
      // given
      await db.transaction((tx) => enqueueNotification(tx, anAcceptedNotice()));

      // when
      const result = await drainer().drain();

      // then
      expect(result).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
      expect(smtp.received).to.have.length(1);
      const [mail] = smtp.received;
      expect(mail.envelopeTo).to.deep.equal(['nguyen.van.an@example.vn']);
      expect(mail.subject).to.equal(`Hồ sơ ${DOSSIER_CODE} đã được tiếp nhận`);
      expect(mail.text).to.include('Kính gửi ông/bà Nguyễn Văn An,');
      expect(mail.text).to.include(`Hồ sơ ${DOSSIER_CODE} đã được tiếp nhận`);
      expect(mail.text).to.include('Ngày hẹn trả kết quả: 13/02/2026 09:30');
      const [row] = await outboxRows(db);
      expect(row).to.include({ status: 'sent', attempts: 1, last_error: null });
      expect(row.sent_at?.getTime()).to.equal(now.getTime());
    });

    it('should send nothing for a transaction that rolled back', async function () {
      // given
      await rejectionOf(
        db.transaction(async (tx) => {
          await enqueueNotification(tx, anAcceptedNotice());
          await enqueueNotification(tx, anSmsNotice(PHONE));
          throw new Error('the status change failed');
        }),
      );

      // when
      const result = await drainer().drain();

      // then
      expect(result).to.deep.equal({ sent: 0, failed: 0, retried: 0 });
      expect(smtp.received).to.deep.equal([]);
      expect(provider.requests).to.deep.equal([]);
    });

    it('should send an SMS to the HTTP provider with the bearer token', async function () {
      // given
      await db.transaction((tx) => enqueueNotification(tx, anSmsNotice(PHONE)));

      // when
      const result = await drainer().drain();

      // then
      expect(result).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
      expect(provider.requests).to.have.length(1);
      expect(provider.requests[0].headers.authorization).to.equal('Bearer sms-token');
      expect(provider.requests[0].body).to.deep.equal({
        to: PHONE,
        text: `Hồ sơ ${DOSSIER_CODE} đã được tiếp nhận. Hẹn trả kết quả: 13/02/2026 09:30.`,
        channel: 'sms',
      });
    });

    it('should send a notification only once', async function () {
      // given
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = drainer();
      await outbox.drain();

      // when
      advance(24 * 60 * MINUTE);
      const again = await outbox.drain();

      // then
      expect(again).to.deep.equal({ sent: 0, failed: 0, retried: 0 });
      expect(provider.requests).to.have.length(1);
    });

    it("should send a new notification at once whatever time the drainer's clock tells", async function () {
      // given
      await enqueueNotification(db, anSmsNotice(PHONE));
      now = new Date('2020-01-01T00:00:00Z');

      // when
      const result = await drainer().drain();

      // then
      expect(result).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
    });

    it('should send every due notification, batch after batch, oldest first', async function () {
      // given
      for (let i = 0; i < 7; i++) await enqueueNotification(db, anSmsNotice(`09123456${String(i).padStart(2, '0')}`));

      // when
      const result = await drainer({ batchSize: 3 }).drain();

      // then
      expect(result.sent).to.equal(7);
      expect(provider.requests.map((request) => request.body.to).sort()).to.deep.equal(
        Array.from({ length: 7 }, (_, i) => `09123456${String(i).padStart(2, '0')}`),
      );
    });
  });

  describe('failures', function () {
    it('should retry after a 500 with exponential backoff, then mark it sent once the provider recovers', async function () {
      // given
      provider.answer((_request, index) => (index < 2 ? { status: 500, body: '{"error":"internal"}' } : { status: 200 }));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = drainer({ retryBaseMs: MINUTE });
      const start = now.getTime();

      // when
      const first = await outbox.drain();
      const afterFirst = (await outboxRows(db))[0];
      advance(MINUTE - 1000);
      const tooEarly = await outbox.drain();
      advance(1000);
      const second = await outbox.drain();
      const afterSecond = (await outboxRows(db))[0];
      advance(2 * MINUTE);
      const third = await outbox.drain();

      // then
      expect(first).to.deep.equal({ sent: 0, failed: 0, retried: 1 });
      expect(afterFirst).to.include({ status: 'pending', attempts: 1 });
      expect(afterFirst.last_error).to.match(/answered 500: \{"error":"internal"\}$/);
      expect(afterFirst.next_attempt_at?.getTime()).to.equal(start + MINUTE);
      expect(tooEarly).to.deep.equal({ sent: 0, failed: 0, retried: 0 });
      expect(second).to.deep.equal({ sent: 0, failed: 0, retried: 1 });
      expect(afterSecond.next_attempt_at?.getTime()).to.equal(start + MINUTE + 2 * MINUTE);
      expect(third).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
      expect(provider.requests).to.have.length(3);
      expect((await outboxRows(db))[0]).to.include({ status: 'sent', attempts: 3 });
    });

    it('should cap the wait between attempts', async function () {
      // given
      provider.answer(() => ({ status: 503 }));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = drainer({ retryBaseMs: MINUTE, retryMaxMs: 3 * MINUTE });

      // when
      const waits: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        await outbox.drain();
        const [row] = await outboxRows(db);
        const next = row.next_attempt_at ?? now;
        waits.push((next.getTime() - now.getTime()) / MINUTE);
        now = next;
      }

      // then
      expect(waits).to.deep.equal([1, 2, 3, 3]);
    });

    it('should mark a notification failed with the last error after maxAttempts', async function () {
      // given
      provider.answer((_request, index) => ({ status: 500, body: `provider down #${index + 1}` }));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = drainer({ maxAttempts: 3 });

      // when
      const results: DrainResult[] = [];
      for (let i = 0; i < 4; i++) {
        results.push(await outbox.drain());
        advance(60 * MINUTE);
      }

      // then
      expect(results).to.deep.equal([
        { sent: 0, failed: 0, retried: 1 },
        { sent: 0, failed: 0, retried: 1 },
        { sent: 0, failed: 1, retried: 0 },
        { sent: 0, failed: 0, retried: 0 },
      ]);
      const [row] = await outboxRows(db);
      expect(row).to.include({ status: 'failed', attempts: 3, sent_at: null });
      expect(row.last_error).to.match(/^Expected the sms provider at http:\/\/127\.0\.0\.1:\d+ to answer 2xx, but it answered 500: provider down #3$/);
      expect(provider.requests).to.have.length(3);
    });

    it('should give up at once when the provider refuses the request itself', async function () {
      // given
      provider.answer(() => ({ status: 400, body: '{"error":"invalid phone number"}' }));
      await enqueueNotification(db, anSmsNotice(PHONE));

      // when
      const result = await drainer().drain();

      // then
      expect(result).to.deep.equal({ sent: 0, failed: 1, retried: 0 });
      expect((await outboxRows(db))[0]).to.include({ status: 'failed', attempts: 1 });
    });

    it('should give up at once on a notification whose stored data no longer renders', async function () {
      // given
      await db.query("INSERT INTO notification_outbox (channel, recipient, template, data) VALUES ('sms', $1, 'dossier-lost', '{}')", [PHONE]);

      // when
      const result = await drainer().drain();

      // then
      expect(result).to.deep.equal({ sent: 0, failed: 1, retried: 0 });
      const [row] = await outboxRows(db);
      expect(row.status).to.equal('failed');
      expect(row.last_error).to.include("but got 'dossier-lost'");
      expect(provider.requests).to.deep.equal([]);
    });

    it('should leave the notifications of a channel without transport pending and say so once', async function () {
      // given
      await enqueueNotification(db, anAcceptedNotice());
      await enqueueNotification(db, anSmsNotice(PHONE));
      await enqueueNotification(db, anSmsNotice('0987654321'));
      const outbox = drainer({ transports: { email } });

      // when
      const first = await outbox.drain();
      const second = await outbox.drain();

      // then
      expect(first).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
      expect(second).to.deep.equal({ sent: 0, failed: 0, retried: 0 });
      expect((await outboxRows(db)).map((row) => [row.channel, row.status, row.attempts])).to.deep.equal([
        ['email', 'sent', 1],
        ['sms', 'pending', 0],
        ['sms', 'pending', 0],
      ]);
      const warnings = log.lines.filter((line) => String(line.msg).startsWith('no transport for'));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.include({ channel: 'sms', pending: 2 });
    });

    it('should never log a phone number or an e-mail address in clear', async function () {
      // given
      provider.answer((request, index) => (index === 0 ? { status: 500, body: `{"error":"subscriber ${String(request.body.to)} busy"}` } : { status: 200 }));
      await enqueueNotification(db, anSmsNotice(PHONE));
      await enqueueNotification(db, anAcceptedNotice({ to: 'tran.thi.binh@example.vn' }));
      const outbox = drainer();

      // when
      await outbox.drain();
      advance(60 * MINUTE);
      await outbox.drain();

      // then
      const text = log.text();
      expect(text).to.include('09******12').and.to.include('tr***********@example.vn');
      expect(text).not.to.include(PHONE);
      expect(text).not.to.include('tran.thi.binh');
      expect(log.lines.some((line) => line.msg === 'notification not sent; will retry')).to.equal(true);
    });
  });

  describe('concurrency', function () {
    it('should send each message exactly once with two drainers draining at once', async function () {
      // given
      const phones = Array.from({ length: 24 }, (_, i) => `0912${String(i).padStart(6, '0')}`);
      for (const phone of phones) await enqueueNotification(db, anSmsNotice(phone));
      provider.answer(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200 }), 5)));
      const first = drainer({ batchSize: 4 });
      const second = drainer({ batchSize: 4, db: otherDb });

      // when
      const results = await Promise.all([first.drain(), second.drain(), first.drain(), second.drain()]);

      // then
      expect(results.reduce((sum, result) => sum + result.sent, 0)).to.equal(24);
      expect(provider.requests.map((request) => request.body.to).sort()).to.deep.equal(phones);
      expect((await outboxRows(db)).every((row) => row.status === 'sent' && row.attempts === 1)).to.equal(true);
    });

    it('should let another drainer send a notification whose lease ran out mid-send', async function () {
      // given
      const slow = gate();
      provider.answer((_request, index) => (index === 0 ? slow.opened.then(() => ({ status: 200 })) : { status: 200 }));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const stuck = drainer({ leaseMs: 5 * MINUTE }).drain();
      await until(() => provider.requests.length === 1, 'the first drainer to reach the provider');

      // when
      advance(5 * MINUTE);
      const takeover = await drainer({ db: otherDb }).drain();
      slow.open();
      const late = await stuck;

      // then
      expect(takeover).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
      expect(late).to.deep.equal({ sent: 1, failed: 0, retried: 0 });
      expect(provider.requests).to.have.length(2);
      expect((await outboxRows(db))[0]).to.include({ status: 'sent', attempts: 2 });
      expect(log.lines.some((line) => String(line.msg).startsWith('lease ran out'))).to.equal(true);
    });

    it('should count an attempt that never reported back against maxAttempts', async function () {
      // given
      const slow = gate();
      provider.answer(() => slow.opened.then(() => ({ status: 200 })));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const stuck = drainer({ maxAttempts: 1 }).drain();
      await until(() => provider.requests.length === 1, 'the first drainer to reach the provider');

      // when
      advance(5 * MINUTE);
      const takeover = await drainer({ maxAttempts: 1, db: otherDb }).drain();
      slow.open();
      await stuck;

      // then
      expect(takeover).to.deep.equal({ sent: 0, failed: 1, retried: 0 });
      expect(provider.requests).to.have.length(1);
      const [row] = await outboxRows(db);
      expect(row).to.include({ status: 'failed', attempts: 1 });
      expect(row.last_error).to.equal('Expected attempt 1 to report its outcome within the lease, but it never did; no attempts left.');
    });
  });

  describe('background drains', function () {
    class CountingDrainer extends OutboxDrainer {
      passes = 0;

      override async drain(): Promise<DrainResult> {
        this.passes += 1;
        return super.drain();
      }
    }

    function countingDrainer(): CountingDrainer {
      const created = new CountingDrainer({ db, transports: { sms: createHttpSmsTransport({ url: provider.url, channel: 'sms' }) }, clock, logger: log.logger });
      drainers.push(created);
      return created;
    }

    it('should fold the calls made during a drain into one more pass', async function () {
      // given
      const slow = gate();
      provider.answer((_request, index) => (index === 0 ? slow.opened.then(() => ({ status: 200 })) : { status: 200 }));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = countingDrainer();
      outbox.drainSoon();
      await until(() => provider.requests.length === 1, 'the first pass to reach the provider');

      // when
      await enqueueNotification(db, anSmsNotice('0987654321'));
      outbox.drainSoon();
      outbox.wake();
      outbox.drainSoon();
      slow.open();
      await outbox.idle();

      // then
      expect(outbox.passes).to.equal(2);
      expect(provider.requests.map((request) => request.body.to)).to.deep.equal([PHONE, '0987654321']);
    });

    it('should wait in stop() for the drain in flight and start no other', async function () {
      // given
      const slow = gate();
      provider.answer(() => slow.opened.then(() => ({ status: 200 })));
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = countingDrainer();
      outbox.drainSoon();
      await until(() => provider.requests.length === 1, 'the drain to reach the provider');

      // when
      let stopped = false;
      const stopping = outbox.stop().then(() => {
        stopped = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const stoppedBeforeTheSendEnded = stopped;
      slow.open();
      await stopping;
      outbox.drainSoon();
      await outbox.idle();

      // then
      expect(stoppedBeforeTheSendEnded).to.equal(false);
      expect((await outboxRows(db))[0].status).to.equal('sent');
      expect(outbox.passes).to.equal(1);
    });

    it('should drain on start() and then every interval', async function () {
      // given
      await enqueueNotification(db, anSmsNotice(PHONE));
      const outbox = countingDrainer().start(20);

      // when
      await until(() => provider.requests.length === 1, 'the first notification to be sent');
      await enqueueNotification(db, anSmsNotice('0987654321'));
      await until(() => provider.requests.length === 2, 'the second notification to be sent on a later tick');
      await outbox.stop();

      // then
      expect(outbox.passes).to.be.at.least(2);
    });

    it('should log a failed drain instead of throwing at the caller', async function () {
      // given
      await db.query('DROP TABLE notification_outbox');
      const outbox = countingDrainer();

      // when
      outbox.drainSoon();
      await outbox.idle();

      // then
      expect(log.lines.some((line) => String(line.msg).startsWith('outbox drain failed'))).to.equal(true);
    });
  });
});

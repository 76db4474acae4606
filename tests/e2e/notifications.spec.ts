import { expect } from 'chai';
import { startHttpProvider, type HttpProviderServer } from '../api/notifications/httpProviderServer.js';
import { startSmtpTestServer, type SmtpTestServer } from '../api/notifications/smtpTestServer.js';
import { openTasks, submissionFor, work } from './support/drive.js';
import { startTestApp, type TestApp } from './support/testApp.js';

describe('notifications of status changes, delivered after commit', function () {
  this.timeout(60_000);
  let smtp: SmtpTestServer;
  let sms: HttpProviderServer;
  let t: TestApp;

  before(async () => {
    smtp = await startSmtpTestServer();
    sms = await startHttpProvider();
    t = await startTestApp({ config: { smtpUrl: smtp.url, smsProviderUrl: sms.url, smsProviderToken: 'token-so-1' } });
  });
  after(async () => {
    await t?.close();
    await smtp?.close();
    await sms?.close();
  });

  it('should e-mail and text the applicant on submission and on acceptance with the appointment date', async () => {
    // given
    const submission = submissionFor('khai-sinh', { applicant: { email: 'nguoinop@example.vn', phone: '0905111222' } });
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });
    const code = submitted.body.code as string;
    const admin = await t.login('quantri');
    const [receive] = await openTasks(admin, code);

    // when
    await work(t, receive!, 'accept');
    await t.app.drainer.drain();
    await t.app.drainer.idle();

    // then
    const mails = smtp.received.filter((m) => m.text.includes(code));
    expect(mails.map((m) => m.envelopeTo[0])).to.deep.equal(['nguoinop@example.vn', 'nguoinop@example.vn']);
    const accepted = mails[1]!;
    const { dueAt } = (await admin.get(`/api/dossiers/${code}`)).body;
    const local = new Date(new Date(dueAt).getTime() + 7 * 3600_000);
    const ddMMyyyy = `${String(local.getUTCDate()).padStart(2, '0')}/${String(local.getUTCMonth() + 1).padStart(2, '0')}/${local.getUTCFullYear()}`;
    expect(accepted.text).to.include(ddMMyyyy);
    const texts = sms.requests.filter((r) => String(r.body.text).includes(code));
    expect(texts).to.have.length(2);
    expect(texts[0]!.body.to).to.equal('0905111222');
    expect(texts[0]!.headers.authorization).to.equal('Bearer token-so-1');
  });

  it('should send nothing for a command that was rolled back', async () => {
    // given
    const submission = submissionFor('khai-sinh', { applicant: { email: 'khongguiduoc@example.vn' } });
    const before = smtp.received.length;

    // when: an invalid form is refused before anything commits
    const refused = await t.anonymous().post('/api/public/dossiers', { ...submission, formData: {}, agency: 'hai-chau' });
    await t.app.drainer.drain();

    // then
    expect(refused.status).to.equal(422);
    expect(smtp.received.length).to.equal(before);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE recipient = 'khongguiduoc@example.vn'`);
    expect(rows[0]!.n).to.equal(0);
  });

  it('should remind the agency one working day before the due date and flag the apology duty', async () => {
    // given
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submissionFor('dang-ky-ho-kinh-doanh'), agency: 'hai-chau' });
    const code = submitted.body.code as string;
    const admin = await t.login('quantri');
    const [receive] = await openTasks(admin, code);
    await work(t, receive!, 'accept');
    const { dueAt } = (await admin.get(`/api/dossiers/${code}`)).body;

    // when: the morning job runs on the working day before the due date
    t.clock.set(t.app.services.calendar.addWorkingDays(new Date(dueAt), -1));
    const first = await t.app.remindDue();
    const second = await t.app.remindDue();
    // A background drain started by the commit may hold the reminder: wait for it too.
    await t.app.drainer.drain();
    await t.app.drainer.idle();

    // then
    expect(first.reminded).to.be.greaterThan(0);
    expect(second.reminded).to.equal(0);
    const reminder = smtp.received.find((m) => m.envelopeTo.includes('haichau@demo.danang.gov.vn') && m.text.includes(code));
    expect(reminder, 'reminder to the commune').to.not.equal(undefined);
    const view = await admin.get(`/api/dossiers/${code}`);
    expect(view.body.apologyDue).to.equal(true);
  });
});

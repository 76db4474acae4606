import { expect } from 'chai';
import { startSmtpTestServer, type SmtpTestServer } from '../api/notifications/smtpTestServer.js';
import { submissionFor } from './support/drive.js';
import { startTestApp, type TestApp } from './support/testApp.js';

describe('the service’s own clock (node-cron)', function () {
  this.timeout(30_000);
  let smtp: SmtpTestServer;
  let t: TestApp;

  before(async () => {
    smtp = await startSmtpTestServer();
    t = await startTestApp({ config: { runJobs: true, smtpUrl: smtp.url } });
  });
  after(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('should deliver a waiting notification on the next tick, with nobody draining the outbox by hand', async () => {
    // given: a notification left pending in the outbox, as a crash after commit would leave it
    const submission = submissionFor('khai-sinh', { applicant: { email: 'theo-nhip@example.vn' } });
    await t.app.drainer.stop();
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });

    // when
    const deadline = Date.now() + 10_000;
    while (!smtp.received.some((m) => m.envelopeTo.includes('theo-nhip@example.vn')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    // then
    expect(submitted.status).to.equal(201);
    const mail = smtp.received.find((m) => m.envelopeTo.includes('theo-nhip@example.vn'));
    expect(mail?.text).to.include(submitted.body.code as string);
  });
});

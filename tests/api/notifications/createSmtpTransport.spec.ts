import { expect } from 'chai';
import { createSmtpTransport, NotificationError, type SmtpTransport } from '../../../api/notifications/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { startSmtpTestServer, type SmtpTestServer } from './smtpTestServer.js';

const FROM = '"Một cửa điện tử" <motcua@example.gov.vn>';
const SUBJECT = 'Hồ sơ 000.00.16.H56-260213-0042 đã được tiếp nhận';
const TEXT = 'Kính gửi ông/bà Nguyễn Văn An,\n\nNgày hẹn trả kết quả: 13/02/2026 09:30';

describe('notifications/createSmtpTransport', function () {
  let server: SmtpTestServer;
  let transport: SmtpTransport | undefined;

  beforeEach(async function () {
    server = await startSmtpTestServer({ credentials: { user: 'motcua', pass: 's3cr3t:pass' }, rejecting: ['khongton.tai@example.vn'] });
  });

  afterEach(async function () {
    transport?.close();
    transport = undefined;
    await server.close();
  });

  for (const textEncoding of ['quoted-printable', 'base64'] as const) {
    it(`should deliver a Vietnamese subject and text with ${textEncoding}, authenticated with the URL's credentials`, async function () {
      // given
      transport = createSmtpTransport({ url: server.url, from: FROM, textEncoding });

      // when
      await transport.send({ to: 'nguyen.van.an@example.vn', subject: SUBJECT, text: TEXT });

      // then
      expect(server.received).to.have.length(1);
      const [mail] = server.received;
      expect(mail.user).to.equal('motcua');
      expect(mail.envelopeTo).to.deep.equal(['nguyen.van.an@example.vn']);
      expect(mail.envelopeFrom).to.equal('motcua@example.gov.vn');
      expect(mail.transferEncoding).to.equal(textEncoding);
      expect(mail.contentType).to.match(/^text\/plain; charset=utf-8/i);
      expect(mail.subject).to.equal(SUBJECT);
      expect(mail.from).to.equal('Một cửa điện tử <motcua@example.gov.vn>');
      expect(mail.text).to.equal(TEXT);
    });
  }

  it('should NOT retry a recipient the server rejects for good', async function () {
    // given
    transport = createSmtpTransport({ url: server.url, from: FROM });

    // when
    const failure = await rejectionOf(transport.send({ to: 'khongton.tai@example.vn', subject: SUBJECT, text: TEXT }));

    // then
    expect(failure).to.be.instanceOf(NotificationError).and.to.include({ code: 'SEND_FAILED', retryable: false, status: 550 });
    expect(failure.message).to.match(/^Expected the SMTP server 127\.0\.0\.1:\d+ to accept the e-mail, but: /);
  });

  it('should retry when the credentials are refused, without naming the password', async function () {
    // given
    transport = createSmtpTransport({ url: server.url.replace('s3cr3t', 'wrong'), from: FROM });

    // when
    const failure = await rejectionOf(transport.send({ to: 'nguyen.van.an@example.vn', subject: SUBJECT, text: TEXT }));

    // then
    expect(failure).to.include({ code: 'SEND_FAILED', retryable: true });
    expect(failure.message).not.to.include('wrong');
  });

  it('should retry when no server listens', async function () {
    // given
    await server.close();
    transport = createSmtpTransport({ url: server.url, from: FROM, timeoutMs: 2000 });

    // when
    const failure = await rejectionOf(transport.send({ to: 'nguyen.van.an@example.vn', subject: SUBJECT, text: TEXT }));

    // then
    expect(failure).to.include({ code: 'SEND_FAILED', retryable: true });
    server = await startSmtpTestServer();
  });

  it('should refuse a URL that is not smtp:// or smtps://', function () {
    expect(() => createSmtpTransport({ url: 'http://mail.example.vn', from: FROM })).to.throw(NotificationError, 'smtp://').with.property('code', 'INVALID_OPTION');
  });

  it('should refuse an empty sender', function () {
    expect(() => createSmtpTransport({ url: server.url, from: ' ' })).to.throw(NotificationError, 'SMTP_FROM');
  });
});

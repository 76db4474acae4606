import { expect } from 'chai';
import { createHttpSmsTransport, NotificationError } from '../../../api/notifications/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { startHttpProvider, type HttpProviderServer } from './httpProviderServer.js';

const TEXT = 'Hồ sơ 000.00.16.H56-260213-0042 đã được tiếp nhận. Hẹn trả kết quả: 13/02/2026 09:30.';

describe('notifications/createHttpSmsTransport', function () {
  let provider: HttpProviderServer;

  beforeEach(async function () {
    provider = await startHttpProvider();
  });

  afterEach(async function () {
    await provider.close();
  });

  it('should POST {to, text, channel} as JSON with the bearer token', async function () {
    // given
    const transport = createHttpSmsTransport({ url: provider.url, token: 'tok-123', channel: 'sms' });

    // when
    await transport.send({ to: '0912345612', text: TEXT });

    // then
    expect(provider.requests).to.have.length(1);
    const [request] = provider.requests;
    expect(request.method).to.equal('POST');
    expect(request.headers.authorization).to.equal('Bearer tok-123');
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.body).to.deep.equal({ to: '0912345612', text: TEXT, channel: 'sms' });
  });

  it('should send no Authorization header without a token', async function () {
    // given
    const transport = createHttpSmsTransport({ url: provider.url, channel: 'zalo' });

    // when
    await transport.send({ to: '0912345612', text: TEXT });

    // then
    expect(provider.requests[0].headers).not.to.have.property('authorization');
    expect(provider.requests[0].body.channel).to.equal('zalo');
  });

  it('should fail with the status and the start of the body on a 5xx, to be retried', async function () {
    // given
    provider.answer(() => ({ status: 503, body: `{"error":"gateway busy","detail":"${'x'.repeat(400)}"}` }));
    const transport = createHttpSmsTransport({ url: provider.url, channel: 'sms' });

    // when
    const failure = await rejectionOf(transport.send({ to: '0912345612', text: TEXT }));

    // then
    expect(failure).to.be.instanceOf(NotificationError).and.to.include({ code: 'SEND_FAILED', status: 503, retryable: true });
    expect(failure.message).to.match(/^Expected the sms provider at http:\/\/127\.0\.0\.1:\d+ to answer 2xx, but it answered 503: \{"error":"gateway busy"/);
    expect(failure.message.length).to.be.below(400);
  });

  for (const [status, retryable] of [[400, false], [401, false], [408, true], [429, true], [500, true]] as const) {
    it(`should ${retryable ? '' : 'NOT '}retry after a ${status}`, async function () {
      // given
      provider.answer(() => ({ status, body: 'no' }));
      const transport = createHttpSmsTransport({ url: provider.url, channel: 'sms' });

      // when
      const failure = await rejectionOf(transport.send({ to: '0912345612', text: TEXT }));

      // then
      expect(failure).to.include({ status, retryable });
    });
  }

  it('should fail, to be retried, when nothing listens', async function () {
    // given
    await provider.close();
    const transport = createHttpSmsTransport({ url: provider.url, channel: 'sms' });

    // when
    const failure = await rejectionOf(transport.send({ to: '0912345612', text: TEXT }));

    // then
    expect(failure).to.include({ code: 'SEND_FAILED', retryable: true });
    expect(failure.message).to.match(/^Expected the sms provider at http:\/\/127\.0\.0\.1:\d+ to answer, but the request failed: /);
    provider = await startHttpProvider();
  });

  it('should give up waiting after the timeout', async function () {
    // given
    provider.answer(() => new Promise(() => undefined));
    const transport = createHttpSmsTransport({ url: provider.url, channel: 'sms', timeoutMs: 200 });

    // when
    const failure = await rejectionOf(transport.send({ to: '0912345612', text: TEXT }));

    // then
    expect(failure).to.include({ code: 'SEND_FAILED', retryable: true });
    expect(failure.message).to.match(/but the request failed: no answer in time$/);
  });

  it('should refuse a URL that is not http(s)', function () {
    expect(() => createHttpSmsTransport({ url: 'ftp://sms.example.vn', channel: 'zalo' })).to.throw(NotificationError, 'ZALO_PROVIDER_URL').with.property('code', 'INVALID_OPTION');
  });
});

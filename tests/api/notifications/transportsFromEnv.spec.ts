import { expect } from 'chai';
import { NotificationError, transportsFromEnv } from '../../../api/notifications/index.js';
import { startHttpProvider, type HttpProviderServer } from './httpProviderServer.js';

describe('notifications/transportsFromEnv', function () {
  let provider: HttpProviderServer;

  beforeEach(async function () {
    provider = await startHttpProvider();
  });

  afterEach(async function () {
    await provider.close();
  });

  it('should configure no channel from an empty environment', function () {
    expect(transportsFromEnv({})).to.deep.equal({});
  });

  it('should configure each channel whose variables are set', function () {
    // when
    const transports = transportsFromEnv({
      SMTP_URL: 'smtp://127.0.0.1:2525?ignoreTLS=true',
      SMTP_FROM: 'motcua@example.gov.vn',
      SMS_PROVIDER_URL: provider.url,
      ZALO_PROVIDER_URL: '',
    });

    // then
    expect(Object.keys(transports).sort()).to.deep.equal(['email', 'sms']);
  });

  it('should send Zalo with the SMS token unless Zalo has its own', async function () {
    // given
    const shared = transportsFromEnv({ SMS_PROVIDER_TOKEN: 'sms-token', ZALO_PROVIDER_URL: provider.url });
    const own = transportsFromEnv({ SMS_PROVIDER_TOKEN: 'sms-token', ZALO_PROVIDER_TOKEN: 'zalo-token', ZALO_PROVIDER_URL: provider.url });

    // when
    await shared.zalo?.send({ to: '0912345612', text: 'Xin chào' });
    await own.zalo?.send({ to: '0912345612', text: 'Xin chào' });

    // then
    expect(provider.requests.map((request) => [request.headers.authorization, request.body.channel])).to.deep.equal([
      ['Bearer sms-token', 'zalo'],
      ['Bearer zalo-token', 'zalo'],
    ]);
  });

  it('should refuse SMTP_URL without SMTP_FROM', function () {
    expect(() => transportsFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' })).to.throw(NotificationError, 'SMTP_FROM').with.property('code', 'INVALID_OPTION');
  });
});

import { expect } from 'chai';
import type { AccountService } from '../../../api/auth/index.js';
import type { Db } from '../../../engine/store/index.js';
import { accountService, anOfficer, openAccountsDb, PASSWORD, TestClock } from './accountFixtures.js';
import { loggedIn, startAuthApp, type RunningApp } from './authApp.js';

describe('api/auth csrfProtection', function () {
  let db: Db;
  let accounts: AccountService;
  let app: RunningApp;
  let session: { cookie: string; csrfToken: string };

  before(async function () {
    this.timeout(30_000);
    db = await openAccountsDb();
    accounts = accountService(db, new TestClock());
    await accounts.createUser(anOfficer({ username: 'can.bo' }));
    app = await startAuthApp(accounts);
    session = await loggedIn(app.url, 'can.bo', PASSWORD);
  });

  after(async function () {
    await app?.close();
    await db?.close();
  });

  function post(headers: Record<string, string>, body?: string): Promise<Response> {
    return fetch(`${app.url}/api/test/action`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
  }

  it('should refuse a POST with the session cookie but without the token', async function () {
    // when
    const response = await post({ Cookie: session.cookie });

    // then
    expect(response.status).to.equal(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('CSRF_FAILED');
  });

  it('should let a POST with the token in X-CSRF-Token through', async function () {
    // when
    const response = await post({ Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken });

    // then
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.equal({ done: true, by: 'can.bo' });
  });

  it('should refuse a POST with a wrong token', async function () {
    // given
    const last = session.csrfToken.slice(-1);
    const wrongToken = `${session.csrfToken.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;

    // when
    const response = await post({ Cookie: session.cookie, 'X-CSRF-Token': wrongToken });

    // then
    expect(response.status).to.equal(403);
  });

  it("should refuse a POST with another session's token", async function () {
    // given
    const other = await loggedIn(app.url, 'can.bo', PASSWORD);

    // when
    const response = await post({ Cookie: session.cookie, 'X-CSRF-Token': other.csrfToken });

    // then
    expect(response.status).to.equal(403);
  });

  it('should let an HTML form post with the token in the _csrf field through', async function () {
    // when
    const response = await post(
      { Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      `note=xin+ch%C3%A0o&_csrf=${encodeURIComponent(session.csrfToken)}`,
    );

    // then
    expect(response.status).to.equal(200);
  });

  it('should refuse an HTML form post with a wrong _csrf field', async function () {
    // when
    const response = await post({ Cookie: session.cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, '_csrf=gia-mao');

    // then
    expect(response.status).to.equal(403);
  });

  it('should let GET requests with the cookie through without a token', async function () {
    // when
    const response = await fetch(`${app.url}/api/auth/me`, { headers: { Cookie: session.cookie } });

    // then
    expect(response.status).to.equal(200);
  });

  it('should leave a POST without a session cookie to the route, which asks for a login', async function () {
    // when
    const response = await post({});

    // then
    expect(response.status).to.equal(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('UNAUTHENTICATED');
  });
});

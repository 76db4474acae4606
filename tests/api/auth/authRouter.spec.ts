import { expect } from 'chai';
import type { AccountService } from '../../../api/auth/index.js';
import type { Db } from '../../../engine/store/index.js';
import { accountService, anOfficer, openAccountsDb, PASSWORD, TestClock } from './accountFixtures.js';
import { cookieFrom, loggedIn, login, startAuthApp, type RunningApp } from './authApp.js';

const HOUR = 60 * 60_000;

describe('api/auth authRouter', function () {
  let db: Db;
  let clock: TestClock;
  let accounts: AccountService;
  let app: RunningApp | undefined;

  before(async function () {
    this.timeout(30_000);
    db = await openAccountsDb();
  });

  after(async function () {
    await db?.close();
  });

  beforeEach(async function () {
    await db.query('DELETE FROM sessions; DELETE FROM login_attempts; DELETE FROM users');
    clock = new TestClock();
    accounts = accountService(db, clock);
    await accounts.createUser(anOfficer({ username: 'can.bo', fullName: 'Lê Thị Cúc', roles: ['desk'] }));
  });

  afterEach(async function () {
    await app?.close();
    app = undefined;
  });

  async function start(options: { secureCookies?: boolean } = {}): Promise<string> {
    app = await startAuthApp(accounts, options);
    return app.url;
  }

  describe('POST /api/auth/login', function () {
    it('should set an HttpOnly, SameSite=Lax session cookie and answer the user and CSRF token', async function () {
      // given
      const url = await start();

      // when
      const response = await login(url, 'can.bo', PASSWORD);

      // then
      expect(response.status).to.equal(200);
      const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('motcua_sid='));
      expect(setCookie).to.match(/^motcua_sid=[A-Za-z0-9_-]{43};/);
      expect(setCookie).to.match(/; HttpOnly/);
      expect(setCookie).to.match(/; SameSite=Lax/);
      expect(setCookie).to.match(/; Path=\//);
      expect(setCookie).to.match(/; Max-Age=28800/);
      expect(setCookie).not.to.match(/; Secure/);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      const body = (await response.json()) as { user: unknown; csrfToken: string };
      expect(body.user).to.deep.equal({ username: 'can.bo', fullName: 'Lê Thị Cúc', kind: 'officer', agencyId: 'px-hai-chau', roles: ['desk'] });
      expect(body.csrfToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    });

    it('should mark the cookie Secure when configured', async function () {
      // given
      const url = await start({ secureCookies: true });

      // when
      const response = await login(url, 'can.bo', PASSWORD);

      // then
      expect(response.headers.getSetCookie().join('\n')).to.match(/motcua_sid=[^\n]*; Secure/);
    });

    it('should answer 401 INVALID_CREDENTIALS for a wrong password, without a cookie', async function () {
      // given
      const url = await start();

      // when
      const response = await login(url, 'can.bo', 'sai-mat-khau');

      // then
      expect(response.status).to.equal(401);
      expect(response.headers.getSetCookie()).to.deep.equal([]);
      expect(await response.json()).to.deep.equal({
        error: { code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
      });
    });

    it('should answer 400 when the username or password is missing', async function () {
      // given
      const url = await start();

      // when
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'can.bo' }),
      });

      // then
      expect(response.status).to.equal(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('VALIDATION_FAILED');
    });

    it('should NOT read a login from a form body that another site could post', async function () {
      // given
      const url = await start();

      // when
      const response = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `username=can.bo&password=${PASSWORD}`,
      });

      // then
      expect(response.status).to.equal(415);
      expect(response.headers.getSetCookie()).to.deep.equal([]);
    });

    it('should answer 400 BAD_REQUEST for malformed JSON', async function () {
      // given
      const url = await start();

      // when
      const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":' });

      // then
      expect(response.status).to.equal(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('BAD_REQUEST');
    });

    it('should answer 423 after 5 wrong passwords, even for the right one', async function () {
      // given
      const url = await start();
      for (let i = 0; i < 5; i++) await login(url, 'can.bo', 'sai-mat-khau');

      // when
      const response = await login(url, 'can.bo', PASSWORD);

      // then
      expect(response.status).to.equal(423);
      expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('ACCOUNT_LOCKED');
    });

    it('should let the right password in again once the lock has passed', async function () {
      // given
      const url = await start();
      for (let i = 0; i < 5; i++) await login(url, 'can.bo', 'sai-mat-khau');
      clock.advance(15 * 60_000);

      // when
      const response = await login(url, 'can.bo', PASSWORD);

      // then
      expect(response.status).to.equal(200);
    });

    it('should answer 429 once the address has made too many attempts', async function () {
      // given
      accounts = accountService(db, clock, { maxAttemptsPerAddress: 3 });
      const url = await start();
      for (let i = 0; i < 3; i++) await login(url, `doan-${i}`, 'sai-mat-khau');

      // when
      const response = await login(url, 'can.bo', PASSWORD);

      // then
      expect(response.status).to.equal(429);
      expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('RATE_LIMITED');
    });

    it('should end the session a browser replaces by logging in again', async function () {
      // given
      const url = await start();
      const first = await loggedIn(url, 'can.bo', PASSWORD);

      // when
      const second = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: first.cookie },
        body: JSON.stringify({ username: 'can.bo', password: PASSWORD }),
      });

      // then
      expect(second.status).to.equal(200);
      const me = await fetch(`${url}/api/auth/me`, { headers: { Cookie: first.cookie } });
      expect(me.status).to.equal(401);
    });
  });

  describe('GET /api/auth/me', function () {
    it('should answer the user and CSRF token of the session cookie', async function () {
      // given
      const url = await start();
      const { cookie, csrfToken } = await loggedIn(url, 'can.bo', PASSWORD);

      // when
      const response = await fetch(`${url}/api/auth/me`, { headers: { Cookie: cookie } });

      // then
      expect(response.status).to.equal(200);
      expect(await response.json()).to.deep.equal({
        user: { username: 'can.bo', fullName: 'Lê Thị Cúc', kind: 'officer', agencyId: 'px-hai-chau', roles: ['desk'] },
        csrfToken,
      });
    });

    it('should answer 401 UNAUTHENTICATED without a cookie', async function () {
      // given
      const url = await start();

      // when
      const response = await fetch(`${url}/api/auth/me`);

      // then
      expect(response.status).to.equal(401);
      expect(await response.json()).to.deep.equal({ error: { code: 'UNAUTHENTICATED', message: 'Vui lòng đăng nhập.' } });
    });

    it('should answer 401 for a forged cookie', async function () {
      // given
      const url = await start();

      // when
      const response = await fetch(`${url}/api/auth/me`, { headers: { Cookie: `motcua_sid=${'x'.repeat(43)}; theme=dark` } });

      // then
      expect(response.status).to.equal(401);
    });

    it('should answer 401 once the session has expired', async function () {
      // given
      const url = await start();
      const { cookie } = await loggedIn(url, 'can.bo', PASSWORD);
      clock.advance(8 * HOUR + 1);

      // when
      const response = await fetch(`${url}/api/auth/me`, { headers: { Cookie: cookie } });

      // then
      expect(response.status).to.equal(401);
    });
  });

  describe('POST /api/auth/logout', function () {
    it('should clear the cookie and end the session', async function () {
      // given
      const url = await start();
      const { cookie, csrfToken } = await loggedIn(url, 'can.bo', PASSWORD);

      // when
      const response = await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } });

      // then
      expect(response.status).to.equal(204);
      expect(cookieFrom(response)).to.equal('motcua_sid=');
      const me = await fetch(`${url}/api/auth/me`, { headers: { Cookie: cookie } });
      expect(me.status).to.equal(401);
    });

    it('should NOT end the session without the CSRF token', async function () {
      // given
      const url = await start();
      const { cookie } = await loggedIn(url, 'can.bo', PASSWORD);

      // when
      const response = await fetch(`${url}/api/auth/logout`, { method: 'POST', headers: { Cookie: cookie } });

      // then
      expect(response.status).to.equal(403);
      const me = await fetch(`${url}/api/auth/me`, { headers: { Cookie: cookie } });
      expect(me.status).to.equal(200);
    });
  });
});

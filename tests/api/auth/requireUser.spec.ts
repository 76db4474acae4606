import { expect } from 'chai';
import type { AccountService } from '../../../api/auth/index.js';
import type { Db } from '../../../engine/store/index.js';
import { accountService, anOfficer, openAccountsDb, PASSWORD, TestClock } from './accountFixtures.js';
import { loggedIn, startAuthApp, type RunningApp } from './authApp.js';

describe('api/auth requireUser', function () {
  let db: Db;
  let accounts: AccountService;
  let app: RunningApp;

  before(async function () {
    this.timeout(30_000);
    db = await openAccountsDb();
    accounts = accountService(db, new TestClock());
    await accounts.createUser(anOfficer({ username: 'can.bo' }));
    await accounts.createUser(anOfficer({ username: 'quan.tri', kind: 'admin', roles: [], agencyId: null }));
    app = await startAuthApp(accounts);
  });

  after(async function () {
    await app?.close();
    await db?.close();
  });

  it('should let a user of an allowed kind through', async function () {
    // given
    const { cookie } = await loggedIn(app.url, 'quan.tri', PASSWORD);

    // when
    const response = await fetch(`${app.url}/api/test/admin`, { headers: { Cookie: cookie } });

    // then
    expect(response.status).to.equal(200);
  });

  it('should answer 403 FORBIDDEN to a user of another kind', async function () {
    // given
    const { cookie } = await loggedIn(app.url, 'can.bo', PASSWORD);

    // when
    const response = await fetch(`${app.url}/api/test/admin`, { headers: { Cookie: cookie } });

    // then
    expect(response.status).to.equal(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).to.equal('FORBIDDEN');
  });

  it('should answer 401 UNAUTHENTICATED without a session', async function () {
    // when
    const response = await fetch(`${app.url}/api/test/admin`);

    // then
    expect(response.status).to.equal(401);
  });
});

import { expect } from 'chai';
import type { AccountService } from '../../../api/auth/index.js';
import type { Db } from '../../../engine/store/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { accountService, anOfficer, openAccountsDb, PASSWORD, TestClock } from './accountFixtures.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('api/auth AccountService', function () {
  let db: Db;
  let clock: TestClock;
  let accounts: AccountService;

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
  });

  describe('createUser', function () {
    it('should store the username in lower case and return the user without its hash', async function () {
      // when
      const user = await accounts.createUser(anOfficer({ username: '  Can.Bo.An ', roles: ['desk', 'specialist'] }));

      // then
      expect(user).to.include({ username: 'can.bo.an', fullName: 'Nguyễn Văn An', kind: 'officer', agencyId: 'px-hai-chau', active: true });
      expect(user.roles).to.deep.equal(['desk', 'specialist']);
      expect(user).not.to.have.property('passwordHash');
      expect(user).not.to.have.property('password');
    });

    it('should store a scrypt hash, never the password', async function () {
      // given
      const user = await accounts.createUser(anOfficer());

      // when
      const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);

      // then
      expect(rows[0].password_hash).to.match(/^scrypt\$16384\$8\$1\$/);
      expect(rows[0].password_hash).not.to.contain(PASSWORD);
    });

    it('should refuse a password shorter than 8 characters', async function () {
      // when
      const error = await rejectionOf(accounts.createUser(anOfficer({ password: 'ngan123' })));

      // then
      expect(error).to.include({ code: 'VALIDATION_FAILED' });
      expect((error as unknown as { fields: unknown }).fields).to.deep.equal([{ path: '/password', message: 'Mật khẩu phải có ít nhất 8 ký tự.' }]);
    });

    it('should report every invalid field at once', async function () {
      // when
      const error = await rejectionOf(
        accounts.createUser({ username: 'x', password: '1', fullName: ' ', kind: 'citizen' as never, roles: ['chief' as never] }),
      );

      // then
      const paths = (error as unknown as { fields: { path: string }[] }).fields.map((field) => field.path);
      expect(paths).to.deep.equal(['/username', '/password', '/fullName', '/kind', '/roles']);
    });

    it('should refuse a username that differs from an existing one only in case', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'mot.cua' }));

      // when
      const error = await rejectionOf(accounts.createUser(anOfficer({ username: 'MOT.CUA' })));

      // then
      expect(error).to.include({ code: 'CONFLICT' });
    });
  });

  describe('upsertUser', function () {
    it('should update name, agency and roles but keep the password of an existing account', async function () {
      // given
      const created = await accounts.upsertUser(anOfficer({ username: 'seeded', password: 'mat-khau-cu-1' }));

      // when
      const updated = await accounts.upsertUser(
        anOfficer({ username: 'seeded', password: 'mat-khau-moi-1', fullName: 'Trần Thị Bình', agencyId: 'ubnd-da-nang', roles: ['leader'] }),
      );

      // then
      expect(updated).to.include({ id: created.id, fullName: 'Trần Thị Bình', agencyId: 'ubnd-da-nang' });
      expect(updated.roles).to.deep.equal(['leader']);
      await accounts.login({ username: 'seeded', password: 'mat-khau-cu-1', address: '10.0.0.1' });
    });

    it('should replace the password and end existing sessions with resetPassword', async function () {
      // given
      await accounts.upsertUser(anOfficer({ username: 'seeded', password: 'mat-khau-cu-1' }));
      const session = await accounts.login({ username: 'seeded', password: 'mat-khau-cu-1', address: '10.0.0.1' });

      // when
      await accounts.upsertUser({ ...anOfficer({ username: 'seeded', password: 'mat-khau-moi-1' }), resetPassword: true });

      // then
      expect(await accounts.authenticate(session.token)).to.equal(undefined);
      await accounts.login({ username: 'seeded', password: 'mat-khau-moi-1', address: '10.0.0.1' });
    });
    it('should refuse an id that belongs to another account', async function () {
      // given
      const other = await accounts.createUser(anOfficer({ username: 'nguoi.khac' }));

      // when
      const error = await rejectionOf(accounts.upsertUser(anOfficer({ username: 'seeded', id: other.id })));

      // then
      expect(error).to.include({ code: 'CONFLICT' });
    });
  });

  describe('login', function () {
    it('should open a session for the right password, whatever the case of the username', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));

      // when
      const session = await accounts.login({ username: 'Can.Bo', password: PASSWORD, address: '10.0.0.1' });

      // then
      expect(session.token).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(session.csrfToken).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(session.user).to.include({ username: 'can.bo', kind: 'officer', csrfToken: session.csrfToken });
      expect(session.expiresAt).to.deep.equal(new Date(clock.now().getTime() + 8 * HOUR));
    });

    it('should store only a SHA-256 of the session token', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));

      // when
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // then
      const { rows } = await db.query<{ id_hash: string }>('SELECT id_hash FROM sessions');
      expect(rows).to.have.length(1);
      expect(rows[0].id_hash).to.match(/^[0-9a-f]{64}$/);
      expect(rows[0].id_hash).not.to.contain(session.token);
    });

    it('should answer a wrong password and an unknown user with the same error', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));

      // when
      const wrongPassword = await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));
      const unknownUser = await rejectionOf(accounts.login({ username: 'khong.co', password: PASSWORD, address: '10.0.0.1' }));

      // then
      expect(wrongPassword).to.include({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
      expect(unknownUser).to.include({ code: 'INVALID_CREDENTIALS', message: wrongPassword.message });
    });

    it('should refuse an inactive account as if the password were wrong', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'nghi.huu', active: false }));

      // when
      const error = await rejectionOf(accounts.login({ username: 'nghi.huu', password: PASSWORD, address: '10.0.0.1' }));

      // then
      expect(error).to.include({ code: 'INVALID_CREDENTIALS' });
    });

    it('should lock the account after 5 wrong passwords, even against the right one', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      const failures = [];
      for (let i = 0; i < 5; i++) {
        failures.push(await rejectionOf(accounts.login({ username: 'can.bo', password: `sai-${i}-mat-khau`, address: '10.0.0.1' })));
      }

      // when
      const error = await rejectionOf(accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' }));

      // then
      expect(failures.map((failure) => failure.code)).to.deep.equal([
        'INVALID_CREDENTIALS',
        'INVALID_CREDENTIALS',
        'INVALID_CREDENTIALS',
        'INVALID_CREDENTIALS',
        'ACCOUNT_LOCKED',
      ]);
      expect(error).to.include({ code: 'ACCOUNT_LOCKED' });
      // 02:00 UTC + 15 minutes is 09:15 in Vietnam
      expect(error.message).to.equal('Tài khoản tạm thời bị khoá do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 09:15.');
    });

    it('should unlock the account once the lock period has passed', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 5; i++) await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));
      clock.advance(15 * MINUTE);

      // when
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // then
      expect(session.user.username).to.equal('can.bo');
      const { rows } = await db.query('SELECT failed_logins, locked_until FROM users');
      expect(rows).to.deep.equal([{ failed_logins: 0, locked_until: null }]);
    });

    it('should lock again at the first wrong password after a lock has ended', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 5; i++) await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));
      clock.advance(15 * MINUTE);

      // when
      const error = await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));

      // then
      expect(error).to.include({ code: 'ACCOUNT_LOCKED' });
    });

    it('should reset the failure count on a successful login', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 4; i++) await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));
      await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // when
      const error = await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));

      // then
      expect(error).to.include({ code: 'INVALID_CREDENTIALS' });
    });

    it('should refuse an address after too many attempts, before looking at the password', async function () {
      // given
      accounts = accountService(db, clock, { maxAttemptsPerAddress: 3 });
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 3; i++) await rejectionOf(accounts.login({ username: `doan-${i}`, password: 'sai-mat-khau', address: '203.0.113.9' }));

      // when
      const error = await rejectionOf(accounts.login({ username: 'can.bo', password: PASSWORD, address: '203.0.113.9' }));

      // then
      expect(error).to.include({ code: 'RATE_LIMITED' });
      expect(error.message).to.equal('Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau 09:15.');
    });

    it('should NOT count one address against another', async function () {
      // given
      accounts = accountService(db, clock, { maxAttemptsPerAddress: 3 });
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 3; i++) await rejectionOf(accounts.login({ username: 'doan', password: 'sai-mat-khau', address: '203.0.113.9' }));

      // when
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // then
      expect(session.user.username).to.equal('can.bo');
    });

    it('should let the address try again once the window has passed', async function () {
      // given
      accounts = accountService(db, clock, { maxAttemptsPerAddress: 3 });
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 3; i++) await rejectionOf(accounts.login({ username: 'doan', password: 'sai-mat-khau', address: '203.0.113.9' }));
      clock.advance(15 * MINUTE);

      // when
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '203.0.113.9' });

      // then
      expect(session.user.username).to.equal('can.bo');
    });

    it('should NOT count successful logins from a shared office address', async function () {
      // given
      accounts = accountService(db, clock, { maxAttemptsPerAddress: 3 });
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      for (let i = 0; i < 5; i++) await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // when
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // then
      expect(session.user.username).to.equal('can.bo');
    });
  });

  describe('authenticate', function () {
    it('should give the user behind a live session', async function () {
      // given
      const created = await accounts.createUser(anOfficer({ username: 'can.bo', roles: ['specialist'] }));
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // when
      const user = await accounts.authenticate(session.token);

      // then
      expect(user).to.deep.equal({
        id: created.id,
        username: 'can.bo',
        fullName: 'Nguyễn Văn An',
        kind: 'officer',
        agencyId: 'px-hai-chau',
        roles: ['specialist'],
        csrfToken: session.csrfToken,
      });
    });

    it('should give nothing for an unknown or malformed token', async function () {
      // when
      const unknown = await accounts.authenticate('A'.repeat(43));
      const malformed = await accounts.authenticate("'; DROP TABLE users; --");

      // then
      expect(unknown).to.equal(undefined);
      expect(malformed).to.equal(undefined);
    });

    it('should give nothing once the session has expired', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });
      clock.advance(8 * HOUR);

      // when
      const user = await accounts.authenticate(session.token);

      // then
      expect(user).to.equal(undefined);
    });

    it('should give nothing once the account is deactivated', async function () {
      // given
      await accounts.upsertUser(anOfficer({ username: 'can.bo' }));
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });
      await accounts.upsertUser(anOfficer({ username: 'can.bo', active: false }));

      // when
      const user = await accounts.authenticate(session.token);

      // then
      expect(user).to.equal(undefined);
    });

    it('should record when the session was last used', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });
      clock.advance(30 * MINUTE);

      // when
      await accounts.authenticate(session.token);

      // then
      const { rows } = await db.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions');
      expect(rows[0].last_seen_at).to.deep.equal(clock.now());
    });
  });

  describe('logout', function () {
    it('should end the session', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      const session = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });

      // when
      await accounts.logout(session.token);

      // then
      expect(await accounts.authenticate(session.token)).to.equal(undefined);
    });
  });

  describe('changePassword', function () {
    it('should set the new password and end the other sessions but the kept one', async function () {
      // given
      const user = await accounts.createUser(anOfficer({ username: 'can.bo' }));
      const here = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });
      const elsewhere = await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.2' });

      // when
      await accounts.changePassword({ userId: user.id, currentPassword: PASSWORD, newPassword: 'mat-khau-moi-2', keepToken: here.token });

      // then
      expect(await accounts.authenticate(here.token)).not.to.equal(undefined);
      expect(await accounts.authenticate(elsewhere.token)).to.equal(undefined);
      await accounts.login({ username: 'can.bo', password: 'mat-khau-moi-2', address: '10.0.0.1' });
    });

    it('should refuse a wrong current password', async function () {
      // given
      const user = await accounts.createUser(anOfficer({ username: 'can.bo' }));

      // when
      const error = await rejectionOf(accounts.changePassword({ userId: user.id, currentPassword: 'sai-mat-khau', newPassword: 'mat-khau-moi-2' }));

      // then
      expect(error).to.include({ code: 'VALIDATION_FAILED', message: 'Mật khẩu hiện tại không đúng.' });
    });

    it('should refuse a new password shorter than 8 characters', async function () {
      // given
      const user = await accounts.createUser(anOfficer({ username: 'can.bo' }));

      // when
      const error = await rejectionOf(accounts.changePassword({ userId: user.id, currentPassword: PASSWORD, newPassword: 'ngan' }));

      // then
      expect(error).to.include({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('pruneExpired', function () {
    it('should remove expired sessions and attempts older than the window', async function () {
      // given
      await accounts.createUser(anOfficer({ username: 'can.bo' }));
      await accounts.login({ username: 'can.bo', password: PASSWORD, address: '10.0.0.1' });
      await rejectionOf(accounts.login({ username: 'can.bo', password: 'sai-mat-khau', address: '10.0.0.1' }));
      clock.advance(8 * HOUR);

      // when
      const pruned = await accounts.pruneExpired();

      // then
      expect(pruned).to.deep.equal({ sessions: 1, attempts: 1 });
    });
  });
});

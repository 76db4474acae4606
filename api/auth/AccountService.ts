import { randomUUID } from 'node:crypto';
import type { Db } from '../../engine/store/index.js';
import { AppError } from '../errors.js';
import { formatVietnamTime } from './formatVietnamTime.js';
import { hashPassword, verifyPassword } from './hashPassword.js';
import { hashSessionToken, isTokenShaped, newToken } from './newToken.js';
import type { NewUser, OfficerRole, SessionUser, User, UserKind } from './User.js';
import { checkPassword, normaliseUsername, validateNewUser, type ValidNewUser } from './validateNewUser.js';

export interface AccountServiceOptions {
  readonly db: Db;
  readonly clock?: () => Date;
  /** How long a session lasts from login. Default 8 hours: one working day. */
  readonly sessionTtlMs?: number;
  /** Consecutive wrong passwords that lock an account. Default 5. */
  readonly maxFailures?: number;
  /** How long a locked account stays locked. Default 15 minutes. */
  readonly lockMs?: number;
  /** Login attempts one client address may make per `attemptWindowMs`. Default 20. */
  readonly maxAttemptsPerAddress?: number;
  /** Default 15 minutes. */
  readonly attemptWindowMs?: number;
}

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  /** The client's address, as the HTTP layer sees it (after trusted proxies). */
  readonly address: string;
}

export interface LoginResult {
  /** Goes into the session cookie; never stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly user: SessionUser;
  readonly expiresAt: Date;
}

export interface ChangePasswordInput {
  readonly userId: string;
  readonly currentPassword: string;
  readonly newPassword: string;
  /** The session to keep; every other session of the user ends. */
  readonly keepToken?: string;
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  kind: UserKind;
  agency_id: string | null;
  roles: OfficerRole[];
  email: string | null;
  phone: string | null;
  active: boolean;
  failed_logins: number;
  locked_until: Date | null;
  created_at: Date;
}

const USER_COLUMNS = 'id, username, password_hash, full_name, kind, agency_id, roles, email, phone, active, failed_logins, locked_until, created_at';

const UNIQUE_VIOLATION = '23505';
const INSERT_USER = `INSERT INTO users (id, username, password_hash, full_name, kind, agency_id, roles, email, phone, active, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const INVALID_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng.';
// Advisory-lock namespace for counting one address's attempts; the second key is the address.
const ATTEMPT_LOCK = 0x6c6f6769;
// Writing last_seen_at on every request would turn each read into a write.
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Accounts, passwords and sessions: creating and seeding users, logging in with lock-out
 * and per-address rate limiting, and resolving session tokens to users.
 */
export class AccountService {
  private readonly db: Db;
  private readonly clock: () => Date;
  /** How long a session lasts from login; the session cookie's lifetime. */
  readonly sessionTtlMs: number;
  private readonly maxFailures: number;
  private readonly lockMs: number;
  private readonly maxAttemptsPerAddress: number;
  private readonly attemptWindowMs: number;
  // Compared against when the username is unknown, so that answer takes as long as a wrong password.
  private decoyHash: Promise<string> | undefined;

  constructor(options: AccountServiceOptions) {
    this.db = options.db;
    this.clock = options.clock ?? (() => new Date());
    this.sessionTtlMs = options.sessionTtlMs ?? 8 * 60 * 60 * 1000;
    this.maxFailures = options.maxFailures ?? 5;
    this.lockMs = options.lockMs ?? 15 * 60 * 1000;
    this.maxAttemptsPerAddress = options.maxAttemptsPerAddress ?? 20;
    this.attemptWindowMs = options.attemptWindowMs ?? 15 * 60 * 1000;
  }

  /** A new account; `CONFLICT` when the username (or id) is taken. */
  async createUser(input: NewUser): Promise<User> {
    const user = validateNewUser(input);
    const { rows } = await this.db.query<UserRow>(
      `${INSERT_USER} ON CONFLICT DO NOTHING RETURNING ${USER_COLUMNS}`,
      this.insertParams(user, await hashPassword(user.password)),
    );
    if (rows.length === 0) throw new AppError('CONFLICT', `Tên đăng nhập '${user.username}' đã được sử dụng.`);
    return toUser(rows[0]);
  }

  /**
   * Create the account, or bring an existing one (same username) up to date: name, kind,
   * agency, roles, contact and active flag. The password is kept unless `resetPassword`,
   * so seeding twice does not undo a password the person has changed.
   */
  async upsertUser(input: NewUser & { readonly resetPassword?: boolean }): Promise<User> {
    const user = validateNewUser(input);
    const reset = input.resetPassword === true;
    const params = [...this.insertParams(user, await hashPassword(user.password)), reset];
    try {
      return await this.db.transaction(async (tx) => {
        const { rows } = await tx.query<UserRow>(
          `${INSERT_USER}
           ON CONFLICT (username) DO UPDATE SET
             full_name = excluded.full_name, kind = excluded.kind, agency_id = excluded.agency_id,
             roles = excluded.roles, email = excluded.email, phone = excluded.phone, active = excluded.active,
             password_hash = CASE WHEN $12::boolean THEN excluded.password_hash ELSE users.password_hash END,
             failed_logins = CASE WHEN $12::boolean THEN 0 ELSE users.failed_logins END,
             locked_until = CASE WHEN $12::boolean THEN NULL ELSE users.locked_until END
           RETURNING ${USER_COLUMNS}`,
          params,
        );
        // A reset password must not leave sessions opened with the old one.
        if (reset) await tx.query('DELETE FROM sessions WHERE user_id = $1', [rows[0].id]);
        return toUser(rows[0]);
      });
    } catch (error) {
      // The username matched no account, but the given id belongs to another one.
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new AppError('CONFLICT', `Mã tài khoản '${user.id}' đã thuộc về một tài khoản khác.`);
      }
      throw error;
    }
  }

  async getUser(id: string): Promise<User | undefined> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows.length === 0 ? undefined : toUser(rows[0]);
  }

  /**
   * Check the password and open a session. Unknown user, inactive account and wrong
   * password give the same `INVALID_CREDENTIALS` after the same work; a locked account
   * gives `ACCOUNT_LOCKED` whatever the password; too many attempts from the address
   * give `RATE_LIMITED` before the password is looked at.
   */
  async login(input: LoginInput): Promise<LoginResult> {
    const now = this.clock();
    const attemptId = await this.countAttempt(input.address, now);
    const username = typeof input.username === 'string' ? normaliseUsername(input.username) : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE username = $1`, [username]);
    const user = rows[0];
    if (user === undefined || !user.active) {
      await verifyPassword(password, await this.decoy());
      throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    if (user.locked_until !== null && user.locked_until > now) throw lockedError(user.locked_until);
    if (!(await verifyPassword(password, user.password_hash))) {
      const lockedUntil = await this.recordFailure(user.id, now);
      if (lockedUntil !== null) throw lockedError(lockedUntil);
      throw new AppError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    return this.openSession(user, now, attemptId);
  }

  /** The user behind a session token; undefined when the token is unknown, expired or its account inactive. */
  async authenticate(token: string): Promise<SessionUser | undefined> {
    if (typeof token !== 'string' || !isTokenShaped(token)) return undefined;
    const now = this.clock();
    const idHash = hashSessionToken(token);
    const { rows } = await this.db.query<UserRow & { csrf_token: string; last_seen_at: Date }>(
      `SELECT u.id, u.username, u.full_name, u.kind, u.agency_id, u.roles, s.csrf_token, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.active`,
      [idHash, now],
      { name: 'auth_session_user' },
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    if (now.getTime() - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
      await this.db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, now], { name: 'auth_session_seen' });
    }
    return toSessionUser(row, row.csrf_token);
  }

  async logout(token: string): Promise<void> {
    if (typeof token !== 'string' || !isTokenShaped(token)) return;
    await this.db.query('DELETE FROM sessions WHERE id_hash = $1', [hashSessionToken(token)]);
  }

  /** Set a new password after checking the current one; the user's other sessions end. */
  async changePassword(input: ChangePasswordInput): Promise<void> {
    const { rows } = await this.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [input.userId]);
    if (rows.length === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
    const problem = checkPassword(input.newPassword);
    if (problem !== undefined) {
      throw new AppError('VALIDATION_FAILED', problem, { fields: [{ path: '/newPassword', message: problem }] });
    }
    if (!(await verifyPassword(String(input.currentPassword), rows[0].password_hash))) {
      const message = 'Mật khẩu hiện tại không đúng.';
      throw new AppError('VALIDATION_FAILED', message, { fields: [{ path: '/currentPassword', message }] });
    }
    const newHash = await hashPassword(input.newPassword);
    const keep = input.keepToken !== undefined ? hashSessionToken(input.keepToken) : null;
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2, failed_logins = 0, locked_until = NULL WHERE id = $1', [input.userId, newHash]);
      await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id_hash IS DISTINCT FROM $2', [input.userId, keep]);
    });
  }

  /** Remove expired sessions and attempts older than the rate-limit window; for a periodic job. */
  async pruneExpired(): Promise<{ sessions: number; attempts: number }> {
    const now = this.clock();
    const sessions = await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    const attempts = await this.db.query('DELETE FROM login_attempts WHERE at <= $1', [new Date(now.getTime() - this.attemptWindowMs)]);
    return { sessions: sessions.rowCount, attempts: attempts.rowCount };
  }

  // The attempt is recorded before the password is checked, so parallel guesses count too;
  // a successful login removes it again, leaving failures (and attempts in flight) counted.
  private async countAttempt(address: string, now: Date): Promise<string> {
    const windowStart = new Date(now.getTime() - this.attemptWindowMs);
    const counted = await this.db.transaction(async (tx): Promise<{ attemptId: string } | { oldest: Date }> => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ATTEMPT_LOCK, address]);
      await tx.query('DELETE FROM login_attempts WHERE address = $1 AND at <= $2', [address, windowStart]);
      const { rows } = await tx.query<{ attempts: number; oldest: Date | null }>(
        'SELECT count(*)::int AS attempts, min(at) AS oldest FROM login_attempts WHERE address = $1',
        [address],
      );
      if (rows[0].attempts >= this.maxAttemptsPerAddress) return { oldest: rows[0].oldest ?? now };
      const inserted = await tx.query<{ id: string }>('INSERT INTO login_attempts (address, at) VALUES ($1, $2) RETURNING id', [address, now]);
      return { attemptId: inserted.rows[0].id };
    });
    if ('oldest' in counted) {
      const retryAt = new Date(counted.oldest.getTime() + this.attemptWindowMs);
      throw new AppError(
        'RATE_LIMITED',
        `Có quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau ${formatVietnamTime(roundUpToMinute(retryAt))}.`,
        { details: { retryAt: retryAt.toISOString() } },
      );
    }
    return counted.attemptId;
  }

  /** Count one more wrong password; returns when the account is now locked until, or null. */
  private async recordFailure(userId: string, now: Date): Promise<Date | null> {
    // Counting stays above the limit after a lock ends, so each further wrong password
    // locks again at once: a guesser gets one try per lock period, not another five.
    const { rows } = await this.db.query<{ locked_until: Date | null }>(
      `UPDATE users SET
         failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
       WHERE id = $1
       RETURNING locked_until`,
      [userId, this.maxFailures, new Date(now.getTime() + this.lockMs)],
    );
    const lockedUntil = rows[0]?.locked_until ?? null;
    return lockedUntil !== null && lockedUntil > now ? lockedUntil : null;
  }

  private async openSession(user: UserRow, now: Date, attemptId: string): Promise<LoginResult> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + this.sessionTtlMs);
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
      await tx.query(
        'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $4)',
        [hashSessionToken(token), user.id, csrfToken, now, expiresAt],
      );
      await tx.query('DELETE FROM login_attempts WHERE id = $1', [attemptId]);
    });
    return { token, csrfToken, user: toSessionUser(user, csrfToken), expiresAt };
  }

  private insertParams(user: ValidNewUser, passwordHash: string): unknown[] {
    return [
      user.id ?? randomUUID(),
      user.username,
      passwordHash,
      user.fullName,
      user.kind,
      user.agencyId,
      user.roles,
      user.email,
      user.phone,
      user.active,
      this.clock(),
    ];
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(newToken());
    return this.decoyHash;
  }
}

function sqlState(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function lockedError(lockedUntil: Date): AppError {
  return new AppError(
    'ACCOUNT_LOCKED',
    `Tài khoản tạm thời bị khoá do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${formatVietnamTime(roundUpToMinute(lockedUntil))}.`,
    { details: { lockedUntil: lockedUntil.toISOString() } },
  );
}

// Telling someone to come back at a minute that is still inside the lock would fail them once more.
function roundUpToMinute(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / 60_000) * 60_000);
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    kind: row.kind,
    agencyId: row.agency_id,
    roles: row.roles,
    email: row.email,
    phone: row.phone,
    active: row.active,
    createdAt: row.created_at,
  };
}

function toSessionUser(row: Pick<UserRow, 'id' | 'username' | 'full_name' | 'kind' | 'agency_id' | 'roles'>, csrfToken: string): SessionUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    kind: row.kind,
    agencyId: row.agency_id,
    roles: row.roles,
    csrfToken,
  };
}

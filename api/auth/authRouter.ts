import express, { type CookieOptions, type NextFunction, type Request, type Response, type Router } from 'express';
import { AppError } from '../errors.js';
import type { AccountService } from './AccountService.js';
import { AUTH_PATHS } from './authPaths.js';
import { csrfProtection } from './csrfProtection.js';
import { SESSION_COOKIE, sessionToken } from './sessionMiddleware.js';
import type { SessionUser } from './User.js';

export interface AuthRouterOptions {
  /** Mark the session cookie `Secure`: on wherever the site is served over HTTPS. */
  readonly secureCookies: boolean;
}

/**
 * `POST /api/auth/login`, `POST /api/auth/logout` and `GET /api/auth/me`, at those full
 * paths. Mount after `sessionMiddleware`, which gives logout and me their user.
 */
export function authRouter(accounts: AccountService, options: AuthRouterOptions): Router {
  const router = express.Router();
  const cookie: CookieOptions = { httpOnly: true, sameSite: 'lax', path: '/', secure: options.secureCookies };

  router.post(AUTH_PATHS.login, jsonBody, async (req: Request, res: Response) => {
    const { username, password } = loginBody(req.body);
    const previous = sessionToken(req);
    const session = await accounts.login({ username, password, address: clientAddress(req) });
    // The browser drops the old cookie for the new one; its session must not outlive it.
    if (previous !== undefined) await accounts.logout(previous);
    res.set('Cache-Control', 'no-store');
    res.cookie(SESSION_COOKIE, session.token, { ...cookie, maxAge: accounts.sessionTtlMs });
    res.status(200).json({ user: publicUser(session.user), csrfToken: session.csrfToken });
  });

  router.post(AUTH_PATHS.logout, csrfProtection(), async (req: Request, res: Response) => {
    const token = sessionToken(req);
    if (token !== undefined) await accounts.logout(token);
    res.clearCookie(SESSION_COOKIE, cookie);
    res.status(204).end();
  });

  router.get(AUTH_PATHS.me, (req: Request, res: Response) => {
    if (req.user === undefined) throw new AppError('UNAUTHENTICATED', 'Vui lòng đăng nhập.');
    res.set('Cache-Control', 'no-store');
    res.json({ user: publicUser(req.user), csrfToken: req.user.csrfToken });
  });

  return router;
}

/** What the browser may know of its user: no internal id, no token. */
function publicUser(user: SessionUser): Pick<SessionUser, 'username' | 'fullName' | 'kind' | 'agencyId' | 'roles'> {
  return { username: user.username, fullName: user.fullName, kind: user.kind, agencyId: user.agencyId, roles: user.roles };
}

function loginBody(body: unknown): { username: string; password: string } {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { username, password } = fields;
  const missing = [
    ...(typeof username === 'string' && username.trim() !== '' ? [] : [{ path: '/username', message: 'Vui lòng nhập tên đăng nhập.' }]),
    ...(typeof password === 'string' && password !== '' ? [] : [{ path: '/password', message: 'Vui lòng nhập mật khẩu.' }]),
  ];
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Vui lòng nhập tên đăng nhập và mật khẩu.', { fields: missing });
  }
  return { username: username as string, password: password as string };
}

// `req.ip` honours the application's `trust proxy` setting, so behind a reverse proxy
// each client is counted on its own address rather than all on the proxy's.
function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

const parseJson = express.json({ limit: '16kb' });

// Only JSON bodies are read: a cross-site HTML form cannot send one without the browser
// asking first, so a login cannot be forged from another site.
function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!req.is('application/json')) return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Yêu cầu đăng nhập phải gửi dữ liệu dạng JSON.'));
  parseJson(req, res, (error?: unknown) => {
    if (error === undefined || error === null) return next();
    const type = (error as { type?: unknown }).type;
    if (type === 'entity.too.large') return next(new AppError('PAYLOAD_TOO_LARGE', 'Nội dung yêu cầu quá lớn.'));
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return next(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Nội dung yêu cầu phải là JSON mã hoá UTF-8.'));
    }
    next(new AppError('BAD_REQUEST', 'Nội dung yêu cầu không phải JSON hợp lệ.'));
  });
}

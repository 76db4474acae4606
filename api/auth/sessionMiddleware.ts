import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccountService } from './AccountService.js';
import type { SessionUser } from './User.js';

declare global {
  // Express declares Request in this namespace; merging is how its type learns about `user`.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by sessionMiddleware when the session cookie names a live session. */
      user?: SessionUser;
    }
  }
}

export const SESSION_COOKIE = 'motcua_sid';

// Requests whose user came from the session cookie: only those need a CSRF token,
// since a browser attaches the cookie to requests that other sites make it send.
const cookieAuthenticated = new WeakSet<Request>();

/**
 * Resolve the session cookie to `req.user`. A missing, malformed, unknown or expired
 * cookie leaves `req.user` unset; only a failing database reaches the error handler.
 */
export function sessionMiddleware(accounts: AccountService): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const token = sessionToken(req);
    if (token === undefined) return next();
    const user = await accounts.authenticate(token);
    if (user !== undefined) {
      req.user = user;
      cookieAuthenticated.add(req);
    }
    next();
  };
}

/** Whether `req.user` was established by the session cookie (not by some other means). */
export function isCookieAuthenticated(req: Request): boolean {
  return cookieAuthenticated.has(req);
}

/** The session token the request's cookie carries, if any. */
export function sessionToken(req: Request): string | undefined {
  return parseCookies(req.headers.cookie)[SESSION_COOKIE];
}

/** Cookie header → name/value pairs; the first of repeated names wins, as in browsers' ordering by path. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null) as Record<string, string>;
  if (header === undefined) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    if (name === '' || name in cookies) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    cookies[name] = safeDecode(value);
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

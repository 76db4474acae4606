import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import { AUTH_PATHS } from './authPaths.js';
import { isCookieAuthenticated } from './sessionMiddleware.js';

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  /**
   * Paths (without query) that need no token. Default: the login, which a password
   * authenticates, not the cookie; it reads only JSON, which other sites cannot send.
   */
  readonly exemptPaths?: readonly string[];
}

/**
 * Refuse state-changing requests that carry the session cookie but not the session's CSRF
 * token, in the `X-CSRF-Token` header (scripts) or the `_csrf` field (HTML forms; mount a
 * body parser first). Requests without a session pass: they are public or refused later.
 */
export function csrfProtection(options: CsrfOptions = {}): RequestHandler {
  const exempt = new Set(options.exemptPaths ?? [AUTH_PATHS.login]);
  return (req: Request, _res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || req.user === undefined || !isCookieAuthenticated(req)) return next();
    if (exempt.has(req.originalUrl.split('?')[0])) return next();
    const sent = req.get(CSRF_HEADER) ?? formField(req.body);
    if (sent === undefined || !sameToken(sent, req.user.csrfToken)) {
      return next(new AppError('CSRF_FAILED', 'Phiên làm việc không hợp lệ hoặc trang đã cũ. Vui lòng tải lại trang và thử lại.'));
    }
    next();
  };
}

function formField(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}

// Digests have equal length whatever was sent, which timingSafeEqual requires.
function sameToken(sent: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}

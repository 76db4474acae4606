import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { type AppErrorCode, isAppError } from '../../../api/errors.js';
import { type AccountService, authRouter, csrfProtection, requireUser, sessionMiddleware } from '../../../api/auth/index.js';

// The application's error handler lives elsewhere; specs map the codes they meet the same way.
const STATUS: Partial<Record<AppErrorCode, number>> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

const errorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (isAppError(error)) {
    res.status(STATUS[error.code] ?? 500).json({ error: { code: error.code, message: error.message } });
  } else {
    res.status(500).json({ error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } });
  }
};

export interface RunningApp {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The auth routes as the application mounts them, plus a JSON action and a form action
 * behind the session (for CSRF) and an admin-only page, on an ephemeral port.
 */
export async function startAuthApp(accounts: AccountService, options: { secureCookies?: boolean } = {}): Promise<RunningApp> {
  const app = express();
  app.use(sessionMiddleware(accounts));
  app.use(express.urlencoded({ extended: false }));
  app.use(csrfProtection());
  app.use(authRouter(accounts, { secureCookies: options.secureCookies ?? false }));
  app.post('/api/test/action', requireUser(), (req, res) => {
    res.json({ done: true, by: req.user?.username });
  });
  app.get('/api/test/admin', requireUser('admin'), (_req, res) => {
    res.json({ admin: true });
  });
  app.use(errorHandler);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The `name=value` part of the session cookie a response set, for the next request's Cookie header. */
export function cookieFrom(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('motcua_sid='));
  if (setCookie === undefined) throw new Error(`Expected a motcua_sid cookie, but the response set ${JSON.stringify(response.headers.getSetCookie())}`);
  return setCookie.split(';')[0];
}

export async function login(url: string, username: string, password: string): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

/** Log in and return what a browser script keeps: the cookie and the CSRF token. */
export async function loggedIn(url: string, username: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await login(url, username, password);
  if (response.status !== 200) throw new Error(`Expected login to succeed, but got ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookieFrom(response), csrfToken: body.csrfToken };
}

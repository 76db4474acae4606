import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parseCookies } from '../auth/index.js';
import type { UserKind } from '../auth/User.js';
import { languageOf, translate, type Language } from './i18n.js';
import { renderPage, type Page, type PageFrame } from './render.js';

export const LANGUAGE_COOKIE = 'lang';
export const LOGIN_PATH = '/dang-nhap';

/** Where each kind of user starts after signing in. */
export const HOME_OF: Readonly<Record<UserKind, string>> = {
  officer: '/can-bo',
  designer: '/thiet-ke',
  auditor: '/bao-cao',
  admin: '/thiet-ke',
};

export function languageFor(req: Request): Language {
  return languageOf(parseCookies(req.headers.cookie)[LANGUAGE_COOKIE]);
}

/** The frame of a page for this request: its language, path and signed-in user. */
export function frameFor(req: Request, frame: Omit<PageFrame, 'language' | 'path' | 'user'> & { readonly language?: Language }): PageFrame {
  const user = req.user;
  return {
    ...frame,
    language: frame.language ?? languageFor(req),
    path: req.originalUrl,
    user: user && { username: user.username, fullName: user.fullName, kind: user.kind, csrfToken: user.csrfToken },
  };
}

export async function sendPage(res: Response, page: Page, frame: PageFrame, data: Record<string, unknown>): Promise<void> {
  res.setHeader('Cache-Control', frame.user ? 'no-store' : 'no-cache');
  res.type('text/html; charset=utf-8').send(await renderPage(page, frame, data));
}

/** The 404 page, in the request's language. */
export async function sendNotFound(req: Request, res: Response): Promise<void> {
  const language = languageFor(req);
  res.status(404);
  await sendPage(res, 'notFound', frameFor(req, { language, title: translate(language, 'error.notFound') }), {});
}

/**
 * A page for signed-in staff: without a session the browser goes to the sign-in
 * page and comes back after; a user of another kind gets a 403 page that says why.
 */
export function requirePageUser(...kinds: UserKind[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.user === undefined) {
      res.redirect(303, `${LOGIN_PATH}?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    if (kinds.length > 0 && !kinds.includes(req.user.kind)) {
      const language = languageFor(req);
      res.status(403);
      sendPage(res, 'forbidden', frameFor(req, { language, title: translate(language, 'error.forbidden') }), {}).catch(next);
      return;
    }
    next();
  };
}

/** A path on this site to go to, never another site's: an open redirect would let a link send people anywhere. */
export function localPath(next: string | undefined, fallback: string): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}

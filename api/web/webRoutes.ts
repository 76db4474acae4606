import { Router, type Request, type Response } from 'express';
import { parseCookies } from '../auth/index.js';
import type { ProcedureVersion } from '../catalogue/index.js';
import { queryString, param } from '../http/input.js';
import type { Services } from '../services.js';
import { languageOf, translate, type Language } from './i18n.js';
import { renderPage, type Page } from './render.js';

const LANGUAGE_COOKIE = 'lang';

/**
 * The pages people read in a browser, rendered on the server: the citizens'
 * procedure catalogue and each procedure's page. Vietnamese first; the
 * `lang` cookie switches to English.
 */
export function webRoutes(services: Services): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const language = languageFor(req);
    const q = queryString(req, 'q') ?? '';
    const needle = fold(q);
    const procedures = services
      .catalogue()
      .listProcedures()
      .filter((p) => !needle || [p.metadata.name, p.metadata.field, p.metadata.nationalCode, p.code].some((text) => fold(text).includes(needle)))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name, 'vi'))
      .map((p) => card(p, language));
    await send(res, 'catalogue', { language, title: translate(language, 'catalogue.title'), path: req.originalUrl }, { q, procedures });
  });

  router.get('/thu-tuc/:code', async (req, res) => {
    const language = languageFor(req);
    const catalogue = services.catalogue();
    const procedure = catalogue.procedure(param(req, 'code'));
    if (!procedure) {
      res.status(404);
      await send(res, 'notFound', { language, title: translate(language, 'error.notFound'), path: req.originalUrl }, {});
      return;
    }
    const m = procedure.metadata;
    await send(res, 'procedure', { language, title: m.name, path: req.originalUrl }, {
      procedure: m,
      levelName: translate(language, `level.${m.level}`),
      onlineName: translate(language, `online.${m.onlineLevel}`),
      expectedDue: services.calendar.dueDate(services.clock.now(), m.limit).toISOString(),
      agencies: catalogue.receivingAgencies(m).map((a) => ({ name: a.name, address: a.address })),
    });
  });

  router.get('/ngon-ngu', (req, res) => {
    const language: Language = queryString(req, 'lang') === 'en' ? 'en' : 'vi';
    const next = queryString(req, 'next') ?? '/';
    // Only a path on this site: never an open redirect.
    const target = next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
    res.cookie(LANGUAGE_COOKIE, language, { httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies, maxAge: 365 * 86_400_000, path: '/' });
    res.redirect(303, target);
  });

  return router;
}

function languageFor(req: Request): Language {
  return languageOf(parseCookies(req.headers.cookie)[LANGUAGE_COOKIE]);
}

async function send(res: Response, page: Page, frame: { language: Language; title: string; path: string }, data: Record<string, unknown>): Promise<void> {
  res.type('text/html; charset=utf-8').send(await renderPage(page, frame, data));
}

function card(p: ProcedureVersion, language: Language) {
  const m = p.metadata;
  return {
    code: p.code,
    name: m.name,
    field: m.field,
    levelName: translate(language, `level.${m.level}`),
    limitText: m.limitText,
    feeText: m.fee.text,
    onlineName: translate(language, `online.${m.onlineLevel}`),
  };
}

/** Lower case without Vietnamese diacritics, so "khai sinh" finds "Đăng ký khai sinh". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}

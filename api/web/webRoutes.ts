import { Router } from 'express';
import type { ProcedureVersion } from '../catalogue/index.js';
import { queryString, param } from '../http/input.js';
import type { Services } from '../services.js';
import { translate, type Language } from './i18n.js';
import { frameFor, HOME_OF, LANGUAGE_COOKIE, languageFor, localPath, LOGIN_PATH, sendNotFound, sendPage } from './pages.js';

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
    await sendPage(res, 'catalogue', frameFor(req, { language, title: translate(language, 'catalogue.title') }), { q, procedures });
  });

  router.get('/thu-tuc/:code', async (req, res) => {
    const language = languageFor(req);
    const catalogue = services.catalogue();
    const procedure = catalogue.procedure(param(req, 'code'));
    if (!procedure) {
      await sendNotFound(req, res);
      return;
    }
    const m = procedure.metadata;
    await sendPage(res, 'procedure', frameFor(req, { language, title: m.name }), {
      procedure: m,
      levelName: translate(language, `level.${m.level}`),
      onlineName: translate(language, `online.${m.onlineLevel}`),
      expectedDue: services.calendar.dueDate(services.clock.now(), m.limit).toISOString(),
      agencies: catalogue.receivingAgencies(m).map((a) => ({ name: a.name, address: a.address })),
    });
  });

  router.get('/ngon-ngu', (req, res) => {
    const language: Language = queryString(req, 'lang') === 'en' ? 'en' : 'vi';
    const target = localPath(queryString(req, 'next'), '/');
    res.cookie(LANGUAGE_COOKIE, language, { httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies, maxAge: 365 * 86_400_000, path: '/' });
    res.redirect(303, target);
  });

  router.get(LOGIN_PATH, async (req, res) => {
    const language = languageFor(req);
    const next = localPath(queryString(req, 'next'), '');
    if (req.user) {
      res.redirect(303, next || HOME_OF[req.user.kind]);
      return;
    }
    await sendPage(res, 'session/login', frameFor(req, { language, title: translate(language, 'session.title'), scripts: ['session'], clientTexts: ['session.'] }), {
      next,
      homes: HOME_OF,
    });
  });

  return router;
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

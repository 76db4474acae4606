import { Router } from 'express';
import { isAppError } from '../../errors.js';
import { param } from '../../http/input.js';
import { actorOf } from '../../routes/actorOf.js';
import type { Services } from '../../services.js';
import { translate } from '../i18n.js';
import { frameFor, languageFor, requirePageUser, sendNotFound, sendPage } from '../pages.js';
import { dossierPageData } from './dossierPage.js';
import { inboxPageData, inboxQuery } from './inboxPage.js';

/**
 * The officers' work pages: the inbox of their agency's open steps (`/can-bo`) and one
 * dossier with its diagram, hand-overs, history, step forms and print-outs
 * (`/can-bo/ho-so/:code`). Administrators may read both; only officers act.
 */
export function officerRoutes(services: Services): Router {
  const router = Router();
  const staff = requirePageUser('officer', 'admin');

  router.get('/can-bo', staff, async (req, res) => {
    const language = languageFor(req);
    const data = await inboxPageData(services, actorOf(req), inboxQuery(req), language);
    const frame = frameFor(req, { language, title: translate(language, 'officer.inbox.title'), scripts: ['officer'], styles: ['officer'], clientTexts: ['officer.'], wide: true });
    await sendPage(res, 'officer/inbox', frame, data);
  });

  router.get('/can-bo/ho-so/:code', staff, async (req, res) => {
    const language = languageFor(req);
    let data: Awaited<ReturnType<typeof dossierPageData>>;
    try {
      data = await dossierPageData(services, actorOf(req), param(req, 'code'), language);
    } catch (error) {
      // Another agency's dossier is answered as missing, as the API does.
      if (isAppError(error) && error.code === 'NOT_FOUND') return sendNotFound(req, res);
      throw error;
    }
    const frame = frameFor(req, {
      language,
      title: translate(language, 'officer.dossier.title', { code: data.view.code }),
      scripts: ['officer'],
      styles: ['officer'],
      clientTexts: ['officer.'],
      pageData: data.script,
      wide: true,
    });
    await sendPage(res, 'officer/dossier', frame, data);
  });

  return router;
}

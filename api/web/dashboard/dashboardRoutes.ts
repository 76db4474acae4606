import { Router, type Request } from 'express';
import { localDate } from '../../../engine/index.js';
import { actorOf } from '../../routes/actorOf.js';
import type { Services } from '../../services.js';
import { translate } from '../i18n.js';
import { frameFor, languageFor, requirePageUser, sendPage } from '../pages.js';
import { filtersQuery, readFilters } from './dashboardFilters.js';
import { dashboardPageData, dashboardView } from './dashboardPage.js';
import { catalogueOptions } from './filterOptions.js';

export const DASHBOARD_PATH = '/bao-cao';

/**
 * The auditors' dashboard. The server checks the filters against what the
 * person may see and renders the form and the sections' frames; the
 * `dashboard` bundle then reads the report API with the same query the
 * address holds, so a view can be bookmarked and shared.
 */
export function dashboardRoutes(services: Services): Router {
  const router = Router();

  router.get(DASHBOARD_PATH, requirePageUser('auditor', 'admin'), async (req, res) => {
    const language = languageFor(req);
    const options = catalogueOptions(actorOf(req), services.catalogue());
    const today = localDate(services.clock.now(), services.calendar.data.utcOffsetMinutes);
    const read = readFilters(queryOf(req), {
      unitIds: options.units.map((u) => u.id),
      procedureCodes: options.procedures.map((p) => p.code),
      fields: options.fields,
      today,
    });
    if (read.fromForm && read.problems.length === 0) {
      // The form's many fields become the short address the report API also reads.
      res.redirect(303, `${DASHBOARD_PATH}?${filtersQuery(read.filters)}`);
      return;
    }
    if (read.problems.length > 0) res.status(400);
    const frame = frameFor(req, {
      language,
      title: translate(language, 'dashboard.title'),
      scripts: ['dashboard'],
      styles: ['dashboard'],
      clientTexts: ['dashboard.'],
      pageData: read.problems.length ? undefined : dashboardPageData(read, options, language),
      wide: true,
    });
    await sendPage(res, 'dashboard/index', frame, dashboardView(read, options, language, today));
  });

  return router;
}

/** The query's single values; a parameter sent twice counts as not sent. */
function queryOf(req: Request): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(req.query).map(([name, value]) => [name, typeof value === 'string' ? value : undefined]));
}

import { Router, type Request } from 'express';
import { queryFlag, queryString, param } from '../../http/input.js';
import type { Catalogue } from '../../catalogue/index.js';
import type { Services } from '../../services.js';
import { translate } from '../i18n.js';
import { frameFor, languageFor, requirePageUser, sendNotFound, sendPage } from '../pages.js';

/** A procedure code as the designer API accepts it for a new procedure. */
export const PROCEDURE_CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** What the work screen's script starts from. */
export interface StudioPageData {
  readonly code: string;
  /** The version to open; null opens the latest. */
  readonly version: number | null;
  /** A procedure that exists only in the browser until its first deployment. */
  readonly isNew: boolean;
  /** The procedure's name (as typed, for a new one). */
  readonly name: string;
}

const DESIGNER_KINDS = ['designer', 'admin'] as const;

/**
 * The procedure designer's pages: the list of procedures (`/thiet-ke`) and the work
 * screen of one procedure (`/thiet-ke/:code`). Both are shells the `studio` bundle
 * fills from the designer API; the server only decides who may see them and whether
 * the procedure exists.
 */
export function studioRoutes(services: Services): Router {
  const router = Router();

  router.get('/thiet-ke', requirePageUser(...DESIGNER_KINDS), async (req, res) => {
    const language = languageFor(req);
    const title = translate(language, 'studio.list.title');
    await sendPage(res, 'studio/list', frameFor(req, { language, title, scripts: ['studio'], styles: ['studio'], clientTexts: ['studio.'] }), {});
  });

  router.get('/thiet-ke/:code', requirePageUser(...DESIGNER_KINDS), async (req, res) => {
    const data = workScreenData(req, (code, version) => nameOf(services.catalogue(), code, version));
    if (!data) {
      await sendNotFound(req, res);
      return;
    }
    const language = languageFor(req);
    const title = translate(language, 'studio.work.title', { name: data.name || data.code });
    const frame = frameFor(req, { language, title, wide: true, scripts: ['studio'], styles: ['studio'], clientTexts: ['studio.', 'formBuilder.'], pageData: data });
    await sendPage(res, 'studio/work', frame, { procedure: data });
  });

  return router;
}

/**
 * The work screen's starting point, or undefined for a 404: an existing procedure (at
 * `?version=N` or its latest), or a new one (`?moi=1&ten=…`) whose code is free and well formed.
 */
function workScreenData(req: Request, lookup: (code: string, version: number | null) => string | undefined): StudioPageData | undefined {
  const code = param(req, 'code');
  const versionText = queryString(req, 'version');
  const version = versionText === undefined ? null : Number(versionText);
  if (version !== null && !(Number.isInteger(version) && version > 0)) return undefined;
  const name = lookup(code, version);
  if (name !== undefined) return { code, version, isNew: false, name };
  if (version !== null || !queryFlag(req, 'moi') || !PROCEDURE_CODE.test(code)) return undefined;
  return { code, version: null, isNew: true, name: (queryString(req, 'ten') ?? '').trim().slice(0, 300) };
}

/** The name of the procedure (at that version, when one is asked for), or undefined when there is none. */
function nameOf(catalogue: Catalogue, code: string, version: number | null): string | undefined {
  const latest = catalogue.procedure(code);
  if (!latest || version === null) return latest?.metadata.name;
  try {
    return catalogue.procedureVersion(code, version).metadata.name;
  } catch {
    return undefined;
  }
}

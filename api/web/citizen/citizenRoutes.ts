import { Router, type Request } from 'express';
import QRCode from 'qrcode';
import { lookupUrl } from '../../dossiers/index.js';
import { AppError } from '../../errors.js';
import { param, queryString } from '../../http/input.js';
import { rateLimit } from '../../http/rateLimit.js';
import { renderDossierDocument } from '../../routes/documentRoutes.js';
import type { Services } from '../../services.js';
import { translate } from '../i18n.js';
import { frameFor, languageFor, sendNotFound, sendPage } from '../pages.js';
import { submissionPageData, uploadLimits } from './submissionPageData.js';

/** Dossier codes as the desks issue them (`000.00.16.H56-260213-0042`); anything else is not a page. */
const DOSSIER_CODE = /^[\w.-]{1,64}$/;

/** The notices an applicant may print from the portal: receipt (01), supplement request (02), refusal (03). */
const PRINTABLE_FORMS = new Set(['01', '02', '03']);

/**
 * The citizens' dossier pages: online submission, the receipt after it, the look-up
 * with its actions (supplement, withdrawal, rating) and the printable notices.
 *
 * Citizens have no account: a dossier is theirs when they give its code with the
 * identity number (or phone) they declared. Pages never carry that proof in their
 * address: the scripts keep it in the tab's sessionStorage and send it to the public
 * API, and the printable notices are fetched with a form POST.
 */
export function citizenRoutes(services: Services): Router {
  const router = Router();
  const limited = rateLimit({ windowMs: 60_000, max: services.config.publicRequestsPerMinute });

  router.get('/nop-ho-so/:code', async (req, res) => {
    const language = languageFor(req);
    const procedure = services.catalogue().procedure(param(req, 'code'));
    if (!procedure) {
      await sendNotFound(req, res);
      return;
    }
    const data = submissionPageData(services, procedure);
    const title = translate(language, 'citizen.submit.title', { name: procedure.metadata.name });
    await sendPage(res, 'citizen/submit', citizenFrame(req, title, data), { procedure: procedure.metadata, agencies: data.agencies });
  });

  router.get('/ho-so/:code/bien-nhan', async (req, res) => {
    const code = param(req, 'code');
    if (!DOSSIER_CODE.test(code)) {
      await sendNotFound(req, res);
      return;
    }
    const language = languageFor(req);
    const address = lookupUrl(services.config.publicBaseUrl, code);
    const qrCode = await QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    await sendPage(res, 'citizen/receipt', citizenFrame(req, translate(language, 'citizen.receipt.title'), { code }), { code, lookupUrl: address, qrCode });
  });

  router.get('/tra-cuu', async (req, res) => {
    const language = languageFor(req);
    const code = queryString(req, 'ma') ?? '';
    const data = { code, uploads: uploadLimits(services) };
    await sendPage(res, 'citizen/lookup', citizenFrame(req, translate(language, 'citizen.lookup.title'), data), { code });
  });

  // A form POST, not a link: the identity number must not end up in the browser's history or a proxy's log.
  router.post('/ho-so/:code/phieu/:form', limited, async (req, res) => {
    const form = param(req, 'form');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const proof = { idNumber: textOf(body.idNumber), phone: textOf(body.phone) };
    try {
      if (!PRINTABLE_FORMS.has(form)) throw new AppError('NOT_FOUND', 'Không có mẫu phiếu này.');
      const dossier = await services.queries.applicantDossier(param(req, 'code'), proof);
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(await renderDossierDocument(services, dossier, form));
    } catch (error) {
      if (!(error instanceof AppError) || !['NOT_FOUND', 'VALIDATION_FAILED'].includes(error.code)) throw error;
      await sendNotFound(req, res);
    }
  });

  return router;
}

function citizenFrame(req: Request, title: string, pageData: unknown) {
  return frameFor(req, { title, scripts: ['citizen'], styles: ['citizen'], clientTexts: ['citizen.'], pageData });
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

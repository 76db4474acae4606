import { Router } from 'express';
import { citizenActor, lookupUrl } from '../dossiers/index.js';
import { AppError } from '../errors.js';
import { bodyOf, FieldCheck, queryString, param } from '../http/input.js';
import { rateLimit } from '../http/rateLimit.js';
import { singleUpload } from '../http/upload.js';
import type { Services } from '../services.js';
import { renderDossierDocument } from './documentRoutes.js';

/**
 * The citizen portal's API: submission without an account, look-up by code and
 * identity number (or phone), supplement upload, withdrawal and rating. Every
 * action on an existing dossier proves ownership the same way as the look-up.
 */
export function publicRoutes(services: Services): Router {
  const router = Router();
  const limited = rateLimit({ windowMs: 60_000, max: services.config.publicRequestsPerMinute });

  router.post('/api/public/dossiers', limited, async (req, res) => {
    const body = bodyOf(req);
    const check = new FieldCheck();
    const procedure = check.string(body, 'procedure', 'Thủ tục');
    const applicant = check.object(body, 'applicant', 'Người nộp hồ sơ');
    const formData = check.object(body, 'formData', 'Dữ liệu tờ khai');
    const agency = check.string(body, 'agency', 'Nơi tiếp nhận', { optional: true });
    check.done('Dữ liệu hồ sơ chưa hợp lệ; vui lòng kiểm tra các trường được đánh dấu.');
    const applicantData = applicant as unknown as { name: string; idNumber: string; phone?: string; email?: string; address?: string };
    const dossier = await services.dossiers.submit(
      citizenActor(typeof applicantData.name === 'string' ? applicantData.name : ''),
      { procedure: procedure!, applicant: applicantData, formData: formData!, ...(agency ? { agency } : {}) },
      2,
    );
    services.metrics.dossierActions.inc({ action: 'submit' });
    res.status(201).json({ code: dossier.code, status: dossier.status, statusName: 'Mới đăng ký', lookupUrl: lookupUrl(services.config.publicBaseUrl, dossier.code) });
  });

  router.get('/api/public/dossiers/:code', limited, async (req, res) => {
    const idNumber = queryString(req, 'idNumber');
    const phone = queryString(req, 'phone');
    res.json(await services.queries.publicView(param(req, 'code'), { ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) }));
  });

  router.get('/api/public/dossiers/:code/documents/:form', limited, async (req, res) => {
    const proof = { idNumber: queryString(req, 'idNumber'), phone: queryString(req, 'phone') };
    const dossier = await services.queries.applicantDossier(param(req, 'code'), proof);
    // Applicants print what was issued to them: the receipt and the notices, not the internal sheets.
    if (!['01', '02', '03', '04', '05'].includes(param(req, 'form'))) throw new AppError('NOT_FOUND', 'Không tìm thấy mẫu phiếu.');
    const page = await renderDossierDocument(services, dossier, param(req, 'form'));
    res.type('html').send(page);
  });

  const owned = async (code: string, body: Record<string, unknown>) => {
    const idNumber = typeof body.idNumber === 'string' ? body.idNumber : undefined;
    const phone = typeof body.phone === 'string' ? body.phone : undefined;
    return services.queries.applicantDossier(code, { idNumber, phone });
  };

  router.post('/api/public/dossiers/:code/attachments', limited, singleUpload({ maxBytes: services.config.maxUploadBytes, types: services.config.allowedUploadTypes }), async (req, res) => {
    const body = bodyOf(req);
    const dossier = await owned(param(req, 'code'), body);
    if (!req.file) throw new AppError('VALIDATION_FAILED', 'Chưa chọn tệp.', { fields: [{ path: '/file', message: 'Trường «Tệp đính kèm» là bắt buộc.' }] });
    const component = typeof body.component === 'string' ? body.component : '';
    const stored = await services.dossiers.attach(citizenActor(dossier.applicant.name), dossier.code, {
      component, fileName: req.file.originalname, mediaType: req.file.mimetype, content: req.file.buffer,
    });
    res.status(201).json(stored);
  });

  router.post('/api/public/dossiers/:code/supplement', limited, async (req, res) => {
    const body = bodyOf(req);
    const dossier = await owned(param(req, 'code'), body);
    const updated = await services.dossiers.provideSupplement(citizenActor(dossier.applicant.name), dossier.code, typeof body.note === 'string' ? body.note : undefined);
    res.json({ code: updated.code, status: updated.status });
  });

  router.post('/api/public/dossiers/:code/withdraw', limited, async (req, res) => {
    const body = bodyOf(req);
    const dossier = await owned(param(req, 'code'), body);
    const updated = await services.dossiers.withdraw(citizenActor(dossier.applicant.name), dossier.code, typeof body.reason === 'string' ? body.reason : undefined);
    res.json({ code: updated.code, status: updated.status });
  });

  router.post('/api/public/dossiers/:code/rating', limited, async (req, res) => {
    const body = bodyOf(req);
    const dossier = await owned(param(req, 'code'), body);
    const updated = await services.dossiers.rate(citizenActor(dossier.applicant.name), dossier.code, Number(body.rating), typeof body.comment === 'string' ? body.comment : undefined);
    res.json({ code: updated.code, rating: updated.rating });
  });

  return router;
}

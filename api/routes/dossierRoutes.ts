import { Router } from 'express';
import { readAudit } from '../audit/index.js';
import { requireUser } from '../auth/index.js';
import { AppError } from '../errors.js';
import { bodyOf, FieldCheck, param } from '../http/input.js';
import { singleUpload } from '../http/upload.js';
import type { Services } from '../services.js';
import { actorOf } from './actorOf.js';

/** The officers' dossier API; every read goes through the caller's authorisation predicate. */
export function dossierRoutes(services: Services): Router {
  const router = Router();
  const officers = requireUser('officer');
  const readers = requireUser('officer', 'auditor', 'admin');

  router.post('/api/dossiers', officers, async (req, res) => {
    const body = bodyOf(req);
    const check = new FieldCheck();
    const procedure = check.string(body, 'procedure', 'Thủ tục');
    const applicant = check.object(body, 'applicant', 'Người nộp hồ sơ');
    const formData = check.object(body, 'formData', 'Dữ liệu tờ khai');
    const channel = body.channel === undefined ? 1 : Number(body.channel);
    if (channel !== 1 && channel !== 3) check.fields.push({ path: '/channel', message: '«Kênh tiếp nhận» phải là 1 (trực tiếp) hoặc 3 (bưu chính).' });
    if (body.outcome !== undefined && body.outcome !== 'accept') check.fields.push({ path: '/outcome', message: '«Kết quả tiếp nhận» chỉ có thể là accept khi đăng ký.' });
    check.done('Dữ liệu hồ sơ chưa hợp lệ; vui lòng kiểm tra các trường được đánh dấu.');
    const dossier = await services.dossiers.register(actorOf(req), {
      procedure: procedure!,
      applicant: applicant as never,
      formData: formData!,
      channel: channel as 1 | 3,
      ...(body.outcome === 'accept' ? { outcome: 'accept' as const } : {}),
    });
    services.metrics.dossierActions.inc({ action: 'register' });
    res.status(201).json({ code: dossier.code, status: dossier.status, dueAt: dossier.dueAt?.toISOString() ?? null });
  });

  router.get('/api/dossiers/:code', readers, async (req, res) => {
    res.json(await services.queries.officerView(actorOf(req), param(req, 'code')));
  });

  router.get('/api/dossiers/:code/diagram', readers, async (req, res) => {
    res.json(await services.queries.diagram(actorOf(req), param(req, 'code')));
  });

  router.get('/api/dossiers/:code/audit', readers, async (req, res) => {
    const dossier = await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    res.json({ entries: await readAudit(services.db, dossier.code) });
  });

  router.post('/api/dossiers/:code/supplement', officers, async (req, res) => {
    await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    const body = bodyOf(req);
    const updated = await services.dossiers.provideSupplement(actorOf(req), param(req, 'code'), typeof body.note === 'string' ? body.note : undefined);
    res.json({ code: updated.code, status: updated.status, dueAt: updated.dueAt?.toISOString() ?? null });
  });

  router.post('/api/dossiers/:code/withdraw', officers, async (req, res) => {
    await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    const body = bodyOf(req);
    const updated = await services.dossiers.withdraw(actorOf(req), param(req, 'code'), typeof body.reason === 'string' ? body.reason : undefined);
    res.json({ code: updated.code, status: updated.status });
  });

  router.post('/api/dossiers/:code/stop', officers, async (req, res) => {
    await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    const body = bodyOf(req);
    const check = new FieldCheck();
    const reason = check.string(body, 'reason', 'Lý do');
    check.done();
    const updated = await services.dossiers.stop(actorOf(req), param(req, 'code'), reason!);
    res.json({ code: updated.code, status: updated.status });
  });

  router.post('/api/dossiers/:code/apology', officers, async (req, res) => {
    await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    const body = bodyOf(req);
    const check = new FieldCheck();
    const reason = check.string(body, 'reason', 'Lý do');
    const newDueAt = check.instant(body, 'newDueAt', 'Ngày hẹn mới');
    check.done();
    const updated = await services.dossiers.apologize(actorOf(req), param(req, 'code'), { reason: reason!, newDueAt: newDueAt! });
    res.json({ code: updated.code, status: updated.status, dueAt: updated.dueAt?.toISOString() ?? null, originalDueAt: updated.originalDueAt?.toISOString() ?? null });
  });

  router.post(
    '/api/dossiers/:code/attachments',
    officers,
    singleUpload({ maxBytes: services.config.maxUploadBytes, types: services.config.allowedUploadTypes }),
    async (req, res) => {
      await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
      if (!req.file) throw new AppError('VALIDATION_FAILED', 'Chưa chọn tệp.', { fields: [{ path: '/file', message: 'Trường «Tệp đính kèm» là bắt buộc.' }] });
      const body = bodyOf(req);
      const stored = await services.dossiers.attach(actorOf(req), param(req, 'code'), {
        component: typeof body.component === 'string' ? body.component : '',
        fileName: req.file.originalname,
        mediaType: req.file.mimetype,
        content: req.file.buffer,
      });
      res.status(201).json(stored);
    },
  );

  router.get('/api/dossiers/:code/attachments/:id', readers, async (req, res) => {
    const dossier = await services.queries.visibleDossier(actorOf(req), param(req, 'code'));
    const { rows } = await services.db.query<{ file_name: string; media_type: string; content: Uint8Array; sha256: string }>(
      'SELECT file_name, media_type, content, sha256 FROM dossier_attachments WHERE id = $1 AND dossier_id = $2',
      [param(req, 'id'), dossier.id],
    );
    if (!rows[0]) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp.');
    res.setHeader('Content-Type', rows[0].media_type);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(rows[0].file_name)}`);
    res.setHeader('Digest', `sha-256=${Buffer.from(rows[0].sha256, 'hex').toString('base64')}`);
    res.send(Buffer.from(rows[0].content));
  });

  return router;
}

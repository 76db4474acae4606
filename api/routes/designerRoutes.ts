import { Router, type Request } from 'express';
import { requireUser } from '../auth/index.js';
import { checkDraft, deployVersion, diffVersions, listDesignerProcedures, readProcedureVersion, requireVersion, simulateDraft, versionNumber, versionXml } from '../designer/index.js';
import { AppError } from '../errors.js';
import { bodyOf, param, queryString } from '../http/input.js';
import type { Services } from '../services.js';

/** The browser procedure designer: versions, checks, test runs, deploys, differences. Designers and administrators only. */
export function designerRoutes(services: Services): Router {
  const router = Router();
  const designer = requireUser('designer', 'admin');

  router.get('/api/designer/procedures', designer, async (_req, res) => {
    res.json({ procedures: await listDesignerProcedures(services) });
  });

  router.get('/api/designer/procedures/:code', designer, async (req, res) => {
    res.json(await readProcedureVersion(services, param(req, 'code'), versionNumber(queryString(req, 'version'), 'version')));
  });

  router.get('/api/designer/procedures/:code/versions/:version/process.bpmn', designer, async (req, res) => {
    const code = param(req, 'code');
    const version = versionNumber(param(req, 'version'), 'version')!;
    const xml = await versionXml(services, requireVersion(services, code, version));
    res.type('application/xml').setHeader('Content-Disposition', `attachment; filename="${code}-v${version}.bpmn"`);
    res.send(xml);
  });

  router.get('/api/designer/procedures/:code/diff', designer, async (req, res) => {
    res.json(await diffVersions(services, param(req, 'code'), requiredVersion(req, 'from'), requiredVersion(req, 'to')));
  });

  router.post('/api/designer/validate', designer, async (req, res) => {
    const body = bodyOf(req);
    const { ok, problems, metadataProblems, formProblems } = await checkDraft(services, { bpmn: body.bpmn, metadata: body.metadata, form: body.form });
    res.json({ ok, problems, metadataProblems, formProblems });
  });

  router.post('/api/designer/simulate', designer, async (req, res) => {
    res.json({ trace: await simulateDraft(services, bodyOf(req)) });
  });

  router.post('/api/designer/procedures/:code/versions', designer, async (req, res) => {
    const body = bodyOf(req);
    const deployed = await deployVersion(services, req.user!.username, param(req, 'code'), {
      metadata: body.metadata,
      bpmn: body.bpmn,
      form: body.form,
      note: body.note,
    });
    res.status(deployed.isNew ? 201 : 200).json(deployed);
  });

  return router;
}

function requiredVersion(req: Request, name: string): number {
  const version = versionNumber(queryString(req, name), name);
  if (version === undefined) throw new AppError('BAD_REQUEST', `Thiếu tham số «${name}»: số phiên bản cần so sánh.`);
  return version;
}

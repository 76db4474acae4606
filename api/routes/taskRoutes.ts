import { Router } from 'express';
import { requireUser } from '../auth/index.js';
import { AppError } from '../errors.js';
import { bodyOf, FieldCheck, queryFlag, queryString, param } from '../http/input.js';
import type { Services } from '../services.js';
import { actorOf } from './actorOf.js';

/** The inbox: the caller's steps, and the two commands on a step (claim, complete). */
export function taskRoutes(services: Services): Router {
  const router = Router();
  const readers = requireUser('officer', 'auditor', 'admin');
  const officers = requireUser('officer');

  router.get('/api/tasks', readers, async (req, res) => {
    const status = queryString(req, 'status') ?? 'open';
    if (!['open', 'completed', 'all'].includes(status)) {
      throw new AppError('VALIDATION_FAILED', 'Bộ lọc trạng thái không hợp lệ.', { fields: [{ path: '/status', message: '«status» phải là open, completed hoặc all.' }] });
    }
    const procedure = queryString(req, 'procedure');
    const limit = queryString(req, 'limit');
    const offset = queryString(req, 'offset');
    for (const [name, value] of [['limit', limit], ['offset', offset]] as const) {
      if (value !== undefined && !/^\d{1,6}$/.test(value)) {
        throw new AppError('VALIDATION_FAILED', 'Tham số phân trang không hợp lệ.', { fields: [{ path: `/${name}`, message: `«${name}» phải là số nguyên không âm.` }] });
      }
    }
    res.json(
      await services.queries.inbox(actorOf(req), {
        status: status as 'open' | 'completed' | 'all',
        ...(procedure ? { procedure } : {}),
        dueSoon: queryFlag(req, 'dueSoon'),
        overdue: queryFlag(req, 'overdue'),
        assignedToMe: queryFlag(req, 'assignedToMe'),
        ...(limit ? { limit: Number(limit) } : {}),
        ...(offset ? { offset: Number(offset) } : {}),
      }),
    );
  });

  router.get('/api/tasks/:id', readers, async (req, res) => {
    res.json(await services.queries.task(actorOf(req), param(req, 'id')));
  });

  router.post('/api/tasks/:id/claim', officers, async (req, res) => {
    await services.dossiers.claim(actorOf(req), param(req, 'id'));
    res.json(await services.queries.task(actorOf(req), param(req, 'id')));
  });

  router.post('/api/tasks/:id/complete', officers, async (req, res) => {
    const body = bodyOf(req);
    const check = new FieldCheck();
    const outcome = check.string(body, 'outcome', 'Kết quả xử lý');
    const formData = check.object(body, 'formData', 'Dữ liệu xử lý', { optional: true });
    check.done();
    await services.dossiers.complete(actorOf(req), param(req, 'id'), { outcome: outcome!, formData: formData ?? {} });
    services.metrics.dossierActions.inc({ action: `complete:${outcome}` });
    res.json({ id: param(req, 'id'), state: 'completed', outcome });
  });

  return router;
}

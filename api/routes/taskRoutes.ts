import { Router, type Request } from 'express';
import { EngineError } from '../../engine/index.js';
import { requireUser } from '../auth/index.js';
import type { InboxFilter } from '../dossiers/index.js';
import { AppError } from '../errors.js';
import { HTTP_STATUS } from '../http/errorHandler.js';
import { bodyOf, FieldCheck, queryFlag, queryString, param } from '../http/input.js';
import type { Services } from '../services.js';
import { actorOf } from './actorOf.js';

/** How many steps one bulk request may name. */
export const BULK_LIMIT = 100;

/** The inbox: the caller's steps, and the two commands on a step (claim, complete). */
export function taskRoutes(services: Services): Router {
  const router = Router();
  const readers = requireUser('officer', 'auditor', 'admin');
  const officers = requireUser('officer');

  router.get('/api/tasks', readers, async (req, res) => {
    res.json(await services.queries.inbox(actorOf(req), inboxFilter(req)));
  });

  router.get('/api/officers', requireUser('officer', 'admin'), async (req, res) => {
    res.json({ officers: await services.queries.colleagues(actorOf(req), queryString(req, 'agency'), queryString(req, 'role')) });
  });

  // Registered before `/api/tasks/:id/…`, which would otherwise take `bulk` for a step's id.
  router.post('/api/tasks/bulk/claim', officers, async (req, res) => {
    const taskIds = bulkTaskIds(bodyOf(req));
    const actor = actorOf(req);
    res.json({ results: await eachTask(taskIds, (id) => services.dossiers.claim(actor, id).then(() => services.queries.task(actor, id))) });
  });

  router.post('/api/tasks/bulk/reassign', officers, async (req, res) => {
    const body = bodyOf(req);
    const check = new FieldCheck();
    const assignee = check.string(body, 'assignee', 'Cán bộ nhận việc');
    const taskIds = bulkTaskIds(body, check);
    const actor = actorOf(req);
    res.json({ results: await eachTask(taskIds, (id) => services.dossiers.reassign(actor, id, assignee!).then(() => services.queries.task(actor, id, 'agency'))) });
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

/** The inbox's query parameters, checked; a wrong value is a 422 naming the parameter. */
function inboxFilter(req: Request): InboxFilter {
  const check = new FieldCheck();
  const status = queryString(req, 'status') ?? 'open';
  if (!['open', 'completed', 'all'].includes(status)) check.fields.push({ path: '/status', message: '«status» phải là open, completed hoặc all.' });
  const assignee = queryString(req, 'assignee');
  if (assignee !== undefined && !['me', 'none', 'all'].includes(assignee)) check.fields.push({ path: '/assignee', message: '«assignee» phải là me, none hoặc all.' });
  const scope = queryString(req, 'scope');
  if (scope !== undefined && scope !== 'own' && scope !== 'agency') check.fields.push({ path: '/scope', message: '«scope» phải là own hoặc agency.' });
  const order = queryString(req, 'order');
  if (order !== undefined && order !== 'asc' && order !== 'desc') check.fields.push({ path: '/order', message: '«order» phải là asc hoặc desc.' });
  const dossierStatus = (queryString(req, 'dossierStatus') ?? '').split(',').filter(Boolean);
  if (dossierStatus.some((v) => !/^(?:[1-9]|10)$/.test(v))) check.fields.push({ path: '/dossierStatus', message: '«dossierStatus» là các mã trạng thái 1–10, cách nhau bởi dấu phẩy.' });
  const [limit, offset] = ['limit', 'offset'].map((name) => {
    const value = queryString(req, name);
    if (value !== undefined && !/^\d{1,6}$/.test(value)) check.fields.push({ path: `/${name}`, message: `«${name}» phải là số nguyên không âm.` });
    return value === undefined ? undefined : Number(value);
  });
  check.done('Bộ lọc hộp công việc không hợp lệ.');
  const procedure = queryString(req, 'procedure');
  return {
    status: status as 'open' | 'completed' | 'all',
    ...(procedure ? { procedure } : {}),
    ...(dossierStatus.length ? { dossierStatus: dossierStatus.map(Number) } : {}),
    dueSoon: queryFlag(req, 'dueSoon'),
    overdue: queryFlag(req, 'overdue'),
    assignedToMe: queryFlag(req, 'assignedToMe'),
    ...(assignee === 'me' || assignee === 'none' ? { assignee } : {}),
    ...(order ? { order: order as 'asc' | 'desc' } : {}),
    ...(scope === 'agency' ? { scope } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(offset !== undefined ? { offset } : {}),
  };
}

/** `taskIds`: 1 to BULK_LIMIT step ids, each named once. */
function bulkTaskIds(body: Record<string, unknown>, check = new FieldCheck()): string[] {
  const ids = body.taskIds;
  const valid = Array.isArray(ids) && ids.length > 0 && ids.length <= BULK_LIMIT && ids.every((id) => typeof id === 'string' && id !== '');
  if (!valid) check.fields.push({ path: '/taskIds', message: `«Công việc được chọn» phải là danh sách từ 1 đến ${BULK_LIMIT} mã công việc.` });
  check.done('Yêu cầu xử lý hàng loạt chưa hợp lệ.');
  return [...new Set(ids as string[])];
}

/** One answer per step, in the order asked: each step is its own command, so one refusal leaves the others done. */
async function eachTask(taskIds: readonly string[], work: (id: string) => Promise<unknown>) {
  const results = [];
  for (const id of taskIds) {
    try {
      results.push({ id, status: 200, task: await work(id) });
    } catch (error) {
      results.push({ id, ...refusal(error) });
    }
  }
  return results;
}

function refusal(error: unknown): { status: number; error: { code: string; message: string; fields?: readonly { path: string; message: string }[] } } {
  if (error instanceof AppError) {
    return { status: HTTP_STATUS[error.code], error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
  }
  // The step moved on inside the engine between the read and the command: another officer was faster.
  if (error instanceof EngineError) return { status: 409, error: { code: 'CONFLICT', message: 'Hồ sơ vừa được cán bộ khác xử lý; vui lòng tải lại.' } };
  throw error;
}

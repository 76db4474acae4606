import { Router, type Request } from 'express';
import { requireUser } from '../auth/index.js';
import { AppError } from '../errors.js';
import { queryString } from '../http/input.js';
import { report06aCsv, report06aHtml, report06aXlsx } from '../reports/exports/index.js';
import type { ReportInput } from '../reports/index.js';
import type { Services } from '../services.js';
import { actorOf } from './actorOf.js';

const FORMATS = ['json', 'csv', 'xlsx', 'html'] as const;

/**
 * The auditors' reports. Auditors read their agency's subtree, leaders their
 * own unit and below; the scope check is in the report service.
 */
export function reportRoutes(services: Services): Router {
  const router = Router();
  const readers = requireUser('officer', 'auditor', 'admin');

  router.get('/api/reports/06a', readers, async (req, res) => {
    const format = queryString(req, 'format') ?? 'json';
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new AppError('VALIDATION_FAILED', 'Định dạng không hợp lệ.', { fields: [{ path: '/format', message: `«format» phải là một trong: ${FORMATS.join(', ')}.` }] });
    }
    const report = await services.reports.report06a(actorOf(req), reportInput(req));
    const name = `bao-cao-06a_${report.scope.unit.id}_${report.period.from}_${report.period.to}`;
    switch (format) {
      case 'csv':
        res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(report06aCsv(report));
        return;
      case 'xlsx':
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').attachment(`${name}.xlsx`).send(await report06aXlsx(report));
        return;
      case 'html':
        res.type('text/html; charset=utf-8').send(await report06aHtml(report, { place: services.config.place, generatedAt: services.clock.now() }));
        return;
      default:
        res.json(report);
    }
  });

  router.get('/api/reports/06a/cell', readers, async (req, res) => {
    const page = pageOf(req);
    res.json(await services.reports.cell(actorOf(req), { ...reportInput(req), column: queryString(req, 'column'), row: queryString(req, 'row'), ...page }));
  });

  router.get('/api/reports/lateness', readers, async (req, res) => {
    res.json(await services.reports.lateness(actorOf(req), reportInput(req)));
  });

  router.get('/api/reports/766', readers, async (req, res) => {
    res.json(await services.reports.indicators(actorOf(req), reportInput(req)));
  });

  router.get('/api/reports/on-time', readers, async (req, res) => {
    res.json(await services.reports.onTime(actorOf(req), { ...reportInput(req), by: queryString(req, 'by') }));
  });

  return router;
}

function reportInput(req: Request): ReportInput {
  return {
    from: queryString(req, 'from'),
    to: queryString(req, 'to'),
    period: queryString(req, 'period'),
    unit: queryString(req, 'unit'),
    includeChildren: queryString(req, 'includeChildren'),
    level: queryString(req, 'level'),
    procedure: queryString(req, 'procedure'),
    field: queryString(req, 'field'),
    groupBy: queryString(req, 'groupBy'),
  };
}

function pageOf(req: Request): { limit: number; offset: number } {
  const limit = queryString(req, 'limit') ?? '50';
  const offset = queryString(req, 'offset') ?? '0';
  const fields = [];
  if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000) fields.push({ path: '/limit', message: '«limit» phải là số nguyên từ 1 đến 1000.' });
  if (!/^\d{1,7}$/.test(offset)) fields.push({ path: '/offset', message: '«offset» phải là số nguyên không âm.' });
  if (fields.length) throw new AppError('VALIDATION_FAILED', 'Tham số phân trang không hợp lệ.', { fields });
  return { limit: Number(limit), offset: Number(offset) };
}

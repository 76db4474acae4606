import { Router } from 'express';
import type { TimeLimit } from '../../engine/index.js';
import { AppError } from '../errors.js';
import { queryString } from '../http/input.js';
import type { Services } from '../services.js';

/** `GET /api/calendar/due`: the portal shows the expected date before submission. */
export function calendarRoutes(services: Services): Router {
  const router = Router();
  router.get('/api/calendar/due', (req, res) => {
    const fromText = queryString(req, 'from');
    const from = !fromText || fromText === 'now' ? services.clock.now() : new Date(fromText);
    if (Number.isNaN(from.getTime())) throw new AppError('VALIDATION_FAILED', 'Thời điểm bắt đầu không hợp lệ.', { fields: [{ path: '/from', message: '«from» phải là thời điểm ISO 8601.' }] });
    const given = (['workingDays', 'workingHours', 'calendarDays', 'sameDay'] as const).filter((name) => queryString(req, name) !== undefined);
    if (given.length !== 1) {
      throw new AppError('VALIDATION_FAILED', 'Cần đúng một loại thời hạn: workingDays, workingHours, calendarDays hoặc sameDay=true.', {
        fields: [{ path: '/limit', message: 'Chọn một trong workingDays, workingHours, calendarDays, sameDay.' }],
      });
    }
    const unit = given[0]!;
    let limit: TimeLimit;
    if (unit === 'sameDay') limit = { unit: 'sameDay' };
    else {
      const amount = Number(queryString(req, unit));
      // Bounded so a request cannot keep the calendar counting for seconds (about ten years of working time).
      const max = { workingDays: 2500, workingHours: 20000, calendarDays: 3650 }[unit];
      if (!Number.isFinite(amount) || amount < 0 || amount > max || (unit !== 'workingHours' && !Number.isInteger(amount))) {
        throw new AppError('VALIDATION_FAILED', 'Số lượng thời hạn không hợp lệ.', { fields: [{ path: `/${unit}`, message: `«${unit}» phải là số ${unit === 'workingHours' ? 'không âm' : 'nguyên không âm'}, tối đa ${max}.` }] });
      }
      limit = { unit, amount };
    }
    const dueAt = services.calendar.dueDate(from, limit);
    res.json({ from: from.toISOString(), startsAt: services.calendar.normalizeStart(from).toISOString(), dueAt: dueAt.toISOString() });
  });
  return router;
}

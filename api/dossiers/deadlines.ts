import { localDate, type TimeLimit, type WorkingCalendar } from '../../engine/index.js';

export type Timing = 'early' | 'onTime' | 'late';

export const TIMING_LABELS: Record<Timing, string> = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' };

/**
 * Early, on time or late (DOMAIN.md §6): the finish date against the due date,
 * by local calendar date. Nothing due counts as on time.
 */
export function classifyTiming(calendar: WorkingCalendar, finishedAt: Date, dueAt: Date | null): Timing {
  if (!dueAt) return 'onTime';
  const offset = calendar.data.utcOffsetMinutes;
  const finished = localDate(finishedAt, offset);
  const due = localDate(dueAt, offset);
  return finished < due ? 'early' : finished === due ? 'onTime' : 'late';
}

/** A step's share of the limit, from the `timeShare` header: `1d`, `0.5d`, `4h`. */
export function parseTimeShare(value: string | undefined): TimeLimit | undefined {
  const match = value ? /^(\d+(?:\.\d+)?)([dh])$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'd' ? { unit: 'workingDays', amount } : { unit: 'workingHours', amount };
}

/**
 * When a step is due. A model's own due date wins; then the step's share counted
 * from when the step starts (fractional days as working hours); then the dossier's due date.
 */
export function stepDue(calendar: WorkingCalendar, start: Date, options: { modelDue?: Date; timeShare?: string; dossierDue: Date | null }): Date | null {
  if (options.modelDue) return options.modelDue;
  const share = parseTimeShare(options.timeShare);
  if (share?.unit === 'workingDays') {
    return Number.isInteger(share.amount) ? calendar.addWorkingDays(start, share.amount) : calendar.addWorkingHours(start, share.amount * 8);
  }
  if (share?.unit === 'workingHours') return calendar.addWorkingHours(start, share.amount);
  return options.dossierDue;
}

/**
 * The new due date when a supplement requested during processing arrives:
 * `restart` counts the full period again from the arrival; `extend` moves the
 * due date by the working time the dossier waited.
 */
export function resumedDue(
  calendar: WorkingCalendar,
  policy: 'restart' | 'extend',
  limit: TimeLimit,
  dueAt: Date,
  pausedAt: Date,
  resumedAt: Date,
): Date {
  if (policy === 'restart') return calendar.dueDate(resumedAt, limit);
  const waited = Math.max(0, calendar.workingHoursBetween(pausedAt, resumedAt));
  return waited > 0 ? calendar.addWorkingHours(dueAt, waited) : dueAt;
}

/** Flags for lists: overdue once the due instant has passed; due soon when due within the next working day. */
export function deadlineFlags(calendar: WorkingCalendar, now: Date, dueAt: Date | null): { overdue: boolean; dueSoon: boolean } {
  if (!dueAt) return { overdue: false, dueSoon: false };
  if (dueAt.getTime() < now.getTime()) return { overdue: true, dueSoon: false };
  return { overdue: false, dueSoon: dueAt.getTime() <= dueSoonLimit(calendar, now).getTime() };
}

export function dueSoonLimit(calendar: WorkingCalendar, now: Date): Date {
  return calendar.addWorkingDays(now, 1);
}

import type { CalendarData } from './types.js';
import { formatLocalDate, isoWeekday, parseLocalDate } from './localTime.js';

/** Which local days (numbered from 1970-01-01) are worked, and counting over them. */
export interface WorkingDays {
  isWorking(day: number): boolean;
  /** The first working day strictly after `day`. */
  next(day: number): number;
  /** The first working day strictly before `day`. */
  previous(day: number): number;
  /** The n-th working day strictly after `day` (before it when n is negative); `day` itself when n = 0. */
  nth(day: number, n: number): number;
  /** Working days in (a, b]; the negated count of (b, a] when b is before a. */
  countBetween(a: number, b: number): number;
}

/**
 * Longest run of days off that `next` will cross before giving up. Days off are listed one by
 * one, so only data with no working weekday at all could exhaust it — and validation rejects that.
 */
const SEARCH_LIMIT_DAYS = 3660;

/** Compiles already-validated calendar data into day lookups. */
export function compileWorkingDays(data: CalendarData): WorkingDays {
  const weekdays = new Set(data.workingWeekdays);
  const daysOff = new Set(data.daysOff.map((entry) => parseLocalDate(entry.date)!));
  const workedSaturdays = new Set(data.workingSaturdays.map((entry) => parseLocalDate(entry.date)!));

  const isWorking = (day: number): boolean =>
    workedSaturdays.has(day) || (weekdays.has(isoWeekday(day)) && !daysOff.has(day));

  const next = (day: number): number => {
    for (let candidate = day + 1; candidate <= day + SEARCH_LIMIT_DAYS; candidate++) {
      if (isWorking(candidate)) return candidate;
    }
    throw new RangeError(
      `Expected a working day within ${SEARCH_LIMIT_DAYS} days after ${formatLocalDate(day)}, but found none`,
    );
  };

  const previous = (day: number): number => {
    for (let candidate = day - 1; candidate >= day - SEARCH_LIMIT_DAYS; candidate--) {
      if (isWorking(candidate)) return candidate;
    }
    throw new RangeError(
      `Expected a working day within ${SEARCH_LIMIT_DAYS} days before ${formatLocalDate(day)}, but found none`,
    );
  };

  const nth = (day: number, n: number): number => {
    let current = day;
    const step = n < 0 ? previous : next;
    for (let i = 0; i < Math.abs(n); i++) current = step(current);
    return current;
  };

  const countBetween = (a: number, b: number): number => {
    if (b < a) return -countBetween(b, a);
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (isWorking(day)) count++;
    return count;
  };

  return { isWorking, next, previous, nth, countBetween };
}

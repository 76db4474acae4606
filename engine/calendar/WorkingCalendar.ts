import type { CalendarData, TimeLimit, WorkingCalendar } from './types.js';
import {
  HOUR_MS,
  type LocalMoment,
  fromLocalMoment,
  parseClock,
  parseLocalDate,
  toLocalMoment,
} from './localTime.js';
import { InvalidCalendarDataError, validateCalendarData } from './validateCalendarData.js';
import { compileWorkingDays } from './workingDays.js';
import { compileWorkingTime } from './workingTime.js';

type DueDateRule<U extends TimeLimit['unit']> = (
  received: Date,
  limit: Extract<TimeLimit, { unit: U }>,
) => Date;

/** Builds a calendar from data; throws `InvalidCalendarDataError` listing every problem in it. */
export function createCalendar(data: CalendarData): WorkingCalendar {
  const problems = validateCalendarData(data);
  if (problems.length > 0) throw new InvalidCalendarDataError(problems);

  const days = compileWorkingDays(data);
  const time = compileWorkingTime(data, days);
  const cutoff = parseClock(data.sameDayCutoff)!;
  const split = (instant: Date): LocalMoment => toLocalMoment(instant, data.utcOffsetMinutes);
  const join = (moment: LocalMoment): Date =>
    fromLocalMoment(moment.day, moment.msOfDay, data.utcOffsetMinutes);
  const closingOf = (day: number): Date => join({ day, msOfDay: time.closing });

  const isWorkingDay = (day: string | Date): boolean => {
    if (day instanceof Date) return days.isWorking(split(day).day);
    const parsed = parseLocalDate(day);
    if (parsed === undefined) {
      throw new RangeError(`Expected a local date YYYY-MM-DD, but got '${day}'`);
    }
    return days.isWorking(parsed);
  };

  const addWorkingDays = (from: Date, amount: number): Date => {
    assertWholeNumber(amount, 'working days');
    // The normalised time of day lies inside a period, so it exists on every working day.
    // Counting back from a deadline keeps a 17:00 deadline at 17:00 instead of moving it to the next morning.
    const start = amount < 0 ? time.normalizeBackward(split(from)) : time.normalize(split(from));
    return join({ day: days.nth(start.day, amount), msOfDay: start.msOfDay });
  };

  const addWorkingHours = (from: Date, hours: number): Date => {
    assertHours(hours);
    return join(time.addMs(split(from), Math.round(hours * HOUR_MS)));
  };

  const addCalendarDays = (from: Date, amount: number): Date => {
    assertWholeDays(amount, 'calendar days');
    // The clock starts at the normalised reception (DOMAIN §5) for calendar days too.
    const start = time.normalize(split(from));
    const day = start.day + amount;
    return days.isWorking(day) ? join({ day, msOfDay: start.msOfDay }) : closingOf(days.next(day));
  };

  const sameDayDue = (received: Date): Date => {
    const { day, msOfDay } = split(received);
    return days.isWorking(day) && msOfDay < cutoff ? closingOf(day) : closingOf(days.next(day));
  };

  const dueDateRules: { readonly [U in TimeLimit['unit']]: DueDateRule<U> } = {
    workingDays: (received, limit) => addWorkingDays(received, limit.amount),
    workingHours: (received, limit) => addWorkingHours(received, limit.amount),
    calendarDays: (received, limit) => addCalendarDays(received, limit.amount),
    sameDay: (received) => sameDayDue(received),
  };

  const dueDate = (received: Date, limit: TimeLimit): Date => {
    if ('amount' in limit && !(limit.amount >= 0)) {
      throw new RangeError(`Expected a legal time limit of 0 or more ${limit.unit}, but got ${String(limit.amount)}`);
    }
    // Limits also arrive from JSON process definitions, where the unit is not type-checked.
    if (!Object.hasOwn(dueDateRules, limit.unit)) {
      throw new RangeError(
        `Expected a time limit unit of ${Object.keys(dueDateRules).join(', ')}, but got '${String(limit.unit)}'`,
      );
    }
    const rule = dueDateRules[limit.unit] as DueDateRule<TimeLimit['unit']>;
    return rule(received, limit);
  };

  const workingHoursBetween = (a: Date, b: Date): number => {
    if (b.getTime() < a.getTime()) return -workingHoursBetween(b, a);
    return time.msBetween(split(a), split(b)) / HOUR_MS;
  };

  return {
    data,
    isWorkingDay,
    isWorkingTime: (instant) => time.isInside(split(instant)),
    normalizeStart: (instant) => join(time.normalize(split(instant))),
    addWorkingDays,
    addWorkingHours,
    addCalendarDays,
    sameDayDue,
    dueDate,
    workingDaysBetween: (a, b) => days.countBetween(split(a).day, split(b).day),
    workingHoursBetween,
  };
}

function assertWholeDays(amount: number, unit: string): void {
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`Expected a whole number of ${unit} ≥ 0, but got ${String(amount)}`);
  }
}

function assertWholeNumber(amount: number, unit: string): void {
  if (!Number.isInteger(amount)) {
    throw new RangeError(`Expected a whole number of ${unit}, but got ${String(amount)}`);
  }
}

function assertHours(hours: number): void {
  if (!Number.isFinite(hours)) {
    throw new RangeError(`Expected a finite number of working hours, but got ${String(hours)}`);
  }
}

import { localDate, localInstant, localTime } from '../../../engine/calendar/index.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MOMENT_PATTERN = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(?::(\d{2}))?$/;

/**
 * The Vietnam-local instant written as `'Fri 2026-02-13 10:00'` (seconds optional). The weekday
 * is checked against the date, so a slip in a hand-computed table fails loudly instead of
 * silently testing another day.
 */
export function at(text: string): Date {
  const match = MOMENT_PATTERN.exec(text);
  if (match === null) throw new Error(`Expected a moment like 'Fri 2026-02-13 10:00', but got '${text}'`);
  const [, weekday, date, time, seconds] = match as unknown as [string, string, string, string, string?];
  const actualWeekday = weekdayOf(date);
  if (actualWeekday !== weekday) {
    throw new Error(`Expected ${date} to be a ${weekday}, but it is a ${actualWeekday}`);
  }
  return new Date(localInstant(date, time).getTime() + Number(seconds ?? 0) * 1000);
}

/** An instant written the way `at` reads it, so expectations compare as readable strings. */
export function show(instant: Date): string {
  const date = localDate(instant);
  const seconds = Math.floor(instant.getTime() / 1000) % 60;
  const suffix = seconds === 0 ? '' : `:${String(seconds).padStart(2, '0')}`;
  return `${weekdayOf(date)} ${date} ${localTime(instant)}${suffix}`;
}

function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

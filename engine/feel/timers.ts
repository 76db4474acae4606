/**
 * ISO 8601 parsing for BPMN timers: durations (`timeDuration`), repeating
 * intervals (`timeCycle`) and date-times (`timeDate`).
 *
 * Every parser returns a result instead of throwing, so the runtime can turn a
 * bad timer definition into an incident that names the element.
 */

import { parseDateTime } from 'feelin';

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * An ISO 8601 duration. Weeks are folded into days (`P2W` = 14 days). Only the
 * time parts (hours, minutes, seconds) may be fractional.
 */
export interface IsoDuration {
  readonly negative: boolean;
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** A BPMN time cycle: how often, optionally from when, and how far apart. */
export interface TimeCycle {
  readonly repetitions: number | 'infinite';
  readonly start?: Date;
  readonly interval: IsoDuration;
}

const MS_PER_MINUTE = 60_000;
const DEFAULT_UTC_OFFSET_MINUTES = 420;

const DURATION_EXAMPLES = "such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S'";
const DURATION_PATTERN =
  /^([+-])?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

export function parseIsoDuration(text: string): ParseResult<IsoDuration> {
  const source = text.trim();
  const expectation = `Expected an ISO 8601 duration ${DURATION_EXAMPLES}`;
  if (source === '') {
    return { ok: false, message: `${expectation}, but got an empty string` };
  }
  const match = DURATION_PATTERN.exec(source.toUpperCase());
  if (!match) {
    return { ok: false, message: `${expectation}, but got '${text}'` };
  }
  const [, sign, years, months, weeks, days, hours, minutes, seconds] = match;
  if ([years, months, weeks, days, hours, minutes, seconds].every((part) => part === undefined)) {
    return { ok: false, message: `${expectation}, but '${text}' has no amount in it` };
  }
  if (/T$/i.test(source)) {
    return { ok: false, message: `${expectation}, but '${text}' has nothing after 'T'` };
  }
  const number = (part: string | undefined): number => (part === undefined ? 0 : Number(part.replace(',', '.')));
  return {
    ok: true,
    value: {
      negative: sign === '-',
      years: number(years),
      months: number(months),
      days: number(weeks) * 7 + number(days),
      hours: number(hours),
      minutes: number(minutes),
      seconds: number(seconds),
    },
  };
}

/**
 * Add a duration to an instant the way a clerk reads it: years, months and days
 * move the local calendar date (a month from 31 January is the last day of
 * February), hours, minutes and seconds are exact elapsed time.
 */
export function addDuration(instant: Date, duration: IsoDuration, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): Date {
  const sign = duration.negative ? -1 : 1;
  const offsetMs = utcOffsetMinutes * MS_PER_MINUTE;
  const local = new Date(instant.getTime() + offsetMs);

  const monthIndex = local.getUTCFullYear() * 12 + local.getUTCMonth() + sign * (duration.years * 12 + duration.months);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const day = Math.min(local.getUTCDate(), daysInMonth(year, month));

  const shifted = new Date(local.getTime());
  shifted.setUTCFullYear(year, month, day + sign * duration.days);
  const elapsedMs = Math.round((duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000);
  return new Date(shifted.getTime() + sign * elapsedMs - offsetMs);
}

/** Length of a duration in milliseconds, measured from `instant` (months and years vary in length). */
export function durationMillis(instant: Date, duration: IsoDuration, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return addDuration(instant, duration, utcOffsetMinutes).getTime() - instant.getTime();
}

const CYCLE_EXAMPLES = "such as 'R/P1D', 'R5/PT10S' or 'R3/2026-01-01T07:00:00+07:00/P1D'";

export function parseTimeCycle(text: string, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): ParseResult<TimeCycle> {
  const source = text.trim();
  const expectation = `Expected an ISO 8601 repeating interval ${CYCLE_EXAMPLES}`;
  if (looksLikeCron(source)) {
    return {
      ok: false,
      message: `${expectation}, but got the cron expression '${text}'; cron time cycles are not supported`,
    };
  }
  const match = /^R(\d*)\/(.+)$/i.exec(source);
  if (!match) {
    return { ok: false, message: `${expectation}, but got '${text}'` };
  }
  const [, count, rest] = match;
  const repetitions = count === '' ? 'infinite' : Number(count);
  const parts = rest.split('/');
  if (parts.length > 2) {
    return { ok: false, message: `${expectation}, but '${text}' has more than a start and an interval` };
  }
  const intervalText = parts[parts.length - 1];
  const interval = parseIsoDuration(intervalText);
  if (!interval.ok) {
    return { ok: false, message: `${expectation}, but its interval '${intervalText}' is not valid: ${interval.message}` };
  }
  if (interval.value.negative || durationMillis(new Date(0), interval.value, utcOffsetMinutes) <= 0) {
    return { ok: false, message: `${expectation}, but the interval '${intervalText}' is not longer than zero` };
  }
  if (parts.length === 1) {
    return { ok: true, value: { repetitions, interval: interval.value } };
  }
  const start = parseTimeDate(parts[0], utcOffsetMinutes);
  if (!start.ok) {
    return { ok: false, message: `${expectation}, but its start '${parts[0]}' is not valid: ${start.message}` };
  }
  return { ok: true, value: { repetitions, start: start.value, interval: interval.value } };
}

const DATE_TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?(?:\[([^\]]+)\])?$/i;

/**
 * Parse an ISO 8601 date-time. The offset (or `Z`) decides the instant; a
 * date-time without one is local time in the given offset, a bare date is the
 * start of that local day, and a zone name alone (`…[Asia/Ho_Chi_Minh]` or
 * `…@Asia/Ho_Chi_Minh`) is resolved through the time zone database.
 */
export function parseTimeDate(text: string, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): ParseResult<Date> {
  const source = text.trim();
  const expectation = "Expected an ISO 8601 date-time such as '2026-02-13T10:00:00+07:00'";
  if (source.includes('@')) {
    return parseZonedFeelDateTime(source, expectation);
  }
  const match = DATE_TIME_PATTERN.exec(source);
  if (!match) {
    return { ok: false, message: `${expectation}, but got '${text}'` };
  }
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset, zone] = match;
  if (offset === undefined && zone !== undefined) {
    return parseZonedFeelDateTime(`${source.slice(0, source.indexOf('['))}@${zone}`, expectation);
  }
  const fields = [Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second)] as const;
  const millis = Math.round(Number(`0.${fraction || '0'}`) * 1000);
  const wallClock = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], millis);
  const check = new Date(wallClock);
  if (
    check.getUTCFullYear() !== fields[0] ||
    check.getUTCMonth() !== fields[1] - 1 ||
    check.getUTCDate() !== fields[2] ||
    fields[3] > 23 ||
    fields[4] > 59 ||
    fields[5] > 59
  ) {
    return { ok: false, message: `${expectation}, but '${text}' is not a date or time on the calendar` };
  }
  const offsetMinutes = offset === undefined ? utcOffsetMinutes : parseOffsetMinutes(offset);
  return { ok: true, value: new Date(wallClock - offsetMinutes * MS_PER_MINUTE) };
}

function parseZonedFeelDateTime(source: string, expectation: string): ParseResult<Date> {
  const parsed = parseDateTime(source);
  if (parsed === null || parsed.zone === null) {
    return { ok: false, message: `${expectation}, but got '${source}'` };
  }
  try {
    return { ok: true, value: new Date(parsed.unwrap().toZonedDateTime(parsed.zone).epochMilliseconds) };
  } catch {
    return { ok: false, message: `${expectation}, but the time zone '${parsed.zone}' of '${source}' is unknown` };
  }
}

function parseOffsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') {
    return 0;
  }
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return offset.startsWith('-') ? -minutes : minutes;
}

function daysInMonth(year: number, monthIndex: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, monthIndex + 1, 0);
  return probe.getUTCDate();
}

/** Cron has five to seven space-separated fields; ISO intervals never contain spaces. */
function looksLikeCron(source: string): boolean {
  const fields = source.split(/\s+/);
  return fields.length >= 5 && fields.length <= 7;
}

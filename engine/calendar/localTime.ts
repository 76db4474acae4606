/**
 * Local wall-clock arithmetic for a zone with a fixed offset from UTC.
 *
 * Everything is integer milliseconds: a local moment is a day number (days since
 * 1970-01-01 in the zone) and the milliseconds since that day's local midnight.
 * Integers keep sums exact, and milliseconds (rather than minutes) keep the seconds
 * of system timestamps for online submissions instead of silently dropping them.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Asia/Ho_Chi_Minh has been UTC+07:00 without daylight saving since 1975. */
export const VIETNAM_UTC_OFFSET_MINUTES = 420;

/** A local date (days since 1970-01-01 in the zone) and a time since its local midnight. */
export interface LocalMoment {
  readonly day: number;
  readonly msOfDay: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

export function toLocalMoment(instant: Date, utcOffsetMinutes: number): LocalMoment {
  const utcMs = instant.getTime();
  if (Number.isNaN(utcMs)) {
    throw new RangeError('Expected a valid instant, but got an invalid Date');
  }
  const localMs = utcMs + utcOffsetMinutes * MINUTE_MS;
  const day = Math.floor(localMs / DAY_MS);
  return { day, msOfDay: localMs - day * DAY_MS };
}

export function fromLocalMoment(day: number, msOfDay: number, utcOffsetMinutes: number): Date {
  return new Date(day * DAY_MS + msOfDay - utcOffsetMinutes * MINUTE_MS);
}

/** Day number of a local `YYYY-MM-DD`, or `undefined` when the text is not a real calendar date. */
export function parseLocalDate(text: string): number | undefined {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return undefined;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto the 1900s.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, dayOfMonth);
  // Date rolls 2025-02-30 over to March; a round trip exposes such impossible dates.
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== dayOfMonth) return undefined;
  return Math.floor(probe.getTime() / DAY_MS);
}

export function formatLocalDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Milliseconds since midnight of a local `HH:mm` (`24:00` allowed), or `undefined` when malformed. */
export function parseClock(text: string): number | undefined {
  const match = CLOCK_PATTERN.exec(text);
  if (match === null) return undefined;
  if (match[1] === undefined) return DAY_MS;
  return Number(match[1]) * HOUR_MS + Number(match[2]) * MINUTE_MS;
}

export function formatClock(msOfDay: number): string {
  return `${pad2(Math.floor(msOfDay / HOUR_MS))}:${pad2(Math.floor(msOfDay / MINUTE_MS) % 60)}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  // Day 0, 1970-01-01, was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The local date `YYYY-MM-DD` of an instant. */
export function localDate(instant: Date, utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  return formatLocalDate(toLocalMoment(instant, utcOffsetMinutes).day);
}

/** The local wall-clock time `HH:mm` of an instant. */
export function localTime(instant: Date, utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  return formatClock(toLocalMoment(instant, utcOffsetMinutes).msOfDay);
}

/**
 * An instant as local ISO 8601 with its offset, e.g. `2026-02-13T10:00:00+07:00`.
 * Milliseconds are appended only when present, so whole-second instants read cleanly
 * while no instant loses precision.
 */
export function toLocalIso(instant: Date, utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES): string {
  const { day, msOfDay } = toLocalMoment(instant, utcOffsetMinutes);
  const seconds = pad2(Math.floor(msOfDay / 1000) % 60);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${formatLocalDate(day)}T${formatClock(msOfDay)}:${seconds}${fraction}${formatOffset(utcOffsetMinutes)}`;
}

/** The instant at local date `YYYY-MM-DD` and time `HH:mm` in a zone. */
export function localInstant(
  date: string,
  time: string,
  utcOffsetMinutes = VIETNAM_UTC_OFFSET_MINUTES,
): Date {
  const day = parseLocalDate(date);
  if (day === undefined) {
    throw new RangeError(`Expected a local date YYYY-MM-DD, but got '${date}'`);
  }
  const msOfDay = parseClock(time);
  if (msOfDay === undefined) {
    throw new RangeError(`Expected a local time HH:mm, but got '${time}'`);
  }
  return fromLocalMoment(day, msOfDay, utcOffsetMinutes);
}

function formatOffset(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const magnitude = Math.abs(utcOffsetMinutes);
  return `${sign}${pad2(Math.floor(magnitude / 60))}:${pad2(magnitude % 60)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

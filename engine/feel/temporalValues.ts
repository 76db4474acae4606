/**
 * Bridges between FEEL temporal values (feelin's wrappers) and the engine's
 * instants (`Date`) in the calendar's fixed UTC offset.
 */

import { FeelDate, FeelDateTime, FeelDuration, FeelTime, dateAndTime, parseDate } from 'feelin';
import type { IsoDuration } from './timers.js';
import { parseTimeDate } from './timers.js';

const MS_PER_MINUTE = 60_000;

/** `420` → `+07:00`, `0` → `Z`. */
export function formatUtcOffset(utcOffsetMinutes: number): string {
  if (utcOffsetMinutes === 0) {
    return 'Z';
  }
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const minutes = Math.abs(utcOffsetMinutes);
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The local wall-clock of `instant` rendered as ISO 8601 with the offset, e.g. `2026-02-25T10:00:00+07:00`. */
export function formatInstant(instant: Date, utcOffsetMinutes: number): string {
  const local = new Date(instant.getTime() + utcOffsetMinutes * MS_PER_MINUTE).toISOString();
  const wallClock = local.endsWith('.000Z') ? local.slice(0, -5) : local.slice(0, -1);
  return `${wallClock}${formatUtcOffset(utcOffsetMinutes)}`;
}

/** Local calendar date (`YYYY-MM-DD`) of an instant in the given offset. */
export function localDateOf(instant: Date, utcOffsetMinutes: number): string {
  return new Date(instant.getTime() + utcOffsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 10);
}

export function instantToFeelDateTime(instant: Date, utcOffsetMinutes: number): FeelDateTime {
  const value = dateAndTime(formatInstant(instant, utcOffsetMinutes));
  if (value === null) {
    throw new RangeError(`Cannot represent ${instant.toISOString()} as a FEEL date and time`);
  }
  return value;
}

export function instantToFeelDate(instant: Date, utcOffsetMinutes: number): FeelDate {
  const value = parseDate(localDateOf(instant, utcOffsetMinutes));
  if (value === null) {
    throw new RangeError(`Cannot represent ${instant.toISOString()} as a FEEL date`);
  }
  return value;
}

/**
 * The instant a date-ish value denotes: a FEEL date and time (zone-less values
 * are local time), a FEEL date (start of the local day), a `Date`, or an ISO
 * 8601 string. `null` when the value denotes no instant.
 */
export function toInstant(value: unknown, utcOffsetMinutes: number): Date | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value;
  }
  if (value instanceof FeelDateTime) {
    return feelDateTimeToInstant(value, utcOffsetMinutes);
  }
  if (value instanceof FeelDate) {
    return new Date(Date.UTC(value.year, value.month - 1, value.day) - utcOffsetMinutes * MS_PER_MINUTE);
  }
  if (typeof value === 'string') {
    const parsed = parseTimeDate(value, utcOffsetMinutes);
    return parsed.ok ? parsed.value : null;
  }
  return null;
}

function feelDateTimeToInstant(value: FeelDateTime, utcOffsetMinutes: number): Date | null {
  const wallClock = value.unwrap();
  if (value.zone === null) {
    const utc = Date.UTC(
      wallClock.year,
      wallClock.month - 1,
      wallClock.day,
      wallClock.hour,
      wallClock.minute,
      wallClock.second,
      wallClock.millisecond,
    );
    return new Date(utc - utcOffsetMinutes * MS_PER_MINUTE);
  }
  try {
    return new Date(wallClock.toZonedDateTime(value.zone).epochMilliseconds);
  } catch {
    return null;
  }
}

/**
 * ISO 8601 text of a FEEL date and time. Zoned values keep their offset; a
 * named zone is rendered as its offset at that moment (`@Asia/Ho_Chi_Minh` →
 * `+07:00`), because downstream readers parse offsets, not zone names. A local
 * value stays local, as Zeebe stores it.
 */
export function formatFeelDateTime(value: FeelDateTime): string {
  const wallClock = value.unwrap();
  const text = wallClock.toString();
  if (value.zone === null) {
    return text;
  }
  if (value.zone === 'UTC' || value.zone === 'Z') {
    return `${text}Z`;
  }
  if (/^[+-]\d{2}:\d{2}$/.test(value.zone)) {
    return `${text}${value.zone}`;
  }
  try {
    const offset = wallClock.toZonedDateTime(value.zone).offset;
    return `${text}${offset === '+00:00' ? 'Z' : offset}`;
  } catch {
    return `${text}@${value.zone}`;
  }
}

/** `HH:mm:ss`, with the offset when the time carries one. */
export function formatFeelTime(value: FeelTime): string {
  const text = value.unwrap().toString();
  if (value.zone === null) {
    return text;
  }
  if (value.zone === 'UTC' || value.zone === 'Z') {
    return `${text}Z`;
  }
  return /^[+-]\d{2}:\d{2}$/.test(value.zone) ? `${text}${value.zone}` : text;
}

export function feelDurationToIsoDuration(value: FeelDuration): IsoDuration {
  const raw = value.unwrap();
  const negative = raw.sign < 0;
  const magnitude = (n: number): number => Math.abs(n);
  const fractionalSeconds = magnitude(raw.milliseconds) / 1e3 + magnitude(raw.microseconds) / 1e6 + magnitude(raw.nanoseconds) / 1e9;
  return {
    negative,
    years: magnitude(raw.years),
    months: magnitude(raw.months),
    days: magnitude(raw.weeks) * 7 + magnitude(raw.days),
    hours: magnitude(raw.hours),
    minutes: magnitude(raw.minutes),
    seconds: magnitude(raw.seconds) + fractionalSeconds,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

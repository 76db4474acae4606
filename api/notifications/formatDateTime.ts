import { NotificationError } from './NotificationError.js';

// Viet Nam keeps UTC+07:00 all year, so a fixed offset is exact and no time-zone
// database (nor the machine's zone) is involved.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** `dd/MM/yyyy HH:mm` as read on a clock in Viet Nam. */
export function formatDateTime(value: unknown): string {
  const local = new Date(toInstant(value).getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return (
    `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ` +
    `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`
  );
}

/**
 * A Date, or an ISO 8601 string. A string without an offset is a wall-clock time in
 * Viet Nam: JavaScript would read it in the machine's zone, which differs between an
 * officer's laptop and the server.
 */
export function toInstant(value: unknown): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw invalidDate('an invalid Date');
    return value;
  }
  if (typeof value !== 'string') throw invalidDate(value === undefined ? 'nothing' : `a ${typeof value}`);
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) throw invalidDate(`'${value}'`);
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0', zone] = match;
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  const wallClock = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const check = new Date(wallClock);
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    throw invalidDate(`'${value}'`);
  }
  return new Date(wallClock - offsetMs(zone));
}

function offsetMs(zone: string | undefined): number {
  if (zone === undefined) return VIETNAM_OFFSET_MS;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return (zone.startsWith('-') ? -1 : 1) * minutes * 60 * 1000;
}

function invalidDate(got: string): NotificationError {
  return new NotificationError('INVALID_DATA', `Expected a date (a Date or an ISO 8601 string such as 2026-02-13T09:30:00+07:00), but got ${got}.`);
}

import { FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import { formatFeelDateTime, formatFeelTime, formatInstant } from './temporalValues.js';
import type { JsonValue } from './types.js';

/**
 * Convert a FEEL result to a JSON variable value the way Zeebe stores it:
 * temporal values become ISO 8601 strings, contexts become objects, and what
 * JSON cannot hold (functions, ranges, non-finite numbers) becomes `null`.
 */
export function toJson(value: unknown, utcOffsetMinutes: number): JsonValue {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      return objectToJson(value, utcOffsetMinutes);
    default:
      return null;
  }
}

function objectToJson(value: object, utcOffsetMinutes: number): JsonValue {
  if (Array.isArray(value)) {
    return value.map((item) => toJson(item, utcOffsetMinutes));
  }
  if (value instanceof FeelDateTime) {
    return formatFeelDateTime(value);
  }
  if (value instanceof FeelDate) {
    return value.toString();
  }
  if (value instanceof FeelTime) {
    return formatFeelTime(value);
  }
  if (value instanceof FeelDuration) {
    return value.toString();
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : formatInstant(value, utcOffsetMinutes);
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return null;
  }
  const result: { [key: string]: JsonValue } = {};
  for (const [key, entry] of Object.entries(value)) {
    result[key] = toJson(entry, utcOffsetMinutes);
  }
  return result;
}

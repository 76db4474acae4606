/**
 * Typed reading of model attributes: a FEEL result or a static attribute value
 * becomes the JS value the runtime asked for, or a sentence saying what was
 * expected and what was found.
 */

import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import { describeValue } from './describeValue.js';
import { feelDurationToIsoDuration, toInstant } from './temporalValues.js';
import { parseIsoDuration, parseTimeDate } from './timers.js';
import type { ParseResult } from './timers.js';
import { toJson } from './toJson.js';
import type { ExpectedType, ExpectedValues, JsonValue } from './types.js';

const EXPECTED: Readonly<Record<ExpectedType, string>> = {
  any: 'a FEEL value',
  boolean: 'a FEEL boolean',
  string: 'a FEEL string',
  number: 'a FEEL number',
  list: 'a FEEL list',
  dateTime: 'a FEEL date and time (or an ISO 8601 date-time string)',
  duration: 'a FEEL duration (or an ISO 8601 duration string)',
  stringList: 'a FEEL list of strings (or a comma-separated string)',
};

type Converter<K extends ExpectedType> = (value: unknown, utcOffsetMinutes: number) => ExpectedValues[K] | undefined;

/** `undefined` means "not of this type"; every kind must have a converter, the compiler checks it. */
const FROM_FEEL: { readonly [K in ExpectedType]: Converter<K> } = {
  any: (value, offset) => toJson(value, offset),
  boolean: (value) => (typeof value === 'boolean' ? value : undefined),
  string: (value) => (typeof value === 'string' ? value : undefined),
  number: (value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined),
  list: (value, offset) => (Array.isArray(value) ? (toJson(value, offset) as JsonValue[]) : undefined),
  dateTime: (value, offset) =>
    value instanceof FeelDateTime || value instanceof FeelDate || typeof value === 'string' || value instanceof Date
      ? (toInstant(value, offset) ?? undefined)
      : undefined,
  duration: (value) => {
    if (value instanceof FeelDuration) {
      return feelDurationToIsoDuration(value);
    }
    if (typeof value === 'string') {
      const parsed = parseIsoDuration(value);
      return parsed.ok ? parsed.value : undefined;
    }
    return undefined;
  },
  stringList: (value) => {
    if (typeof value === 'string') {
      return splitCommaSeparated(value);
    }
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? [...value] : undefined;
  },
};

/**
 * @param warnings why parts of the expression became `null`; shown when the
 *   result is `null`, since a missing variable is the usual reason.
 */
export function coerceFeelValue<K extends ExpectedType>(
  value: unknown,
  expected: K,
  what: string,
  utcOffsetMinutes: number,
  warnings: readonly { readonly message: string }[] = [],
): ParseResult<ExpectedValues[K]> {
  const converted = (FROM_FEEL[expected] as Converter<K>)(value, utcOffsetMinutes);
  if (converted !== undefined) {
    return { ok: true, value: converted };
  }
  const why = (value === null || value === undefined) && warnings.length > 0 ? ` (${warnings.map((w) => w.message).join('; ')})` : '';
  return { ok: false, message: `Expected ${what} to be ${EXPECTED[expected]}, but got ${describeValue(value)}${why}` };
}

type StaticConverter<K extends ExpectedType> = (text: string, utcOffsetMinutes: number) => ParseResult<ExpectedValues[K]>;

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Static attribute values are always strings; each kind reads them the way a modeller would mean them. */
const FROM_STATIC: { readonly [K in ExpectedType]: StaticConverter<K> } = {
  any: (text) => ({ ok: true, value: text }),
  string: (text) => ({ ok: true, value: text }),
  boolean: (text) => {
    const trimmed = text.trim();
    return trimmed === 'true' || trimmed === 'false'
      ? { ok: true, value: trimmed === 'true' }
      : { ok: false, message: "a boolean ('true' or 'false')" };
  },
  number: (text) =>
    NUMBER_PATTERN.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, message: 'a number' },
  list: (text) => {
    const list = parseJsonArray(text);
    return list ? { ok: true, value: list } : { ok: false, message: 'a JSON list such as [1, 2]' };
  },
  dateTime: (text, offset) => parseTimeDate(text, offset),
  duration: (text) => parseIsoDuration(text),
  stringList: (text) => ({ ok: true, value: splitCommaSeparated(text) }),
};

export function coerceStaticValue<K extends ExpectedType>(
  text: string,
  expected: K,
  what: string,
  utcOffsetMinutes: number,
): ParseResult<ExpectedValues[K]> {
  const converted = (FROM_STATIC[expected] as StaticConverter<K>)(text, utcOffsetMinutes);
  if (converted.ok) {
    return converted;
  }
  if (expected === 'dateTime' || expected === 'duration') {
    // The parsers already state the expectation ("Expected an ISO 8601 duration …"); name the attribute in it.
    return { ok: false, message: converted.message.replace(/^Expected /, `Expected ${what} to be `) };
  }
  return { ok: false, message: `Expected ${what} to be ${converted.message}, but got the static value '${text}'` };
}

function splitCommaSeparated(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function parseJsonArray(text: string): JsonValue[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as JsonValue[]) : null;
  } catch {
    return null;
  }
}

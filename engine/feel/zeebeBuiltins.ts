/**
 * Camunda FEEL extensions that real Zeebe models use and feelin does not ship,
 * plus `now()` / `today()` rebound to the injected clock (feelin's read the
 * wall clock) and `string join` widened to Zeebe's prefix/suffix form.
 */

import { defineFunction } from './defineFunction.js';
import type { FunctionEnvironment, FunctionTable } from './defineFunction.js';
import { instantToFeelDate, instantToFeelDateTime } from './temporalValues.js';

/** Thrown by `assert(…)`: Zeebe fails the whole evaluation, not just the call. */
export class FeelAssertionError extends Error {
  constructor(readonly reason: string) {
    super(`The assertion failed: ${reason}`);
    this.name = 'FeelAssertionError';
  }
}

export function createZeebeBuiltins(environment: FunctionEnvironment): FunctionTable {
  const { clock, uuid, utcOffsetMinutes } = environment;
  return {
    'is defined': defineFunction(
      { name: 'is defined', parameters: ['value'], required: 0, body: ([value]) => value !== null && value !== undefined },
      environment,
    ),
    'get or else': defineFunction(
      {
        name: 'get or else',
        parameters: ['value', 'default'],
        required: 0,
        body: ([value, fallback]) => value ?? fallback ?? null,
      },
      environment,
    ),
    'string join': defineFunction(
      {
        name: 'string join',
        parameters: ['list', 'delimiter', 'prefix', 'suffix'],
        required: 1,
        body: ([list, delimiter, prefix, suffix], reject) => {
          if (!Array.isArray(list) || list.some((item) => item !== null && typeof item !== 'string')) {
            return reject('list', 'a list of strings', list);
          }
          for (const [name, value] of [['delimiter', delimiter], ['prefix', prefix], ['suffix', suffix]] as const) {
            if (value !== undefined && value !== null && typeof value !== 'string') {
              return reject(name, 'a string', value);
            }
          }
          const joined = list.filter((item) => item !== null).join(asText(delimiter));
          return `${asText(prefix)}${joined}${asText(suffix)}`;
        },
      },
      environment,
    ),
    now: defineFunction(
      { name: 'now', parameters: [], required: 0, body: () => instantToFeelDateTime(clock(), utcOffsetMinutes) },
      environment,
    ),
    today: defineFunction(
      { name: 'today', parameters: [], required: 0, body: () => instantToFeelDate(clock(), utcOffsetMinutes) },
      environment,
    ),
    uuid: defineFunction({ name: 'uuid', parameters: [], required: 0, body: () => uuid() }, environment),
    assert: defineFunction(
      {
        name: 'assert',
        parameters: ['value', 'condition', 'cause'],
        required: 2,
        body: ([value, condition, cause]) => {
          if (condition !== true) {
            throw new FeelAssertionError(typeof cause === 'string' ? cause : 'the condition is not fulfilled');
          }
          return value;
        },
      },
      environment,
    ),
    'is blank': defineFunction(
      {
        name: 'is blank',
        parameters: ['string'],
        required: 1,
        body: ([text], reject) => (typeof text === 'string' ? text.trim() === '' : reject('string', 'a string', text)),
      },
      environment,
    ),
    trim: defineFunction(
      {
        name: 'trim',
        parameters: ['string'],
        required: 1,
        body: ([text], reject) => (typeof text === 'string' ? text.trim() : reject('string', 'a string', text)),
      },
      environment,
    ),
  };
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

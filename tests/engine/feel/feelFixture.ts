import { VIETNAM_CALENDAR_DATA, createCalendar } from '../../../engine/calendar/index.js';
import { createFeel } from '../../../engine/feel/index.js';
import type { Feel } from '../../../engine/feel/index.js';

/** Friday 13 February 2026, 10:00 in Hà Nội: the last working morning before Tết 2026. */
export const FIXED_NOW = '2026-02-13T10:00:00+07:00';

export interface FeelFixtureOptions {
  /** ISO instant the injected clock reports. */
  readonly now?: string;
  /** Values `uuid()` hands out, in order. */
  readonly uuids?: readonly string[];
  /** Replaces the `uuids` sequence, e.g. to count calls. */
  readonly uuid?: () => string;
}

/** A FEEL instance on the nationwide calendar with a fixed clock and predictable ids. */
export function buildFeel(options: FeelFixtureOptions = {}): Feel {
  const now = new Date(options.now ?? FIXED_NOW);
  const uuids = [...(options.uuids ?? ['00000000-0000-4000-8000-000000000001'])];
  let next = 0;
  return createFeel({
    calendar: createCalendar(VIETNAM_CALENDAR_DATA),
    clock: () => now,
    uuid: options.uuid ?? (() => uuids[next++ % uuids.length]),
  });
}

/** Evaluate and return the JSON form of the value, failing loudly when the evaluation itself fails. */
export function evaluateToJson(feel: Feel, source: string, variables: Record<string, unknown> = {}): unknown {
  const result = feel.evaluate(source, variables);
  if (!result.ok) {
    throw new Error(`Unexpected ${result.code}: ${result.message}`);
  }
  return feel.toJson(result.value);
}

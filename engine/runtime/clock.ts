import type { Clock, IdGenerator } from './ports.js';


export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: tests and simulations run exactly and instantly. */
export class VirtualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    const next = new Date(instant).getTime();
    if (Number.isNaN(next)) throw new RangeError(`Expected a valid instant, but got '${String(instant)}'`);
    this.current = next;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * Keys that sort by creation time and are unique across processes sharing a
 * database: 9 base-36 digits of milliseconds, a sequence within the
 * millisecond and 4 random digits that tell processes apart.
 */
export function timeOrderedIds(now: () => number = Date.now): IdGenerator {
  const node = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  let lastMs = 0;
  let seq = 0;
  return () => {
    let ms = Math.max(now(), lastMs);
    if (ms === lastMs) {
      seq += 1;
      if (seq >= 36 ** 3) {
        ms += 1;
        seq = 0;
      }
    } else {
      seq = 0;
    }
    lastMs = ms;
    return ms.toString(36).padStart(9, '0') + seq.toString(36).padStart(3, '0') + node;
  };
}

/** Keys 'k0000001', 'k0000002', …: readable and reproducible, for tests and simulation. */
export function sequentialIds(prefix = 'k'): IdGenerator {
  let next = 0;
  return () => `${prefix}${String(++next).padStart(7, '0')}`;
}

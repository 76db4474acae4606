import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

describe('calendar: addCalendarDays', () => {
  const calendar = vietnamCalendar();

  const cases: [from: string, days: number, due: string, why: string][] = [
    ['Mon 2025-10-06 09:00', 0, 'Mon 2025-10-06 09:00', 'zero days is the start itself'],
    ['Mon 2025-10-06 09:00', 10, 'Thu 2025-10-16 09:00', 'landing on a working day keeps the time'],
    ['Thu 2025-10-02 09:00', 10, 'Mon 2025-10-13 17:00', 'landing on a Sunday rolls to Monday closing'],
    ['Wed 2025-10-01 09:00', 10, 'Mon 2025-10-13 17:00', 'landing on a Saturday rolls to Monday closing'],
    ['Mon 2026-04-20 09:00', 10, 'Mon 2026-05-04 17:00', 'landing on 30 Apr 2026 rolls past 1 May and the weekend'],
    ['Fri 2026-02-06 09:00', 10, 'Mon 2026-02-23 17:00', 'landing in Tết 2026 rolls past it'],
    ['Mon 2025-12-22 09:00', 10, 'Fri 2026-01-02 17:00', 'landing on New Year’s Day 2026'],
    ['Fri 2026-08-21 09:00', 10, 'Thu 2026-09-03 17:00', 'landing on the swapped day 31 Aug 2026'],
    ['Wed 2025-04-16 09:00', 10, 'Sat 2025-04-26 09:00', 'landing on the working Saturday 2025-04-26'],
    ['Mon 2025-10-06 18:00', 10, 'Fri 2025-10-17 07:00', 'received after closing: counted from 07:00 next day'],
    ['Mon 2025-10-06 12:00', 10, 'Thu 2025-10-16 13:30', 'received during lunch: counted from 13:30'],
    ['Sat 2025-10-11 10:00', 10, 'Thu 2025-10-23 07:00', 'received on a Saturday: counted from Monday 07:00'],
    ['Fri 2025-11-07 17:00', 5, 'Mon 2025-11-17 17:00', 'rolled to closing although counted from 07:00'],
    ['Tue 2025-11-11 17:00', 5, 'Mon 2025-11-17 07:00', 'a later reception can fall due earlier the same day'],
  ];

  for (const [from, days, due, why] of cases) {
    it(`should be due ${due} for ${days} calendar day(s) from ${from} (${why})`, () => {
      expect(show(calendar.addCalendarDays(at(from), days))).to.equal(due);
    });
  }

  const refused: [days: number, message: string][] = [
    [-1, 'Expected a whole number of calendar days ≥ 0, but got -1'],
    [2.5, 'Expected a whole number of calendar days ≥ 0, but got 2.5'],
  ];

  for (const [days, message] of refused) {
    it(`should NOT accept ${days} calendar days`, () => {
      expect(() => calendar.addCalendarDays(at('Mon 2025-10-06 10:00'), days)).to.throw(RangeError, message);
    });
  }
});

import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

describe('calendar: addWorkingHours', () => {
  const calendar = vietnamCalendar();

  const cases: [from: string, hours: number, due: string, why: string][] = [
    ['Mon 2025-10-06 07:00', 0, 'Mon 2025-10-06 07:00', 'zero hours is the start itself'],
    ['Mon 2025-10-06 12:10', 0, 'Mon 2025-10-06 13:30', 'zero hours is the normalised start'],
    ['Mon 2025-10-06 07:00', 1, 'Mon 2025-10-06 08:00', 'within the morning'],
    ['Mon 2025-10-06 05:00', 1, 'Mon 2025-10-06 08:00', 'received before opening'],
    ['Mon 2025-10-06 07:00', 4.5, 'Mon 2025-10-06 11:30', 'the whole morning ends at 11:30, not 13:30'],
    ['Mon 2025-10-06 11:00', 0.5, 'Mon 2025-10-06 11:30', 'landing exactly on lunch'],
    ['Mon 2025-10-06 13:30', 3.5, 'Mon 2025-10-06 17:00', 'the whole afternoon ends at 17:00'],
    ['Mon 2025-10-06 07:00', 8, 'Mon 2025-10-06 17:00', 'a whole day ends at 17:00, not 07:00 next day'],
    ['Mon 2025-10-06 07:00', 8.5, 'Tue 2025-10-07 07:30', 'spilling into the next morning'],
    ['Mon 2025-10-06 07:00', 16, 'Tue 2025-10-07 17:00', 'two whole days'],
    ['Mon 2025-10-06 07:00', 40, 'Fri 2025-10-10 17:00', 'a whole week'],
    ['Mon 2025-10-06 10:00', 2, 'Mon 2025-10-06 14:00', 'crossing lunch'],
    ['Mon 2025-10-06 11:00', 0.75, 'Mon 2025-10-06 13:45', 'crossing lunch by a quarter hour'],
    ['Mon 2025-10-06 12:10', 1, 'Mon 2025-10-06 14:30', 'received during lunch'],
    ['Mon 2025-10-06 16:00', 2, 'Tue 2025-10-07 08:00', 'crossing a night'],
    ['Mon 2025-10-06 18:00', 1, 'Tue 2025-10-07 08:00', 'received after closing'],
    ['Fri 2025-10-10 16:00', 1, 'Fri 2025-10-10 17:00', 'ending at Friday closing'],
    ['Fri 2025-10-10 16:00', 2, 'Mon 2025-10-13 08:00', 'crossing a weekend'],
    ['Fri 2025-04-25 16:00', 2, 'Sat 2025-04-26 08:00', 'into the working Saturday 2025-04-26'],
    ['Fri 2026-02-13 16:00', 2, 'Mon 2026-02-23 08:00', 'crossing Tết 2026'],
    ['Wed 2025-12-31 16:30', 1, 'Fri 2026-01-02 07:30', 'crossing New Year’s Day'],
    ['Mon 2025-10-06 10:00', 0.25, 'Mon 2025-10-06 10:15', 'a quarter hour'],
    ['Mon 2025-10-06 10:00', 0.1, 'Mon 2025-10-06 10:06', 'a tenth of an hour'],
    ['Mon 2025-10-06 10:00', 1 / 3, 'Mon 2025-10-06 10:20', 'a third of an hour'],
    ['Mon 2025-10-06 10:00', 1.75, 'Mon 2025-10-06 13:45', 'a fractional amount crossing lunch'],
    ['Mon 2025-10-06 10:00:30', 1, 'Mon 2025-10-06 11:00:30', 'keeping seconds'],
  ];

  for (const [from, hours, due, why] of cases) {
    it(`should be due ${due} for ${hours} working hour(s) from ${from} (${why})`, () => {
      expect(show(calendar.addWorkingHours(at(from), hours))).to.equal(due);
    });
  }

  const backwards: [from: string, hours: number, result: string, why: string][] = [
    ['Tue 2025-10-07 17:00', -1, 'Tue 2025-10-07 16:00', 'within the afternoon'],
    ['Tue 2025-10-07 14:00', -1, 'Tue 2025-10-07 11:00', 'back over lunch'],
    ['Tue 2025-10-07 07:30', -1, 'Mon 2025-10-06 16:30', 'back over the night'],
    ['Mon 2026-02-23 08:00', -2, 'Fri 2026-02-13 16:00', 'back over Tết 2026 and the weekend'],
    ['Tue 2025-10-07 12:00', -0.5, 'Tue 2025-10-07 11:00', 'from lunch, counted from the end of the morning'],
    ['Tue 2025-10-07 14:30', -1, 'Tue 2025-10-07 13:30', 'onto a boundary: the start of the afternoon'],
  ];

  for (const [from, hours, result, why] of backwards) {
    it(`should count ${hours} working hours from ${from} back to ${result} (${why})`, () => {
      expect(show(calendar.addWorkingHours(at(from), hours))).to.equal(result);
    });
  }

  const refused: [hours: number, message: string][] = [
    [Number.NaN, 'Expected a finite number of working hours, but got NaN'],
    [Number.POSITIVE_INFINITY, 'Expected a finite number of working hours, but got Infinity'],
  ];

  for (const [hours, message] of refused) {
    it(`should NOT accept ${hours} working hours`, () => {
      expect(() => calendar.addWorkingHours(at('Mon 2025-10-06 10:00'), hours)).to.throw(RangeError, message);
    });
  }
});

import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at } from './localMoments.js';

describe('calendar: workingDaysBetween', () => {
  const calendar = vietnamCalendar();

  const cases: [a: string, b: string, days: number, why: string][] = [
    ['Fri 2026-02-13 10:00', 'Wed 2026-02-25 10:00', 3, 'across Tết 2026'],
    ['Wed 2026-02-25 10:00', 'Fri 2026-02-13 10:00', -3, 'backwards across Tết 2026'],
    ['Mon 2025-10-06 09:00', 'Mon 2025-10-06 16:00', 0, 'within one day'],
    ['Fri 2025-10-10 10:00', 'Sat 2025-10-11 10:00', 0, 'from Friday to Saturday'],
    ['Fri 2025-10-10 10:00', 'Mon 2025-10-13 10:00', 1, 'from Friday to Monday'],
    ['Fri 2025-10-10 23:00', 'Mon 2025-10-13 06:00', 1, 'whatever the times of day'],
    ['Sat 2025-10-11 10:00', 'Sun 2025-10-12 10:00', 0, 'over a weekend'],
    ['Sat 2025-10-11 10:00', 'Mon 2025-10-13 10:00', 1, 'from a Saturday to Monday'],
    ['Fri 2025-04-25 10:00', 'Sat 2025-04-26 10:00', 1, 'onto the working Saturday 2025-04-26'],
    ['Wed 2025-12-31 10:00', 'Fri 2026-01-02 10:00', 1, 'over New Year’s Day'],
    ['Sun 2023-12-31 12:00', 'Tue 2024-12-31 12:00', 251, 'over all of 2024'],
    ['Tue 2024-12-31 12:00', 'Wed 2025-12-31 12:00', 250, 'over all of 2025'],
    ['Wed 2025-12-31 12:00', 'Thu 2026-12-31 12:00', 250, 'over all of 2026'],
  ];

  for (const [a, b, days, why] of cases) {
    it(`should count ${days} working day(s) from ${a} to ${b} (${why})`, () => {
      expect(calendar.workingDaysBetween(at(a), at(b))).to.equal(days);
    });
  }
});

describe('calendar: workingHoursBetween', () => {
  const calendar = vietnamCalendar();

  const cases: [a: string, b: string, hours: number, why: string][] = [
    ['Mon 2025-10-06 07:00', 'Mon 2025-10-06 17:00', 8, 'a whole working day'],
    ['Mon 2025-10-06 06:00', 'Mon 2025-10-06 18:00', 8, 'a day including time outside office hours'],
    ['Mon 2025-10-06 10:00', 'Mon 2025-10-06 14:00', 2, 'across lunch'],
    ['Mon 2025-10-06 12:00', 'Mon 2025-10-06 13:00', 0, 'within lunch'],
    ['Mon 2025-10-06 11:30', 'Mon 2025-10-06 13:30', 0, 'exactly over lunch'],
    ['Mon 2025-10-06 10:00', 'Mon 2025-10-06 10:00', 0, 'for the same instant'],
    ['Mon 2025-10-06 10:00', 'Mon 2025-10-06 10:20', 1 / 3, 'a third of an hour'],
    ['Fri 2025-10-10 16:00', 'Mon 2025-10-13 08:00', 2, 'across a weekend'],
    ['Mon 2025-10-13 08:00', 'Fri 2025-10-10 16:00', -2, 'backwards across a weekend'],
    ['Sat 2025-10-11 08:00', 'Sun 2025-10-12 16:00', 0, 'within a weekend'],
    ['Fri 2026-02-13 07:00', 'Mon 2026-02-23 07:00', 8, 'across Tết 2026'],
    ['Fri 2025-04-25 17:00', 'Mon 2025-04-28 07:00', 8, 'over the working Saturday 2025-04-26'],
    ['Tue 2024-12-31 12:00', 'Wed 2025-12-31 12:00', 2000, 'over all of 2025'],
  ];

  for (const [a, b, hours, why] of cases) {
    it(`should count ${hours.toFixed(2)} working hour(s) from ${a} to ${b} (${why})`, () => {
      expect(calendar.workingHoursBetween(at(a), at(b))).to.equal(hours);
    });
  }
});

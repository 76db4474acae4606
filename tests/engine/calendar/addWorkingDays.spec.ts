import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

describe('calendar: addWorkingDays', () => {
  const calendar = vietnamCalendar();

  const cases: [from: string, days: number, due: string, why: string][] = [
    ['Mon 2025-10-06 10:00', 0, 'Mon 2025-10-06 10:00', 'zero days is the start itself'],
    ['Mon 2025-10-06 12:10', 0, 'Mon 2025-10-06 13:30', 'zero days is the normalised start'],
    ['Mon 2025-10-06 10:00', 1, 'Tue 2025-10-07 10:00', 'an ordinary week'],
    ['Mon 2025-10-06 10:00', 5, 'Mon 2025-10-13 10:00', 'across a weekend'],
    ['Mon 2025-10-06 10:00:30', 1, 'Tue 2025-10-07 10:00:30', 'keeping seconds'],
    ['Fri 2025-10-10 10:00', 1, 'Mon 2025-10-13 10:00', 'from a Friday'],
    ['Fri 2025-10-10 18:00', 1, 'Tue 2025-10-14 07:00', 'received after closing on a Friday'],
    ['Sat 2025-10-11 10:00', 1, 'Tue 2025-10-14 07:00', 'received on a Saturday'],
    ['Mon 2025-10-06 12:10', 2, 'Wed 2025-10-08 13:30', 'received during lunch'],
    ['Mon 2025-10-06 06:00', 1, 'Tue 2025-10-07 07:00', 'received before opening'],
    ['Fri 2026-02-13 10:00', 3, 'Wed 2026-02-25 10:00', 'over Tết 2026 (16–20 Feb off)'],
    ['Fri 2026-02-13 16:30', 1, 'Mon 2026-02-23 16:30', 'late on the eve of Tết 2026'],
    ['Thu 2026-02-12 10:00', 2, 'Mon 2026-02-23 10:00', 'into Tết 2026'],
    ['Fri 2025-01-24 10:00', 1, 'Mon 2025-02-03 10:00', 'over Tết 2025 (27–31 Jan off)'],
    ['Wed 2024-02-07 10:00', 1, 'Thu 2024-02-15 10:00', 'over Tết 2024 (8–14 Feb off)'],
    ['Fri 2026-04-24 10:00', 1, 'Tue 2026-04-28 10:00', 'over Hùng Kings 2026 (compensatory Mon 27 Apr)'],
    ['Fri 2025-04-04 10:00', 1, 'Tue 2025-04-08 10:00', 'over Hùng Kings 2025 (Mon 7 Apr)'],
    ['Wed 2024-04-17 10:00', 1, 'Fri 2024-04-19 10:00', 'over Hùng Kings 2024 (Thu 18 Apr)'],
    ['Wed 2026-04-29 10:00', 1, 'Mon 2026-05-04 10:00', 'over 30 Apr–1 May 2026'],
    ['Fri 2026-04-24 10:00', 4, 'Tue 2026-05-05 10:00', 'over Hùng Kings and 30 Apr–1 May 2026'],
    ['Fri 2025-04-25 10:00', 1, 'Sat 2025-04-26 10:00', 'onto the working Saturday 2025-04-26'],
    ['Fri 2025-04-25 10:00', 2, 'Mon 2025-04-28 10:00', 'through the working Saturday 2025-04-26'],
    ['Tue 2025-04-29 10:00', 1, 'Mon 2025-05-05 10:00', 'over 30 Apr–2 May 2025'],
    ['Fri 2024-04-26 10:00', 1, 'Thu 2024-05-02 10:00', 'over 29 Apr–1 May 2024'],
    ['Fri 2024-04-26 10:00', 3, 'Sat 2024-05-04 10:00', 'onto the working Saturday 2024-05-04'],
    ['Fri 2025-08-29 10:00', 1, 'Wed 2025-09-03 10:00', 'over Quốc khánh 2025 (1–2 Sep off)'],
    ['Fri 2026-08-21 10:00', 1, 'Sat 2026-08-22 10:00', 'onto the working Saturday 2026-08-22'],
    ['Fri 2026-08-28 10:00', 1, 'Thu 2026-09-03 10:00', 'over Quốc khánh 2026 (31 Aug–2 Sep off)'],
    ['Fri 2024-08-30 10:00', 1, 'Wed 2024-09-04 10:00', 'over Quốc khánh 2024 (2–3 Sep off)'],
    ['Wed 2025-12-31 10:00', 1, 'Fri 2026-01-02 10:00', 'into 2026 over New Year’s Day'],
    ['Tue 2024-12-31 10:00', 1, 'Thu 2025-01-02 10:00', 'into 2025 over New Year’s Day'],
    ['Fri 2023-12-29 10:00', 1, 'Tue 2024-01-02 10:00', 'into 2024 over New Year’s Day'],
    ['Wed 2025-12-31 17:30', 1, 'Mon 2026-01-05 07:00', 'received after closing on New Year’s Eve'],
  ];

  for (const [from, days, due, why] of cases) {
    it(`should be due ${due} for ${days} working day(s) from ${from} (${why})`, () => {
      expect(show(calendar.addWorkingDays(at(from), days))).to.equal(due);
    });
  }

  const backwards: [from: string, days: number, result: string, why: string][] = [
    ['Tue 2025-10-07 17:00', -1, 'Mon 2025-10-06 17:00', 'a 17:00 deadline stays at 17:00 the working day before'],
    ['Mon 2025-10-06 10:00', -1, 'Fri 2025-10-03 10:00', 'back over the weekend'],
    ['Wed 2026-02-25 10:00', -3, 'Fri 2026-02-13 10:00', 'back over Tết 2026'],
    ['Mon 2025-04-28 10:00', -1, 'Sat 2025-04-26 10:00', 'onto the working Saturday 2025-04-26'],
    ['Tue 2025-10-07 18:30', -1, 'Mon 2025-10-06 17:00', 'from after closing, counted from 17:00'],
  ];

  for (const [from, days, result, why] of backwards) {
    it(`should count ${days} working day(s) from ${from} back to ${result} (${why})`, () => {
      expect(show(calendar.addWorkingDays(at(from), days))).to.equal(result);
    });
  }

  const refused: [days: number, message: string][] = [
    [1.5, 'Expected a whole number of working days, but got 1.5'],
    [Number.NaN, 'Expected a whole number of working days, but got NaN'],
    [Number.POSITIVE_INFINITY, 'Expected a whole number of working days, but got Infinity'],
  ];

  for (const [days, message] of refused) {
    it(`should NOT accept ${days} working days`, () => {
      expect(() => calendar.addWorkingDays(at('Mon 2025-10-06 10:00'), days)).to.throw(RangeError, message);
    });
  }
});

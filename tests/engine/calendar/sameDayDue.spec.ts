import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

describe('calendar: sameDayDue', () => {
  const calendar = vietnamCalendar();

  const cases: [received: string, due: string, why: string][] = [
    ['Mon 2025-10-06 09:00', 'Mon 2025-10-06 17:00', 'in the morning'],
    ['Mon 2025-10-06 06:00', 'Mon 2025-10-06 17:00', 'before opening'],
    ['Mon 2025-10-06 12:00', 'Mon 2025-10-06 17:00', 'during lunch'],
    ['Mon 2025-10-06 14:59', 'Mon 2025-10-06 17:00', 'a minute before the cut-off'],
    ['Mon 2025-10-06 15:00', 'Tue 2025-10-07 17:00', 'exactly at the 15:00 cut-off'],
    ['Mon 2025-10-06 15:01', 'Tue 2025-10-07 17:00', 'after the cut-off'],
    ['Mon 2025-10-06 17:30', 'Tue 2025-10-07 17:00', 'after closing'],
    ['Fri 2025-10-10 14:00', 'Fri 2025-10-10 17:00', 'on a Friday before the cut-off'],
    ['Fri 2025-10-10 15:30', 'Mon 2025-10-13 17:00', 'on a Friday after the cut-off'],
    ['Sat 2025-10-11 10:00', 'Mon 2025-10-13 17:00', 'on a Saturday'],
    ['Sun 2025-10-12 08:00', 'Mon 2025-10-13 17:00', 'on a Sunday'],
    ['Tue 2025-09-02 09:00', 'Wed 2025-09-03 17:00', 'on Quốc khánh 2025'],
    ['Fri 2025-08-29 14:00', 'Fri 2025-08-29 17:00', 'on the eve of Quốc khánh 2025 before the cut-off'],
    ['Fri 2025-08-29 15:10', 'Wed 2025-09-03 17:00', 'on the eve of Quốc khánh 2025 after the cut-off'],
    ['Wed 2026-04-29 16:00', 'Mon 2026-05-04 17:00', 'on the eve of 30 Apr 2026 after the cut-off'],
    ['Fri 2026-02-13 15:00', 'Mon 2026-02-23 17:00', 'on the eve of Tết 2026 at the cut-off'],
    ['Wed 2025-12-31 15:30', 'Fri 2026-01-02 17:00', 'on New Year’s Eve after the cut-off'],
    ['Sat 2025-04-26 10:00', 'Sat 2025-04-26 17:00', 'on the working Saturday 2025-04-26'],
    ['Fri 2025-04-25 16:00', 'Sat 2025-04-26 17:00', 'the Friday before a working Saturday, after the cut-off'],
  ];

  for (const [received, due, why] of cases) {
    it(`should be due ${due} for a same-day dossier received ${received} (${why})`, () => {
      expect(show(calendar.sameDayDue(at(received)))).to.equal(due);
    });
  }
});

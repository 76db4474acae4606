import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at, show } from './localMoments.js';

describe('calendar: normalizeStart', () => {
  const calendar = vietnamCalendar();

  const cases: [received: string, start: string, why: string][] = [
    ['Mon 2025-10-06 00:00', 'Mon 2025-10-06 07:00', 'at midnight'],
    ['Mon 2025-10-06 06:30', 'Mon 2025-10-06 07:00', 'before opening'],
    ['Mon 2025-10-06 07:00', 'Mon 2025-10-06 07:00', 'exactly at opening'],
    ['Mon 2025-10-06 09:15', 'Mon 2025-10-06 09:15', 'in the morning period'],
    ['Mon 2025-10-06 09:15:42', 'Mon 2025-10-06 09:15:42', 'in the morning period, keeping seconds'],
    ['Mon 2025-10-06 11:29', 'Mon 2025-10-06 11:29', 'just before lunch'],
    ['Mon 2025-10-06 11:30', 'Mon 2025-10-06 13:30', 'when lunch begins'],
    ['Mon 2025-10-06 12:10', 'Mon 2025-10-06 13:30', 'during lunch'],
    ['Mon 2025-10-06 13:29', 'Mon 2025-10-06 13:30', 'at the end of lunch'],
    ['Mon 2025-10-06 13:30', 'Mon 2025-10-06 13:30', 'exactly when the afternoon opens'],
    ['Mon 2025-10-06 16:59', 'Mon 2025-10-06 16:59', 'just before closing'],
    ['Mon 2025-10-06 17:00', 'Tue 2025-10-07 07:00', 'exactly at closing'],
    ['Mon 2025-10-06 22:45', 'Tue 2025-10-07 07:00', 'in the evening'],
    ['Fri 2025-10-10 17:30', 'Mon 2025-10-13 07:00', 'on a Friday evening'],
    ['Sat 2025-10-11 10:00', 'Mon 2025-10-13 07:00', 'on a Saturday'],
    ['Sun 2025-10-12 23:59', 'Mon 2025-10-13 07:00', 'late on a Sunday'],
    ['Tue 2025-09-02 09:00', 'Wed 2025-09-03 07:00', 'on Quốc khánh 2025'],
    ['Mon 2026-02-16 08:00', 'Mon 2026-02-23 07:00', 'during Tết 2026'],
    ['Mon 2026-04-27 09:00', 'Tue 2026-04-28 07:00', 'on the compensatory day for Hùng Kings 2026'],
    ['Wed 2025-12-31 17:00', 'Fri 2026-01-02 07:00', 'on New Year’s Eve after closing'],
    ['Sat 2025-04-26 06:00', 'Sat 2025-04-26 07:00', 'before opening on the working Saturday 2025-04-26'],
    ['Fri 2025-04-25 18:00', 'Sat 2025-04-26 07:00', 'the evening before the working Saturday 2025-04-26'],
    ['Sat 2026-08-22 12:00', 'Sat 2026-08-22 13:30', 'during lunch on the working Saturday 2026-08-22'],
    ['Sat 2024-05-04 10:00', 'Sat 2024-05-04 10:00', 'in office hours on the working Saturday 2024-05-04'],
  ];

  for (const [received, start, why] of cases) {
    it(`should start the clock at ${start} for a dossier received at ${received} (${why})`, () => {
      expect(show(calendar.normalizeStart(at(received)))).to.equal(start);
    });
  }

  it('should NOT mutate the instant it is given', () => {
    // given
    const received = at('Mon 2025-10-06 12:10');

    // when
    calendar.normalizeStart(received);

    // then
    expect(show(received)).to.equal('Mon 2025-10-06 12:10');
  });

  it('should reject an invalid Date with the expectation', () => {
    expect(() => calendar.normalizeStart(new Date(Number.NaN))).to.throw(
      RangeError,
      'Expected a valid instant, but got an invalid Date',
    );
  });
});

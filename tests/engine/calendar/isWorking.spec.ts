import { expect } from 'chai';
import { vietnamCalendar } from '../../../engine/calendar/index.js';
import { at } from './localMoments.js';

describe('calendar: isWorkingDay', () => {
  const calendar = vietnamCalendar();

  const cases: [day: string, working: boolean, why: string][] = [
    ['2025-10-06', true, 'an ordinary Monday'],
    ['2025-10-11', false, 'an ordinary Saturday'],
    ['2025-10-12', false, 'an ordinary Sunday'],
    ['2025-04-26', true, 'the working Saturday of 2025'],
    ['2026-08-22', true, 'the working Saturday of 2026'],
    ['2024-05-04', true, 'the working Saturday of 2024'],
    ['2026-02-17', false, 'Tết 2026'],
    ['2026-04-27', false, 'the compensatory day for Hùng Kings 2026'],
    ['2026-04-26', false, 'Hùng Kings 2026 itself, a Sunday'],
    ['2026-11-24', true, 'Vietnamese Culture Day, not yet a holiday'],
    ['2027-01-01', true, 'a day beyond the seeded years'],
  ];

  for (const [day, working, why] of cases) {
    it(`should ${working ? '' : 'NOT '}treat ${day} as a working day (${why})`, () => {
      expect(calendar.isWorkingDay(day)).to.equal(working);
    });
  }

  it('should judge an instant by its local date, not its UTC date', () => {
    // given 18:30 UTC on Sunday 15 Feb is 01:30 on Monday 16 Feb in Vietnam, inside Tết
    const instant = new Date('2026-02-15T18:30:00Z');

    // then
    expect(calendar.isWorkingDay(instant)).to.equal(false);
    expect(calendar.isWorkingDay(new Date('2026-02-22T18:30:00Z'))).to.equal(true);
  });

  it('should NOT accept a malformed local date', () => {
    expect(() => calendar.isWorkingDay('2025-13-01')).to.throw(
      RangeError,
      "Expected a local date YYYY-MM-DD, but got '2025-13-01'",
    );
  });
});

describe('calendar: isWorkingTime', () => {
  const calendar = vietnamCalendar();

  const cases: [instant: string, working: boolean, why: string][] = [
    ['Mon 2025-10-06 06:59', false, 'before opening'],
    ['Mon 2025-10-06 07:00', true, 'at opening'],
    ['Mon 2025-10-06 11:29:59', true, 'the last second of the morning'],
    ['Mon 2025-10-06 11:30', false, 'when lunch begins'],
    ['Mon 2025-10-06 13:30', true, 'when the afternoon opens'],
    ['Mon 2025-10-06 16:59:59', true, 'the last second of the day'],
    ['Mon 2025-10-06 17:00', false, 'at closing'],
    ['Sat 2025-10-11 10:00', false, 'on a Saturday'],
    ['Sat 2025-04-26 10:00', true, 'on the working Saturday 2025-04-26'],
    ['Tue 2025-09-02 10:00', false, 'on Quốc khánh 2025'],
  ];

  for (const [instant, working, why] of cases) {
    it(`should ${working ? '' : 'NOT '}treat ${instant} as working time (${why})`, () => {
      expect(calendar.isWorkingTime(at(instant))).to.equal(working);
    });
  }
});

import { expect } from 'chai';
import fc from 'fast-check';
import { localDate, localInstant, localTime, vietnamCalendar } from '../../../engine/calendar/index.js';

/**
 * Laws every due-date computation must obey, checked on random receptions across the seeded
 * years. Working hours are compared in working time (via workingHoursBetween) wherever the
 * boundary representation makes two instants mean the same moment of work (11:30 vs 13:30).
 */
describe('calendar: properties', () => {
  const calendar = vietnamCalendar();
  const closing = '17:00';
  const periodEnds = new Set(['11:30', closing]);

  const FIRST = localInstant('2023-12-25', '00:00').getTime();
  const LAST = localInstant('2026-12-31', '23:59').getTime();

  /** Any reception in the seeded years, to the second, weekends and holidays included. */
  const instant = fc.integer({ min: FIRST / 1000, max: LAST / 1000 }).map((seconds) => new Date(seconds * 1000));
  const days = fc.nat({ max: 60 });
  /** Whole minutes, so that hours survive the round trip through milliseconds exactly. */
  const hours = fc.nat({ max: 400 * 60 }).map((minutes) => minutes / 60);

  const isWorkingTimeOrPeriodEnd = (result: Date): boolean =>
    calendar.isWorkingTime(result) ||
    (calendar.isWorkingDay(result) && result.getTime() % 60_000 === 0 && periodEnds.has(localTime(result)));

  it('should make normalizeStart idempotent and land in working time', () => {
    fc.assert(
      fc.property(instant, (x) => {
        const start = calendar.normalizeStart(x);
        expect(calendar.normalizeStart(start).getTime()).to.equal(start.getTime());
        expect(calendar.isWorkingTime(start)).to.equal(true);
        expect(start.getTime()).to.be.at.least(x.getTime());
      }),
    );
  });

  it('should skip no working time when normalising', () => {
    fc.assert(
      fc.property(instant, (x) => {
        expect(calendar.workingHoursBetween(x, calendar.normalizeStart(x))).to.equal(0);
      }),
    );
  });

  it('should add working days additively', () => {
    fc.assert(
      fc.property(instant, days, days, (x, n, m) => {
        const stepwise = calendar.addWorkingDays(calendar.addWorkingDays(x, n), m);
        expect(stepwise.getTime()).to.equal(calendar.addWorkingDays(x, n + m).getTime());
      }),
    );
  });

  it('should make n working days worth 8n working hours and n working days', () => {
    fc.assert(
      fc.property(instant, days, (x, n) => {
        const due = calendar.addWorkingDays(x, n);
        const start = calendar.normalizeStart(x);
        expect(calendar.workingHoursBetween(start, due)).to.equal(8 * n);
        expect(calendar.workingDaysBetween(start, due)).to.equal(n);
      }),
    );
  });

  it('should add working hours additively, in working time', () => {
    fc.assert(
      fc.property(instant, hours, hours, (x, a, b) => {
        const stepwise = calendar.addWorkingHours(calendar.addWorkingHours(x, a), b);
        const direct = calendar.addWorkingHours(x, a + b);
        expect(calendar.workingHoursBetween(stepwise, direct)).to.equal(0);
      }),
    );
  });

  it('should measure exactly the working hours it added', () => {
    fc.assert(
      fc.property(instant, hours, (x, h) => {
        expect(calendar.workingHoursBetween(x, calendar.addWorkingHours(x, h))).to.equal(h);
      }),
    );
  });

  it('should be monotonic in the reception and in the amount', () => {
    fc.assert(
      fc.property(instant, instant, hours, hours, days, days, (x, y, h1, h2, n1, n2) => {
        const [early, late] = x.getTime() <= y.getTime() ? [x, y] : [y, x];
        const [less, more] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const [fewer, most] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const time = (date: Date): number => date.getTime();

        expect(time(calendar.normalizeStart(early))).to.be.at.most(time(calendar.normalizeStart(late)));
        expect(time(calendar.addWorkingHours(early, less))).to.be.at.most(time(calendar.addWorkingHours(late, less)));
        expect(time(calendar.addWorkingHours(early, less))).to.be.at.most(time(calendar.addWorkingHours(early, more)));
        expect(time(calendar.addWorkingDays(early, fewer))).to.be.at.most(time(calendar.addWorkingDays(late, fewer)));
        expect(time(calendar.addWorkingDays(early, fewer))).to.be.at.most(time(calendar.addWorkingDays(early, most)));
        expect(time(calendar.sameDayDue(early))).to.be.at.most(time(calendar.sameDayDue(late)));
      }),
    );
  });

  // Only the date is monotonic for calendar days: a result rolled off a day off is due at 17:00,
  // while a later reception landing on the following working day keeps its earlier time of day
  // (received Fri 17:00 + 5 → Mon 17:00, but received Tue 17:00 + 5 → Mon 07:00).
  it('should be monotonic in the due date for calendar days', () => {
    fc.assert(
      fc.property(instant, instant, days, days, (x, y, n1, n2) => {
        const [early, late] = x.getTime() <= y.getTime() ? [x, y] : [y, x];
        const [fewer, most] = n1 <= n2 ? [n1, n2] : [n2, n1];
        const dueDay = (from: Date, n: number): string => localDate(calendar.addCalendarDays(from, n));

        expect(dueDay(early, fewer) <= dueDay(late, fewer)).to.equal(true);
        expect(dueDay(early, fewer) <= dueDay(early, most)).to.equal(true);
      }),
    );
  });

  it('should always be due inside working time or at the end of a period', () => {
    fc.assert(
      fc.property(instant, hours, days, (x, h, n) => {
        expect(isWorkingTimeOrPeriodEnd(calendar.addWorkingHours(x, h))).to.equal(true);
        expect(calendar.isWorkingTime(calendar.addWorkingDays(x, n))).to.equal(true);
        expect(isWorkingTimeOrPeriodEnd(calendar.addCalendarDays(x, n))).to.equal(true);
        const sameDay = calendar.sameDayDue(x);
        expect(calendar.isWorkingDay(sameDay) && localTime(sameDay) === closing).to.equal(true);
      }),
    );
  });

  it('should never be due before the clock starts', () => {
    fc.assert(
      fc.property(instant, hours, days, (x, h, n) => {
        const start = calendar.normalizeStart(x).getTime();
        expect(calendar.addWorkingHours(x, h).getTime()).to.be.at.least(start);
        expect(calendar.addWorkingDays(x, n).getTime()).to.be.at.least(start);
        expect(calendar.addCalendarDays(x, n).getTime()).to.be.at.least(start);
      }),
    );
  });

  it('should count working time antisymmetrically and additively', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(calendar.workingDaysBetween(b, a)).to.equal(-calendar.workingDaysBetween(a, b));
        expect(calendar.workingHoursBetween(b, a)).to.equal(-calendar.workingHoursBetween(a, b));
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).to.equal(
          calendar.workingDaysBetween(a, c),
        );
        expect(calendar.workingHoursBetween(a, b) + calendar.workingHoursBetween(b, c)).to.be.closeTo(
          calendar.workingHoursBetween(a, c),
          1e-9,
        );
      }),
    );
  });

  it('should come back to the same moment of work after counting working hours forward and then back', () => {
    fc.assert(
      fc.property(instant, hours, (x, h) => {
        const there = calendar.addWorkingHours(x, h);
        const back = calendar.addWorkingHours(there, -h);
        expect(calendar.workingHoursBetween(calendar.normalizeStart(x), back)).to.be.closeTo(0, 1e-9);
      }),
    );
  });

  it('should count n working days back to n × 8 working hours earlier', () => {
    fc.assert(
      fc.property(instant, days, (x, n) => {
        const due = calendar.addWorkingDays(x, n);
        const back = calendar.addWorkingDays(due, -n);
        expect(calendar.workingHoursBetween(back, due)).to.be.closeTo(8 * n, 1e-9);
      }),
    );
  });
});


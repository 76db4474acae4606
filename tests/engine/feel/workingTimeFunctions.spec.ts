import { expect } from 'chai';
import { VIETNAM_CALENDAR_DATA, createCalendar } from '../../../engine/calendar/index.js';
import type { WorkingCalendar } from '../../../engine/calendar/index.js';
import { createFeel } from '../../../engine/feel/index.js';
import { buildFeel, evaluateToJson } from './feelFixture.js';

describe('feel: working-time functions', () => {
  const feel = buildFeel();

  const cases: [source: string, expected: unknown, why: string][] = [
    ['add working days(date and time("2026-02-13T10:00:00+07:00"), 3)', '2026-02-25T10:00:00+07:00', 'across Tết 2026'],
    ['add working days(date and time("2026-03-06T10:00:00+07:00"), 1)', '2026-03-09T10:00:00+07:00', 'across a weekend'],
    ['add working days(date and time("2026-03-06T10:00:00+07:00"), 0)', '2026-03-06T10:00:00+07:00', 'zero days'],
    ['add working days("2026-03-06T10:00:00+07:00", 1)', '2026-03-09T10:00:00+07:00', 'ISO string with offset'],
    ['add working days("2026-03-06T03:00:00Z", 1)', '2026-03-09T10:00:00+07:00', 'ISO string in UTC'],
    ['add working days("2026-03-06T10:00:00", 1)', '2026-03-09T10:00:00+07:00', 'ISO string without offset is local time'],
    ['add working days(date("2026-03-06"), 1)', '2026-03-09T07:00:00+07:00', 'a date counts from the opening'],
    [
      'add working days(date and time("2026-03-06T10:00:00@Asia/Ho_Chi_Minh"), 1)',
      '2026-03-09T10:00:00+07:00',
      'a named zone',
    ],
    ['add working days(date and time("2026-03-06T10:00:00"), 1)', '2026-03-09T10:00:00+07:00', 'a local date and time'],
    ['add working days(now(), 3)', '2026-02-25T10:00:00+07:00', 'from the injected clock'],
    ['add working hours(date and time("2026-03-06T16:00:00+07:00"), 1.5)', '2026-03-09T07:30:00+07:00', 'fractional hours across a weekend'],
    ['add working hours(date and time("2026-03-09T11:00:00+07:00"), 1)', '2026-03-09T14:00:00+07:00', 'across lunch'],
    ['add working hours(date and time("2026-03-09T10:00:00+07:00"), 0.25)', '2026-03-09T10:15:00+07:00', 'a quarter hour'],
    ['add working hours("2026-03-09T10:00:00+07:00", 8)', '2026-03-10T10:00:00+07:00', 'a full working day from an ISO string'],
    ['working days between(date("2026-03-06"), date("2026-03-10"))', 2, 'across a weekend'],
    ['working days between(date("2026-03-10"), date("2026-03-06"))', -2, 'backwards'],
    ['working days between("2026-02-13T10:00:00+07:00", "2026-02-25T10:00:00+07:00")', 3, 'across Tết 2026'],
    ['is working day(date("2026-03-07"))', false, 'a Saturday'],
    ['is working day(date("2026-03-09"))', true, 'a Monday'],
    ['is working day(date("2026-02-17"))', false, 'a Tết holiday'],
    ['is working day("2026-03-09")', true, 'an ISO date string'],
    ['is working day(date and time("2026-03-08T20:00:00Z"))', true, 'Sunday evening UTC is Monday morning in Hà Nội'],
    ['add working days(now(), 3) > now()', true, 'the result compares with other date and times'],
  ];

  for (const [source, expected, why] of cases) {
    it(`should evaluate \`${source}\` to ${JSON.stringify(expected)} (${why})`, () => {
      expect(evaluateToJson(feel, source)).to.deep.equal(expected);
    });
  }

  const invalid: [source: string, warning: string][] = [
    [
      'add working days("không phải ngày", 1)',
      "Expected the argument 'from' of add working days(from, n) to be a date and time, a date or an ISO 8601 date-time string, but got the string 'không phải ngày'",
    ],
    [
      'add working days(null, 1)',
      "Expected the argument 'from' of add working days(from, n) to be a date and time, a date or an ISO 8601 date-time string, but got null",
    ],
    [
      'add working days(now(), 1.5)',
      "Expected the argument 'n' of add working days(from, n) to be a whole number of days (negative counts back), but got the number 1.5",
    ],
    [
      'add working days(now(), "3")',
      "Expected the argument 'n' of add working days(from, n) to be a whole number of days (negative counts back), but got the string '3'",
    ],
    ['add working days(now())', "Expected the argument 'n' of add working days(from, n), but it was not given"],
    [
      'add working hours(now(), "2")',
      "Expected the argument 'n' of add working hours(from, n) to be a number of hours (negative counts back), but got the string '2'",
    ],
    [
      'working days between(now(), 42)',
      "Expected the argument 'b' of working days between(a, b) to be a date and time, a date or an ISO 8601 date-time string, but got the number 42",
    ],
    [
      'is working day([1])',
      "Expected the argument 'day' of is working day(day) to be a date and time, a date or an ISO 8601 date-time string, but got the list [1]",
    ],
  ];

  const back: [source: string, due: string][] = [
    // a reminder one working day before a dossier due on Wed 25 Feb 2026, after Tết
    ['add working days(date and time("2026-02-25T17:00:00+07:00"), -1)', '2026-02-24T17:00:00+07:00'],
    ['add working days(date and time("2026-02-23T10:00:00+07:00"), -1)', '2026-02-13T10:00:00+07:00'],
    ['add working hours(date and time("2026-02-23T08:00:00+07:00"), -2)', '2026-02-13T16:00:00+07:00'],
  ];

  for (const [source, due] of back) {
    it(`should count back with \`${source}\` to ${due}`, () => {
      expect(evaluateToJson(feel, source)).to.equal(due);
    });
  }

  for (const [source, warning] of invalid) {
    it(`should evaluate \`${source}\` to null with a warning, not crash`, () => {
      // when
      const result = feel.evaluate(source, {});

      // then
      expect(result).to.deep.include({ ok: true, value: null });
      expect(result.ok && result.warnings.map((w) => w.message)).to.deep.equal([warning]);
    });
  }

  it('should evaluate to null with a warning when the calendar refuses the date', () => {
    // given
    const real = createCalendar(VIETNAM_CALENDAR_DATA);
    const refusing: WorkingCalendar = Object.assign(Object.create(real) as WorkingCalendar, {
      addWorkingDays: (): Date => {
        throw new RangeError('No calendar data for 2099');
      },
    });
    const feel = createFeel({ calendar: refusing, clock: () => new Date('2099-01-05T10:00:00+07:00') });

    // when
    const result = feel.evaluate('add working days(now(), 1)', {});

    // then
    expect(result).to.deep.include({ ok: true, value: null });
    expect(result.ok && result.warnings.map((w) => w.message)).to.deep.equal([
      'Expected add working days to succeed, but the working-time calendar failed: No calendar data for 2099',
    ]);
  });
});

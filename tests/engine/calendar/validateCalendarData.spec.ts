import { expect } from 'chai';
import {
  type CalendarData,
  type CalendarProblemCode,
  InvalidCalendarDataError,
  VIETNAM_CALENDAR_DATA,
  createCalendar,
  validateCalendarData,
} from '../../../engine/calendar/index.js';

/** The nationwide data with some fields replaced. */
function dataWith(overrides: Partial<CalendarData>): CalendarData {
  return { ...VIETNAM_CALENDAR_DATA, ...overrides };
}

describe('calendar: validateCalendarData', () => {
  const cases: [what: string, data: CalendarData, code: CalendarProblemCode, path: string, message: string][] = [
    [
      'a day off whose date is not YYYY-MM-DD',
      dataWith({ daysOff: [{ date: '2025-4-30', name: 'Giải phóng' }] }),
      'badDate',
      'daysOff[0].date',
      "Expected the date of day off 1 to be a real date YYYY-MM-DD, but got '2025-4-30'",
    ],
    [
      'a day off on a date that does not exist',
      dataWith({ daysOff: [{ date: '2025-02-30', name: 'Nghỉ' }] }),
      'badDate',
      'daysOff[0].date',
      "Expected the date of day off 1 to be a real date YYYY-MM-DD, but got '2025-02-30'",
    ],
    [
      'a working Saturday whose date is malformed',
      dataWith({ workingSaturdays: [{ date: '26/04/2025', name: 'Làm bù' }] }),
      'badDate',
      'workingSaturdays[0].date',
      "Expected the date of working Saturday 1 to be a real date YYYY-MM-DD, but got '26/04/2025'",
    ],
    [
      'a day off without a name',
      dataWith({ daysOff: [{ date: '2025-04-30', name: '  ' }] }),
      'badName',
      'daysOff[0].name',
      'Expected a name for the day off 2025-04-30, but got none',
    ],
    [
      'a day off listed twice',
      dataWith({
        daysOff: [
          { date: '2025-04-30', name: 'Giải phóng' },
          { date: '2025-04-30', name: 'Giải phóng' },
        ],
      }),
      'duplicateDate',
      'daysOff[1].date',
      'Expected 2025-04-30 to be listed once as a day off, but it is repeated',
    ],
    [
      'a working Saturday that is not a Saturday',
      dataWith({ workingSaturdays: [{ date: '2025-04-25', name: 'Làm bù' }] }),
      'notSaturday',
      'workingSaturdays[0].date',
      'Expected working Saturday 2025-04-25 to be a Saturday, but it is a Friday',
    ],
    [
      'a working Saturday while every Saturday is already worked',
      dataWith({
        workingWeekdays: [1, 2, 3, 4, 5, 6],
        workingSaturdays: [{ date: '2025-04-26', name: 'Làm bù' }],
      }),
      'saturdayAlreadyWorked',
      'workingSaturdays[0].date',
      'Expected working Saturday 2025-04-26 to be a normally free day, but every Saturday is already a working weekday',
    ],
    [
      'a day listed both off and worked',
      dataWith({
        daysOff: [{ date: '2025-04-26', name: 'Nghỉ' }],
        workingSaturdays: [{ date: '2025-04-26', name: 'Làm bù' }],
      }),
      'offAndWorked',
      'workingSaturdays[0].date',
      'Expected 2025-04-26 to be either a day off or a working Saturday, but it is listed as both',
    ],
    [
      'no office periods',
      dataWith({ officeHours: [] }),
      'noOfficeHours',
      'officeHours',
      'Expected at least one office period, but got none',
    ],
    [
      'an office time that is not HH:mm',
      dataWith({ officeHours: [{ start: '7:00', end: '11:30' }] }),
      'badTime',
      'officeHours[0].start',
      "Expected the start of office period 1 to be a local time HH:mm, but got '7:00'",
    ],
    [
      'an office time past midnight',
      dataWith({ officeHours: [{ start: '07:00', end: '25:00' }] }),
      'badTime',
      'officeHours[0].end',
      "Expected the end of office period 1 to be a local time HH:mm, but got '25:00'",
    ],
    [
      'an office period that ends before it starts',
      dataWith({ officeHours: [{ start: '11:30', end: '07:00' }] }),
      'emptyOfficePeriod',
      'officeHours[0]',
      'Expected office period 1 (11:30–07:00) to end after it starts',
    ],
    [
      'overlapping office periods',
      dataWith({
        officeHours: [
          { start: '07:00', end: '11:30' },
          { start: '11:00', end: '17:00' },
        ],
      }),
      'overlappingOfficePeriods',
      'officeHours[1]',
      'Expected office period 2 (11:00–17:00) to start at or after the end of office period 1 (07:00–11:30)',
    ],
    [
      'office periods out of order',
      dataWith({
        officeHours: [
          { start: '13:30', end: '17:00' },
          { start: '07:00', end: '11:30' },
        ],
      }),
      'overlappingOfficePeriods',
      'officeHours[1]',
      'Expected office period 2 (07:00–11:30) to start at or after the end of office period 1 (13:30–17:00)',
    ],
    [
      'a weekday number outside 1–7',
      dataWith({ workingWeekdays: [0, 1, 2, 3, 4] }),
      'badWeekday',
      'workingWeekdays[0]',
      'Expected an ISO weekday from 1 (Monday) to 7 (Sunday), but got 0',
    ],
    [
      'a weekday listed twice',
      dataWith({ workingWeekdays: [1, 2, 3, 4, 5, 5] }),
      'duplicateWeekday',
      'workingWeekdays[5]',
      'Expected weekday 5 to be listed once, but it is repeated',
    ],
    [
      'no working weekday',
      dataWith({ workingWeekdays: [] }),
      'noWorkingWeekday',
      'workingWeekdays',
      'Expected at least one working weekday, but got none',
    ],
    [
      'a UTC offset that is not whole minutes',
      dataWith({ utcOffsetMinutes: 420.5 }),
      'badOffset',
      'utcOffsetMinutes',
      'Expected a UTC offset in whole minutes from -720 to 840, but got 420.5',
    ],
    [
      'a same-day cut-off that is not HH:mm',
      dataWith({ sameDayCutoff: '3pm' }),
      'badTime',
      'sameDayCutoff',
      "Expected the same-day cut-off to be a local time HH:mm, but got '3pm'",
    ],
  ];

  for (const [what, data, code, path, message] of cases) {
    it(`should report ${what}`, () => {
      expect(validateCalendarData(data)).to.deep.equal([{ code, path, message }]);
    });
  }

  it('should accept touching office periods', () => {
    const data = dataWith({
      officeHours: [
        { start: '07:00', end: '12:00' },
        { start: '12:00', end: '16:00' },
      ],
    });

    expect(validateCalendarData(data)).to.deep.equal([]);
  });

  it('should report every problem at once rather than stopping at the first', () => {
    const data = dataWith({ officeHours: [], workingWeekdays: [], sameDayCutoff: '' });

    expect(validateCalendarData(data).map((problem) => problem.code)).to.deep.equal([
      'noOfficeHours',
      'noWorkingWeekday',
      'badTime',
    ]);
  });
});

describe('calendar: createCalendar on invalid data', () => {
  it('should throw an InvalidCalendarDataError carrying a code and every problem', () => {
    // given
    const data = dataWith({ workingSaturdays: [{ date: '2025-04-25', name: 'Làm bù' }] });

    // when
    let thrown: unknown;
    try {
      createCalendar(data);
    } catch (error) {
      thrown = error;
    }

    // then
    expect(thrown).to.be.instanceOf(InvalidCalendarDataError);
    const error = thrown as InvalidCalendarDataError;
    expect(error.code).to.equal('CALENDAR_DATA_INVALID');
    expect(error.problems.map((problem) => problem.code)).to.deep.equal(['notSaturday']);
    expect(error.message).to.equal(
      'Expected valid calendar data, but found 1 problem(s): ' +
        'Expected working Saturday 2025-04-25 to be a Saturday, but it is a Friday',
    );
  });
});

import type { CalendarData, DayOff, WorkingSaturday } from './types.js';
import { isoWeekday, parseClock, parseLocalDate } from './localTime.js';

export type CalendarProblemCode =
  | 'badDate'
  | 'badTime'
  | 'badName'
  | 'noOfficeHours'
  | 'emptyOfficePeriod'
  | 'overlappingOfficePeriods'
  | 'badWeekday'
  | 'duplicateWeekday'
  | 'noWorkingWeekday'
  | 'duplicateDate'
  | 'notSaturday'
  | 'saturdayAlreadyWorked'
  | 'offAndWorked'
  | 'badOffset';

/** One thing wrong with calendar data, phrased for the administrator who edits it. */
export interface CalendarProblem {
  readonly code: CalendarProblemCode;
  /** Where in the data, e.g. `officeHours[1].start` or `workingSaturdays[0].date`. */
  readonly path: string;
  readonly message: string;
}

/** Thrown by `createCalendar` so that a calendar never runs on data an administrator got wrong. */
export class InvalidCalendarDataError extends Error {
  readonly code = 'CALENDAR_DATA_INVALID';
  readonly problems: readonly CalendarProblem[];

  constructor(problems: readonly CalendarProblem[]) {
    super(
      `Expected valid calendar data, but found ${problems.length} problem(s): ` +
        problems.map((problem) => problem.message).join('; '),
    );
    this.name = 'InvalidCalendarDataError';
    this.problems = problems;
  }
}

/** Every problem in `data`; an empty list means `createCalendar` will accept it. */
export function validateCalendarData(data: CalendarData): CalendarProblem[] {
  return [
    ...officeHoursProblems(data),
    ...weekdayProblems(data),
    ...datedEntryProblems(data.daysOff, 'daysOff', 'day off'),
    ...datedEntryProblems(data.workingSaturdays, 'workingSaturdays', 'working Saturday'),
    ...workingSaturdayProblems(data),
    ...offAndWorkedProblems(data),
    ...offsetProblems(data),
    ...clockProblems(data.sameDayCutoff, 'sameDayCutoff', 'the same-day cut-off'),
  ];
}

function officeHoursProblems(data: CalendarData): CalendarProblem[] {
  if (data.officeHours.length === 0) {
    return [
      problem('noOfficeHours', 'officeHours', 'Expected at least one office period, but got none'),
    ];
  }
  const problems: CalendarProblem[] = [];
  let previous: { end: number; label: string } | undefined;
  data.officeHours.forEach((period, index) => {
    const path = `officeHours[${index}]`;
    const label = `office period ${index + 1} (${period.start}–${period.end})`;
    const timeProblems = [
      ...clockProblems(period.start, `${path}.start`, `the start of office period ${index + 1}`),
      ...clockProblems(period.end, `${path}.end`, `the end of office period ${index + 1}`),
    ];
    problems.push(...timeProblems);
    if (timeProblems.length > 0) return;
    const start = parseClock(period.start)!;
    const end = parseClock(period.end)!;
    if (end <= start) {
      problems.push(
        problem('emptyOfficePeriod', path, `Expected ${label} to end after it starts`),
      );
    }
    // Touching periods are allowed; only a true overlap or a reversed order is ambiguous.
    if (previous !== undefined && start < previous.end) {
      problems.push(
        problem(
          'overlappingOfficePeriods',
          path,
          `Expected ${label} to start at or after the end of ${previous.label}`,
        ),
      );
    }
    previous = { end: Math.max(end, previous?.end ?? end), label };
  });
  return problems;
}

function weekdayProblems(data: CalendarData): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<number>();
  data.workingWeekdays.forEach((weekday, index) => {
    const path = `workingWeekdays[${index}]`;
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      problems.push(
        problem(
          'badWeekday',
          path,
          `Expected an ISO weekday from 1 (Monday) to 7 (Sunday), but got ${String(weekday)}`,
        ),
      );
    } else if (seen.has(weekday)) {
      problems.push(
        problem('duplicateWeekday', path, `Expected weekday ${weekday} to be listed once, but it is repeated`),
      );
    }
    seen.add(weekday);
  });
  if (data.workingWeekdays.length === 0) {
    problems.push(
      problem('noWorkingWeekday', 'workingWeekdays', 'Expected at least one working weekday, but got none'),
    );
  }
  return problems;
}

function datedEntryProblems(
  entries: readonly (DayOff | WorkingSaturday)[],
  field: 'daysOff' | 'workingSaturdays',
  kind: string,
): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const path = `${field}[${index}]`;
    if (typeof entry.date !== 'string' || parseLocalDate(entry.date) === undefined) {
      problems.push(
        problem(
          'badDate',
          `${path}.date`,
          `Expected the date of ${kind} ${index + 1} to be a real date YYYY-MM-DD, but got '${String(entry.date)}'`,
        ),
      );
    } else if (seen.has(entry.date)) {
      problems.push(
        problem('duplicateDate', `${path}.date`, `Expected ${entry.date} to be listed once as a ${kind}, but it is repeated`),
      );
    }
    seen.add(entry.date);
    if (typeof entry.name !== 'string' || entry.name.trim() === '') {
      problems.push(
        problem('badName', `${path}.name`, `Expected a name for the ${kind} ${entry.date}, but got none`),
      );
    }
  });
  return problems;
}

function workingSaturdayProblems(data: CalendarData): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const saturdaysAreWorked = data.workingWeekdays.includes(6);
  data.workingSaturdays.forEach((entry, index) => {
    const day = typeof entry.date === 'string' ? parseLocalDate(entry.date) : undefined;
    if (day === undefined) return;
    const path = `workingSaturdays[${index}].date`;
    if (isoWeekday(day) !== 6) {
      problems.push(
        problem(
          'notSaturday',
          path,
          `Expected working Saturday ${entry.date} to be a Saturday, but it is a ${WEEKDAY_NAMES[isoWeekday(day) - 1]}`,
        ),
      );
    } else if (saturdaysAreWorked) {
      problems.push(
        problem(
          'saturdayAlreadyWorked',
          path,
          `Expected working Saturday ${entry.date} to be a normally free day, but every Saturday is already a working weekday`,
        ),
      );
    }
  });
  return problems;
}

function offAndWorkedProblems(data: CalendarData): CalendarProblem[] {
  const daysOff = new Set(data.daysOff.map((entry) => entry.date));
  return data.workingSaturdays
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => daysOff.has(entry.date))
    .map(({ entry, index }) =>
      problem(
        'offAndWorked',
        `workingSaturdays[${index}].date`,
        `Expected ${entry.date} to be either a day off or a working Saturday, but it is listed as both`,
      ),
    );
}

function offsetProblems(data: CalendarData): CalendarProblem[] {
  const offset = data.utcOffsetMinutes;
  // Real zones range from UTC−12:00 to UTC+14:00.
  if (Number.isInteger(offset) && offset >= -720 && offset <= 840) return [];
  return [
    problem(
      'badOffset',
      'utcOffsetMinutes',
      `Expected a UTC offset in whole minutes from -720 to 840, but got ${String(offset)}`,
    ),
  ];
}

function clockProblems(text: string, path: string, what: string): CalendarProblem[] {
  if (typeof text === 'string' && parseClock(text) !== undefined) return [];
  return [problem('badTime', path, `Expected ${what} to be a local time HH:mm, but got '${String(text)}'`)];
}

function problem(code: CalendarProblemCode, path: string, message: string): CalendarProblem {
  return { code, path, message };
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

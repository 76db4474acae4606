/**
 * Working-time functions, so a model can say "3 working days after receipt" or
 * "1 working day before the due date" in any expression.
 */

import { FeelDate } from 'feelin';
import { defineFunction } from './defineFunction.js';
import type { FunctionEnvironment, FunctionTable, RejectArgument } from './defineFunction.js';
import { instantToFeelDateTime, toInstant } from './temporalValues.js';

const DATE_LIKE = 'a date and time, a date or an ISO 8601 date-time string';

export function createWorkingTimeFunctions(environment: FunctionEnvironment): FunctionTable {
  const { calendar, utcOffsetMinutes } = environment;

  const instantArgument = (parameter: string, value: unknown, reject: RejectArgument): Date | null =>
    toInstant(value, utcOffsetMinutes) ?? reject(parameter, DATE_LIKE, value);

  /** A calendar may refuse dates it has no data for; that must not crash the evaluation. */
  const guarded = <T>(operation: string, run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      environment.warn(`Expected ${operation} to succeed, but the working-time calendar failed: ${messageOf(error)}`);
      return null;
    }
  };

  /** `from` plus (or minus) an amount of working time, as a date and time in the calendar's zone. */
  const addWorking = (name: string, accepts: (n: number) => boolean, expectation: string, add: (start: Date, n: number) => Date) =>
    defineFunction(
      {
        name,
        parameters: ['from', 'n'],
        required: 2,
        body: ([from, n], reject) => {
          const start = instantArgument('from', from, reject);
          if (start === null) {
            return null;
          }
          if (typeof n !== 'number' || !accepts(n)) {
            return reject('n', expectation, n);
          }
          const due = guarded(name, () => add(start, n));
          return due && instantToFeelDateTime(due, utcOffsetMinutes);
        },
      },
      environment,
    );

  return {
    'add working days': addWorking('add working days', Number.isInteger, 'a whole number of days (negative counts back)', (start, n) =>
      calendar.addWorkingDays(start, n),
    ),
    'add working hours': addWorking('add working hours', Number.isFinite, 'a number of hours (negative counts back)', (start, n) =>
      calendar.addWorkingHours(start, n),
    ),
    'working days between': defineFunction(
      {
        name: 'working days between',
        parameters: ['a', 'b'],
        required: 2,
        body: ([a, b], reject) => {
          const from = instantArgument('a', a, reject);
          const to = from && instantArgument('b', b, reject);
          return to && guarded('working days between', () => calendar.workingDaysBetween(from as Date, to));
        },
      },
      environment,
    ),
    'is working day': defineFunction(
      {
        name: 'is working day',
        parameters: ['day'],
        required: 1,
        body: ([day], reject) => {
          // A date names a local day directly; converting it to an instant first would be a needless round trip.
          if (day instanceof FeelDate) {
            return guarded('is working day', () => calendar.isWorkingDay(day.toString()));
          }
          const instant = instantArgument('day', day, reject);
          return instant && guarded('is working day', () => calendar.isWorkingDay(instant));
        },
      },
      environment,
    ),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type {
  CalendarData,
  DayOff,
  OfficePeriod,
  TimeLimit,
  WorkingCalendar,
  WorkingSaturday,
} from './types.js';
export { createCalendar } from './WorkingCalendar.js';
export {
  DEFAULT_OFFICE_HOURS,
  VIETNAM_CALENDAR_DATA,
  vietnamCalendar,
} from './vietnam.js';
export { type CalendarChanges, withChanges } from './withChanges.js';
export {
  type CalendarProblem,
  type CalendarProblemCode,
  InvalidCalendarDataError,
  validateCalendarData,
} from './validateCalendarData.js';
export {
  VIETNAM_UTC_OFFSET_MINUTES,
  localDate,
  localInstant,
  localTime,
  toLocalIso,
} from './localTime.js';

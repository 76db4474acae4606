/**
 * Working-time calendar contract (DOMAIN.md §5).
 *
 * Instants are JavaScript `Date`s (UTC); local dates are ISO strings `YYYY-MM-DD`
 * in the calendar's zone (Asia/Ho_Chi_Minh, UTC+07:00, no daylight saving).
 */

/** A period of office hours within a day, local wall-clock `HH:mm`. */
export interface OfficePeriod {
  readonly start: string;
  readonly end: string;
}

export interface DayOff {
  /** Local date `YYYY-MM-DD`. */
  readonly date: string;
  /** Vietnamese name shown to administrators, e.g. "Tết Nguyên đán". */
  readonly name: string;
}

export interface WorkingSaturday {
  readonly date: string;
  /** Why the Saturday is worked, e.g. "Làm bù cho ngày 02/5/2025". */
  readonly name: string;
}

/** Everything a calendar is made from: data an administrator can edit per province and year. */
export interface CalendarData {
  /** Office periods on every working day, in order. Default 07:00–11:30 and 13:30–17:00. */
  readonly officeHours: readonly OfficePeriod[];
  /** ISO weekday numbers (1 = Monday … 7 = Sunday) that are normally worked. Default 1–5. */
  readonly workingWeekdays: readonly number[];
  /** Days off that would otherwise be working days (holidays, compensatory days, local closures). */
  readonly daysOff: readonly DayOff[];
  /** Normally free days that are worked (swapped working Saturdays). */
  readonly workingSaturdays: readonly WorkingSaturday[];
  /** Offset of the calendar's zone from UTC in minutes. 420 for Asia/Ho_Chi_Minh. */
  readonly utcOffsetMinutes: number;
  /** Cut-off for "same day" limits, local `HH:mm`. Default 15:00. */
  readonly sameDayCutoff: string;
}

/** How a legal time limit is expressed. */
export type TimeLimit =
  | { readonly unit: 'workingDays'; readonly amount: number }
  | { readonly unit: 'workingHours'; readonly amount: number }
  | { readonly unit: 'calendarDays'; readonly amount: number }
  | { readonly unit: 'sameDay' };

/** A calendar's operations; every one is a pure function of the calendar data and its arguments. */
export interface WorkingCalendar {
  readonly data: CalendarData;
  /** Whether the local date of `day` (a `YYYY-MM-DD` string or an instant) is a working day. */
  isWorkingDay(day: string | Date): boolean;
  /** Whether `instant` falls inside office hours of a working day (period start inclusive, end exclusive). */
  isWorkingTime(instant: Date): boolean;
  /** When the clock starts for something received at `instant` (before opening → opening; lunch → afternoon; after hours or day off → next opening). */
  normalizeStart(instant: Date): Date;
  /**
   * Same local time on the n-th next working day, counted from the normalised start (whole n).
   * A negative n counts back, e.g. from a due date to "1 working day before": the start is then
   * normalised backwards, so a 17:00 deadline gives 17:00 of the working day before.
   */
  addWorkingDays(from: Date, days: number): Date;
  /**
   * Add working hours (fractions allowed) from the normalised start; a result exactly at a period
   * boundary is reported as the end of the earlier period. Negative hours count back, and a result
   * on a boundary is then the start of the later period.
   */
  addWorkingHours(from: Date, hours: number): Date;
  /** Add calendar days to the local date and keep the local time; a result on a non-working day rolls to the end of office hours of the next working day. */
  addCalendarDays(from: Date, days: number): Date;
  /** Same-day limit: received before the cut-off on a working day → end of office hours that day; otherwise end of office hours of the next working day. */
  sameDayDue(received: Date): Date;
  /** Due date for a legal time limit counted from `received`. */
  dueDate(received: Date, limit: TimeLimit): Date;
  /** Number of working days strictly after the local date of `a` up to and including the local date of `b` (negative when b is before a). */
  workingDaysBetween(a: Date, b: Date): number;
  /** Working hours between two instants (negative when b is before a). */
  workingHoursBetween(a: Date, b: Date): number;
}

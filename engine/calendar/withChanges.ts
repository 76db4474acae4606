import type { CalendarData, DayOff, WorkingSaturday } from './types.js';

/** An administrator's edit of a calendar's exceptional days; dates are local `YYYY-MM-DD`. */
export interface CalendarChanges {
  /** New days off; one on a date already listed replaces that entry (e.g. to rename it). */
  readonly addDaysOff?: readonly DayOff[];
  readonly removeDaysOff?: readonly string[];
  /** New working Saturdays; one on a date already listed replaces that entry. */
  readonly addWorkingSaturdays?: readonly WorkingSaturday[];
  readonly removeWorkingSaturdays?: readonly string[];
}

/**
 * New calendar data with the changes applied; `data` is left untouched. Removals apply before
 * additions, and both lists come out sorted by date so that edits diff cleanly. The result is
 * not validated here: `validateCalendarData` reports problems for the administrator to fix.
 */
export function withChanges(data: CalendarData, changes: CalendarChanges): CalendarData {
  return {
    ...data,
    daysOff: applyToList(data.daysOff, changes.removeDaysOff, changes.addDaysOff),
    workingSaturdays: applyToList(
      data.workingSaturdays,
      changes.removeWorkingSaturdays,
      changes.addWorkingSaturdays,
    ),
  };
}

function applyToList<T extends { readonly date: string }>(
  entries: readonly T[],
  removals: readonly string[] = [],
  additions: readonly T[] = [],
): T[] {
  const byDate = new Map(entries.map((entry) => [entry.date, entry]));
  for (const date of removals) byDate.delete(date);
  for (const entry of additions) byDate.set(entry.date, entry);
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

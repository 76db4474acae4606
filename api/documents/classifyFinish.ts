import type { FinishResult } from './DocumentContext.js';
import { localDateKey } from './formatters.js';

/**
 * Early, on time or late by local calendar date, as the reports judge it (DOMAIN.md §6):
 * finishing any time on the due day is on time, and no due date counts as on time.
 */
export function classifyFinish(finishedAt: Date, dueAt: Date | null | undefined): FinishResult {
  if (dueAt === null || dueAt === undefined) return 'onTime';
  const finished = localDateKey(finishedAt);
  const due = localDateKey(dueAt);
  if (finished < due) return 'early';
  return finished === due ? 'onTime' : 'late';
}

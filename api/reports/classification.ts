/**
 * Early, on time, late (DOMAIN.md §6) for the reports, as pure functions over
 * local dates `YYYY-MM-DD` (which compare as strings). The report's SQL applies
 * the same rules; the specs hold the two together.
 */

/** How a dossier left "in progress". A result refused after processing is "ineligible". */
export type EndKind = 'result' | 'ineligible' | 'withdrawn' | 'stopped';

export type FinishedTiming = 'early' | 'onTime' | 'late';
export type OpenTiming = 'inTime' | 'late';

/** Which due date judges a dossier whose date was moved by an apology (DOMAIN.md §3: the original, unless set otherwise). */
export type ApologyDuePolicy = 'original' | 'apology';

export interface DueDates {
  /** The due date in force. */
  readonly dueOn: string | null;
  /** The due date before an apology moved it; the same as `dueOn` when there was no apology. */
  readonly originalDueOn: string | null;
}

export function judgedDue(dates: DueDates, policy: ApologyDuePolicy): string | null {
  return policy === 'original' ? (dates.originalDueOn ?? dates.dueOn) : dates.dueOn;
}

/**
 * A finished dossier: the finish date against the judged due date by calendar
 * date. Withdrawn, returned as ineligible, and nothing due count as on time;
 * a stopped dossier is judged by its dates like a result.
 */
export function classifyFinished(
  finished: DueDates & { readonly finishedOn: string; readonly endKind: EndKind },
  policy: ApologyDuePolicy,
): FinishedTiming {
  if (finished.endKind === 'withdrawn' || finished.endKind === 'ineligible') return 'onTime';
  const due = judgedDue(finished, policy);
  if (due === null) return 'onTime';
  return finished.finishedOn < due ? 'early' : finished.finishedOn === due ? 'onTime' : 'late';
}

/**
 * A dossier still in progress at report date D, from the deadline in force at
 * the end of D: paused for a supplement, nothing due, or due on or after D is
 * in time; due before D is late.
 */
export function classifyOpen(state: DueDates & { readonly paused: boolean }, reportDate: string, policy: ApologyDuePolicy): OpenTiming {
  if (state.paused) return 'inTime';
  const due = judgedDue(state, policy);
  return due === null || due >= reportDate ? 'inTime' : 'late';
}

export const FINISHED_TIMING_LABELS: Record<FinishedTiming, string> = { early: 'Trước hạn', onTime: 'Đúng hạn', late: 'Quá hạn' };
export const OPEN_TIMING_LABELS: Record<OpenTiming, string> = { inTime: 'Trong hạn', late: 'Quá hạn' };

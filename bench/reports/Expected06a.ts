import { classifyFinished, classifyOpen, COLUMNS_06A, type ApologyDuePolicy, type Counts06a, type Period } from '../../api/reports/index.js';
import type { Truth } from './DossierFactory.js';

/**
 * The 06a totals the generated dossiers should give, counted in JS from what
 * the generator decided (its own local dates and deadline changes), not from
 * the report rows: the report's SQL is checked against it.
 */
export class Expected06a {
  readonly total: Counts06a = Object.fromEntries(COLUMNS_06A.map((c) => [c, 0])) as Counts06a;

  constructor(
    private readonly period: Period,
    private readonly reportDate: string,
    /** The first instant after the report date ends: the deadline in force then judges dossiers in progress. */
    private readonly endOfReportDate: Date,
    private readonly policy: ApologyDuePolicy,
  ) {}

  add(truth: Truth | null): void {
    if (!truth) return;
    const { from, to } = this.period;
    if (truth.receivedOn > to || (truth.finishedOn !== null && truth.finishedOn < from)) return;
    const t = this.total;
    t.received += 1;
    if (truth.receivedOn < from) t.carriedOver += 1;
    else if (truth.channel === 2) t.receivedOnline += 1;
    else t.receivedInPerson += 1;
    if (truth.finishedOn !== null && truth.finishedOn <= to) {
      t.resolved += 1;
      const timing = classifyFinished({ finishedOn: truth.finishedOn, endKind: truth.endKind!, dueOn: truth.dueOn, originalDueOn: truth.originalDueOn }, this.policy);
      if (timing === 'early') t.resolvedEarly += 1;
      else if (timing === 'onTime') t.resolvedOnTime += 1;
      else t.resolvedLate += 1;
      return;
    }
    t.inProgress += 1;
    const end = this.endOfReportDate.getTime();
    const inForce = truth.changes.filter((c) => c.since < end).at(-1) ?? { paused: false, dueOn: truth.dueOn, originalDueOn: truth.originalDueOn };
    if (classifyOpen(inForce, this.reportDate, this.policy) === 'inTime') t.inProgressInTime += 1;
    else t.inProgressLate += 1;
  }
}

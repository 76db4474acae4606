import type { Channel } from '../../api/dossiers/index.js';
import { localDate, type WorkingCalendar } from '../../engine/index.js';
import type { Submission } from './DossierFactory.js';
import type { Route } from './routes.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** More dossiers at the start of the week, fewer on Fridays and working Saturdays (ISO weekday → factor). */
const WEEKDAY_FACTOR: Readonly<Record<number, number>> = { 1: 1.15, 2: 1.05, 3: 1, 4: 1, 5: 0.9, 6: 0.6, 7: 0.6 };
/** Online submissions keep coming on days off, at a fraction of a working day's volume. */
const DAY_OFF_FACTOR = 0.1;
const POST_SHARE = 0.1;

interface Day {
  readonly date: string;
  readonly startMs: number;
  readonly working: boolean;
  readonly weight: number;
}

/**
 * When dossiers are submitted, where and how: `total` submissions from the
 * local date `from` up to `now`, spread over the days by weight, each day's
 * submissions in time order and numbered per receiving unit and day
 * (`<unit code>-YYMMDD-NNNN`, Circular 01/2018 art. 19).
 */
export class Submissions {
  private readonly counters = new Map<string, number>();
  private readonly offset: number;
  private readonly periods: readonly [number, number][];
  private readonly cumulative: number[];
  private readonly routeTotal: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly routes: readonly Route[],
    private readonly random: () => number,
  ) {
    this.offset = calendar.data.utcOffsetMinutes;
    this.periods = calendar.data.officeHours.map((p) => [minutes(p.start), minutes(p.end)]);
    let sum = 0;
    this.cumulative = routes.map((r) => (sum += r.weight));
    this.routeTotal = sum;
  }

  /** The days from `from` to the day of `now`, each with its share of `total`. */
  *byDay(from: string, now: Date, total: number): Generator<Submission[]> {
    const days = this.days(from, now);
    const weightSum = days.reduce((n, d) => n + d.weight, 0);
    let cumulative = 0;
    let issued = 0;
    for (const day of days) {
      cumulative += day.weight;
      const upTo = Math.round((total * cumulative) / weightSum);
      const count = upTo - issued;
      issued = upTo;
      const submissions: Submission[] = [];
      for (let i = 0; i < count; i++) submissions.push(this.submission(day, now));
      submissions.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
      yield submissions.map((s) => ({ ...s, code: this.code(s.route.unitCode, day.date) }));
    }
  }

  /** The last number handed out per unit and day, for `dossier_code_counters`. */
  lastNumbers(): { unitCode: string; day: string; last: number }[] {
    return [...this.counters].map(([key, last]) => {
      const [unitCode, day] = key.split(' ') as [string, string];
      return { unitCode, day, last };
    });
  }

  private days(from: string, now: Date): Day[] {
    const days: Day[] = [];
    const last = localDate(now, this.offset);
    for (let ms = Date.parse(`${from}T00:00:00Z`); ; ms += DAY) {
      const date = new Date(ms).toISOString().slice(0, 10);
      if (date > last) break;
      const startMs = ms - this.offset * MINUTE;
      const working = this.calendar.isWorkingDay(date);
      const weekday = new Date(ms).getUTCDay() || 7;
      let weight = working ? WEEKDAY_FACTOR[weekday]! : DAY_OFF_FACTOR;
      // Today counts only for the office hours already gone.
      if (date === last) weight *= this.officeShareBefore(startMs, now.getTime());
      days.push({ date, startMs, working, weight });
    }
    return days;
  }

  private officeShareBefore(dayStartMs: number, nowMs: number): number {
    const minute = (nowMs - dayStartMs) / MINUTE;
    const total = this.periods.reduce((n, [a, b]) => n + b - a, 0);
    return this.periods.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, minute) - a), 0) / total;
  }

  private submission(day: Day, now: Date): Submission {
    const route = this.route();
    let channel: Channel = 2;
    if (day.working && this.random() >= route.onlineShare) channel = this.random() < POST_SHARE ? 3 : 1;
    // Desks receive in office hours; online dossiers arrive at any hour, mostly by day.
    const inOffice = channel !== 2 || (day.working && this.random() < 0.7);
    let at = this.time(day.startMs, inOffice);
    for (let tries = 0; at > now.getTime() && tries < 20; tries++) at = this.time(day.startMs, inOffice);
    if (at > now.getTime()) at = now.getTime() - Math.floor(this.random() * 30) * MINUTE;
    return { route, channel, submittedAt: new Date(at), code: '' };
  }

  private time(dayStartMs: number, inOffice: boolean): number {
    if (!inOffice) return dayStartMs + Math.floor((6 * 60 + this.random() * 17 * 60) * MINUTE);
    const total = this.periods.reduce((n, [a, b]) => n + b - a, 0);
    let m = this.random() * total;
    for (const [a, b] of this.periods) {
      if (m < b - a) return dayStartMs + Math.floor((a + m) * MINUTE);
      m -= b - a;
    }
    return dayStartMs + this.periods[0]![0] * MINUTE;
  }

  private route(): Route {
    const r = this.random() * this.routeTotal;
    const i = this.cumulative.findIndex((c) => r < c);
    return this.routes[i < 0 ? this.routes.length - 1 : i]!;
  }

  private code(unitCode: string, day: string): string {
    const key = `${unitCode} ${day}`;
    const next = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, next);
    return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(next).padStart(4, '0')}`;
  }
}

function minutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

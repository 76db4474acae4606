import type { CalendarData } from './types.js';
import { type LocalMoment, parseClock } from './localTime.js';
import type { WorkingDays } from './workingDays.js';

/** An office period as milliseconds since local midnight, start inclusive, end exclusive. */
export interface Period {
  readonly start: number;
  readonly end: number;
}

/** Office hours laid over working days: the maths of working time on local moments. */
export interface WorkingTime {
  /** Start of the first period: where the clock starts on a fresh working day. */
  readonly opening: number;
  /** End of the last period: the time of day that whole-day due dates fall on. */
  readonly closing: number;
  isInside(moment: LocalMoment): boolean;
  /** The moment itself when inside a period, otherwise the start of the next period. */
  normalize(moment: LocalMoment): LocalMoment;
  /** Counting backwards: the moment itself when inside a period or at its end, otherwise the end of the previous period. */
  normalizeBackward(moment: LocalMoment): LocalMoment;
  /** Consumes `ms` of working time from the normalised `from`; backwards when `ms` is negative. */
  addMs(from: LocalMoment, ms: number): LocalMoment;
  /** Working milliseconds in [a, b]; `a` must not be after `b`. */
  msBetween(a: LocalMoment, b: LocalMoment): number;
}

/** Compiles the office hours of already-validated calendar data. */
export function compileWorkingTime(data: CalendarData, days: WorkingDays): WorkingTime {
  const periods: readonly Period[] = data.officeHours.map((period) => ({
    start: parseClock(period.start)!,
    end: parseClock(period.end)!,
  }));
  const opening = periods[0]!.start;
  const closing = periods[periods.length - 1]!.end;

  const periodAt = (msOfDay: number): Period | undefined =>
    periods.find((period) => period.start <= msOfDay && msOfDay < period.end);

  const isInside = (moment: LocalMoment): boolean =>
    days.isWorking(moment.day) && periodAt(moment.msOfDay) !== undefined;

  const normalize = (moment: LocalMoment): LocalMoment => {
    if (days.isWorking(moment.day)) {
      for (const period of periods) {
        if (moment.msOfDay < period.start) return { day: moment.day, msOfDay: period.start };
        if (moment.msOfDay < period.end) return moment;
      }
    }
    return { day: days.next(moment.day), msOfDay: opening };
  };

  const normalizeBackward = (moment: LocalMoment): LocalMoment => {
    if (days.isWorking(moment.day)) {
      for (let i = periods.length - 1; i >= 0; i--) {
        const period = periods[i]!;
        if (moment.msOfDay > period.end) return { day: moment.day, msOfDay: period.end };
        if (moment.msOfDay > period.start) return moment;
      }
    }
    return { day: days.previous(moment.day), msOfDay: closing };
  };

  /** Periods are (start, end] when counting backwards, so a result on a boundary is the start of the later period. */
  const subtractMs = (from: LocalMoment, ms: number): LocalMoment => {
    let remaining = ms;
    let moment = normalizeBackward(from);
    for (;;) {
      const period = periods.find((p) => p.start < moment.msOfDay && moment.msOfDay <= p.end)!;
      const available = moment.msOfDay - period.start;
      if (remaining <= available) return { day: moment.day, msOfDay: moment.msOfDay - remaining };
      remaining -= available;
      moment = normalizeBackward({ day: moment.day, msOfDay: period.start });
    }
  };

  const addMs = (from: LocalMoment, ms: number): LocalMoment => {
    if (ms < 0) return subtractMs(from, -ms);
    let remaining = ms;
    let moment = normalize(from);
    for (;;) {
      const period = periodAt(moment.msOfDay)!;
      const available = period.end - moment.msOfDay;
      // `<=` rather than `<` is what reports a boundary as the end of the earlier period.
      if (remaining <= available) return { day: moment.day, msOfDay: moment.msOfDay + remaining };
      remaining -= available;
      moment = normalize({ day: moment.day, msOfDay: period.end });
    }
  };

  const msBetween = (a: LocalMoment, b: LocalMoment): number => {
    let total = 0;
    for (let day = a.day; day <= b.day; day++) {
      if (!days.isWorking(day)) continue;
      const lower = day === a.day ? a.msOfDay : 0;
      const upper = day === b.day ? b.msOfDay : Number.POSITIVE_INFINITY;
      for (const period of periods) {
        total += Math.max(0, Math.min(period.end, upper) - Math.max(period.start, lower));
      }
    }
    return total;
  };

  return { opening, closing, isInside, normalize, normalizeBackward, addMs, msBetween };
}

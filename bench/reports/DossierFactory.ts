import { classifyTiming, resumedDue, stepDue, type Applicant, type Channel, type DossierRecord, type DossierStatus, type Timing } from '../../api/dossiers/index.js';
import { deadlineStateOf, reportFactsOf, type DeadlineState, type EndKind, type ReportFacts } from '../../api/reports/index.js';
import { localDate, type WorkingCalendar } from '../../engine/index.js';
import { applicantFor } from './names.js';
import type { Route, Step } from './routes.js';

export interface GeneratedTask {
  readonly taskKey: string;
  readonly step: Step;
  readonly state: 'open' | 'completed' | 'canceled';
  readonly assignee: string | null;
  readonly createdAt: Date;
  readonly dueAt: Date | null;
  readonly claimedAt: Date | null;
  readonly completedAt: Date | null;
  readonly completedBy: string | null;
  readonly outcome: string | null;
  readonly formData: string | null;
  readonly timing: Timing | null;
  readonly lateHours: number | null;
}

/** A row of `report_deadlines`: the state in force from `since` on. */
export interface DeadlineChange {
  readonly since: Date;
  readonly state: DeadlineState;
}

/**
 * What the generator itself decided about a received dossier, in local dates,
 * kept apart from the report rows so the report can be checked against it.
 */
export interface Truth {
  readonly channel: number;
  readonly receivedOn: string;
  readonly finishedOn: string | null;
  readonly endKind: EndKind | null;
  readonly dueOn: string | null;
  readonly originalDueOn: string | null;
  readonly changes: readonly { readonly since: number; readonly paused: boolean; readonly dueOn: string; readonly originalDueOn: string }[];
}

export interface GeneratedDossier {
  readonly record: DossierRecord;
  readonly facts: ReportFacts | null;
  readonly deadlines: readonly DeadlineChange[];
  readonly tasks: readonly GeneratedTask[];
  readonly truth: Truth | null;
  readonly traits: { readonly paused: boolean; readonly apology: boolean; readonly pace: Pace | null };
}

export interface Submission {
  readonly route: Route;
  readonly channel: Channel;
  readonly submittedAt: Date;
  readonly code: string;
}

type Pace = 'early' | 'onTime' | 'late' | 'stuck';
type Fate = EndKind | 'open';

/** How a dossier's life was planned, every instant possibly after "now" (then it has not happened yet). */
interface Plan {
  readonly submission: Submission;
  readonly id: string;
  readonly applicant: Applicant;
  readonly receptionOfficer: string;
  /** The desk asked for missing papers before reception; `completeAt` is when they came (null: never). */
  readonly askedAt: Date | null;
  readonly completeAt: Date | null;
  readonly reception: 'accept' | 'refuse' | 'withdraw' | 'wait';
  readonly decisionAt: Date | null;
  readonly receivedAt: Date | null;
  readonly due0: Date | null;
  readonly pause: { readonly offset: number; readonly at: Date; readonly resumedAt: Date | null; readonly due: Date | null } | null;
  readonly apology: { readonly at: Date; readonly due: Date; readonly original: Date } | null;
  readonly fate: Fate | null;
  readonly pace: Pace | null;
  readonly endAt: Date | null;
  readonly returnedAt: Date | null;
  readonly rating: { readonly at: Date; readonly value: number } | null;
}

const HOUR = 3_600_000;
const NEVER = null;
/** The inbox's default due time for the reception of an online dossier (DossierProjection). */
const ONLINE_RECEPTION_HOURS = 8;
const STEP_OPINION: Readonly<Record<string, string>> = {
  accept: '{"note":"Hồ sơ đầy đủ, hợp lệ"}',
  supplement: '{"reason":"Thiếu bản sao giấy tờ tùy thân có chứng thực"}',
  refuse: '{"reason":"Không đủ điều kiện theo quy định"}',
  reject: '{"opinion":"Không đủ điều kiện, đề nghị từ chối"}',
};

/**
 * Makes dossiers the way the one-stop desks live them: reception (online
 * dossiers checked within the day, some asked for papers or refused), the
 * steps of the procedure's normal path with their own due dates, pauses for a
 * supplement, apologies with a new date, withdrawals and stops, results on
 * time or not, returns and ratings. Everything after `now` has not happened.
 */
export class DossierFactory {
  private taskCounter = 0;
  private readonly nowMs: number;
  private readonly offset: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly now: Date,
    private readonly random: () => number,
    private readonly ids: () => string,
  ) {
    this.nowMs = now.getTime();
    this.offset = calendar.data.utcOffsetMinutes;
  }

  make(submission: Submission): GeneratedDossier {
    const plan = this.plan(submission);
    const tasks = this.tasks(plan);
    const record = this.record(plan, tasks);
    const deadlines = this.deadlines(plan, record);
    return {
      record,
      facts: reportFactsOf(this.calendar, record),
      deadlines,
      tasks,
      truth: this.truth(plan),
      traits: { paused: this.happened(plan.pause?.at ?? NEVER), apology: this.happened(plan.apology?.at ?? NEVER), pace: plan.pace },
    };
  }

  private happened(at: Date | null): at is Date {
    return at !== null && at.getTime() <= this.nowMs;
  }

  private plus(at: Date, hours: number): Date {
    return this.calendar.addWorkingHours(at, hours);
  }

  private hours(from: Date, to: Date): number {
    return this.calendar.workingHoursBetween(from, to);
  }

  private pick<T>(weighted: readonly (readonly [T, number])[]): T {
    let r = this.random();
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted.at(-1)![0];
  }

  private officer(step: Step): string {
    const r = this.random();
    return step.officers[r < 0.5 ? 0 : r < 0.75 ? 1 : 2]!;
  }

  private plan(submission: Submission): Plan {
    const { route, channel, submittedAt: s } = submission;
    const random = this.random;
    const id = this.ids();
    const applicant = applicantFor(random, route.agencyId);
    const receptionOfficer = this.officer(route.receive);

    let askedAt: Date | null = null;
    let completeAt: Date | null = s;
    let reception: Plan['reception'] = 'accept';
    let decisionAt: Date | null;
    if (channel === 2) {
      const firstLook = this.plus(s, 0.1 + random() * 5);
      const r = random();
      decisionAt = firstLook;
      if (r < 0.03) reception = 'refuse';
      else if (r < 0.035) {
        reception = 'withdraw';
        decisionAt = this.plus(s, random() * 4);
      } else if (r < 0.085) {
        askedAt = firstLook;
        if (random() < 0.15) {
          reception = 'wait';
          completeAt = NEVER;
          decisionAt = NEVER;
        } else {
          completeAt = this.plus(askedAt, 4 + random() * 32);
          decisionAt = this.plus(completeAt, 0.1 + random() * 4);
        }
      }
    } else {
      decisionAt = this.plus(s, 0.05 + random() * 0.25);
    }
    const base = { submission, id, applicant, receptionOfficer, askedAt, completeAt, reception, decisionAt };
    if (reception !== 'accept' || completeAt === null || decisionAt === null) {
      const ended = reception === 'refuse' || reception === 'withdraw';
      return { ...base, receivedAt: null, due0: null, pause: null, apology: null, fate: null, pace: null, endAt: ended ? decisionAt : null, returnedAt: null, rating: null };
    }

    const limit = route.limitFor(channel);
    const receivedAt = this.calendar.normalizeStart(completeAt);
    const due0 = this.calendar.dueDate(completeAt, limit);
    const acceptedAt = decisionAt;
    const h0 = Math.max(0, this.hours(acceptedAt, due0));
    let fate: Fate = this.pick<Fate>([['withdrawn', 0.04], ['stopped', 0.025], ['ineligible', 0.08], ['result', 1]]);
    const pace = this.pick<Pace>([['early', 0.64], ['onTime', 0.28], ['late', 0.07], ['stuck', 0.01]]);

    let pause: Plan['pause'] = null;
    let due = due0;
    let restart = acceptedAt;
    let endAt: Date | null = null;
    const pausable = route.supplementStage >= 0 && (fate === 'result' || (fate === 'ineligible' && route.supplementStage <= route.refusalStage));
    if (pausable && random() < 0.06) {
      const offset = 0.25 + random() * Math.min(8, Math.max(0.5, h0 * 0.4));
      const at = this.plus(acceptedAt, offset);
      if (random() < 0.12) {
        // The applicant never brings the papers: some dossiers are stopped, the rest keep waiting.
        pause = { offset, at, resumedAt: NEVER, due: NEVER };
        fate = random() < 0.6 ? 'stopped' : 'open';
        endAt = fate === 'stopped' ? this.plus(at, 120 + random() * 120) : null;
      } else {
        const resumedAt = this.plus(at, 4 + random() * 60);
        due = resumedDue(this.calendar, route.procedure.metadata.supplementPolicy, limit, due0, at, resumedAt);
        restart = resumedAt;
        pause = { offset, at, resumedAt, due };
      }
    }

    let apology: Plan['apology'] = null;
    if (fate === 'withdrawn' || fate === 'stopped') {
      endAt ??= this.plus(acceptedAt, 0.5 + random() * Math.max(1, h0 * 0.8));
    } else if (fate === 'result' || fate === 'ineligible') {
      const budget = Math.max(0, this.hours(restart, due));
      const apologises = random() < (pace === 'stuck' ? 0.6 : pace === 'late' ? 0.35 : 0.004);
      if (apologises) {
        const newDue = this.calendar.addWorkingDays(due, 2 + Math.floor(random() * 6));
        apology = { at: this.plus(restart, budget * (0.3 + random() * 0.65)), due: newDue, original: due };
        endAt = random() < 0.75 ? this.plus(due, random() * this.hours(due, newDue)) : this.plus(newDue, 0.5 - Math.log(1 - random()) * 10);
      } else {
        endAt = this.finish(restart, due, Math.min(budget, shareHours(route)), pace);
      }
      const earliest = this.plus(restart, 0.25);
      if (endAt < earliest) endAt = earliest;
    }

    let returnedAt: Date | null = null;
    let rating: Plan['rating'] = null;
    if (endAt && (fate === 'result' || fate === 'ineligible')) {
      const r = random();
      // Most applicants collect the result within the hour; some come days later, a few never.
      returnedAt = r < 0.7 ? this.plus(endAt, 0.05 + random() * 1.5) : r < 0.9 ? this.plus(endAt, 2 + random() * 14) : r < 0.985 ? this.plus(endAt, 16 + random() * 44) : NEVER;
      if (returnedAt && random() < 0.35) {
        const value = this.pick([[5, 0.55], [4, 0.25], [3, 0.1], [2, 0.06], [1, 0.04]] as const);
        rating = { at: new Date(returnedAt.getTime() + random() * 72 * HOUR), value };
      }
    }
    return { ...base, receivedAt, due0, pause, apology, fate, pace, endAt, returnedAt, rating };
  }

  /**
   * When a dossier is finished at its pace against its due date. `work` is the
   * working time its steps are meant to take (their shares of the limit, no
   * more than the time left): an early dossier is done within it.
   */
  private finish(start: Date, due: Date, work: number, pace: Pace): Date {
    const random = this.random;
    switch (pace) {
      case 'early':
        return this.plus(start, 0.25 + random() * Math.max(0, work - 0.25) * 0.9);
      case 'onTime':
        return this.plus(due, -random() * Math.min(3, work));
      case 'late':
        return this.plus(due, 0.5 - Math.log(1 - random()) * 10);
      case 'stuck':
        return this.plus(due, 24 + random() * 700);
    }
  }

  /** The due date in force at an instant, after a supplement and an apology that came before it. */
  private dueAt(plan: Plan, at: Date): Date | null {
    if (plan.apology && plan.apology.at <= at) return plan.apology.due;
    if (plan.pause?.resumedAt && plan.pause.resumedAt <= at) return plan.pause.due;
    return plan.due0;
  }

  private tasks(plan: Plan): GeneratedTask[] {
    const { route } = plan.submission;
    const out: GeneratedTask[] = [];
    const add = (step: Step, createdAt: Date | null, completedAt: Date | null, outcome: string, canceledAt: Date | null = null, dossierDue: Date | null = null) => {
      if (!this.happened(createdAt)) return;
      let dueAt = stepDue(this.calendar, createdAt, { ...(step.timeShare ? { timeShare: step.timeShare } : {}), dossierDue });
      if (!dueAt && step.kind === 'receive' && plan.submission.channel === 2) dueAt = this.plus(createdAt, ONLINE_RECEPTION_HOURS);
      out.push(this.task(step, createdAt, dueAt, completedAt, outcome, canceledAt));
    };

    // Reception: asked for papers first, then the complete dossier checked again.
    const s = plan.submission.submittedAt;
    const receptionOutcome = plan.reception === 'refuse' ? 'refuse' : 'accept';
    const receptionCancel = plan.reception === 'withdraw' ? plan.decisionAt : null;
    if (plan.askedAt) {
      add(route.receive, s, plan.askedAt, 'supplement');
      add(route.receive, plan.completeAt, plan.decisionAt, receptionOutcome);
    } else {
      add(route.receive, s, plan.reception === 'withdraw' ? null : plan.decisionAt, receptionOutcome, receptionCancel);
    }
    if (!plan.receivedAt || !plan.decisionAt || !plan.fate) return out;

    const accepted = plan.decisionAt;
    const ineligible = plan.fate === 'ineligible';
    const stages = ineligible ? route.stages.slice(0, route.refusalStage + 1) : route.stages;
    const pause = plan.pause;
    const at = (x: number): Date | null => {
      if (!pause || x < pause.offset) return this.plus(accepted, x);
      return pause.resumedAt ? this.plus(pause.resumedAt, x - pause.offset) : NEVER;
    };
    const ended = plan.fate === 'withdrawn' || plan.fate === 'stopped';
    let total: number;
    if (plan.fate === 'open' || (ended && pause)) total = pause!.offset + 8;
    // A withdrawal or a stop falls inside a step, never after the last one.
    else if (ended) total = Math.max(1, this.hours(accepted, plan.due0!), this.hours(accepted, plan.endAt!) * 1.3);
    else total = pause?.resumedAt ? pause.offset + this.hours(pause.resumedAt, plan.endAt!) : this.hours(accepted, plan.endAt!);
    const bounds = this.bounds(stages.map((stage) => Math.max(...stage.map((st) => st.weight))), total, pause ? { stage: route.supplementStage, offset: pause.offset } : null);

    stages.forEach((stage, i) => {
      const [from, to] = bounds[i]!;
      const startAt = at(from);
      const endAt = at(to);
      const last = i === stages.length - 1;
      stage.forEach((step, j) => {
        const outcome = ineligible && last ? route.refusalOutcome : step.outcomeValues[0]!;
        // Parallel steps finish one after the other; the stage ends with the last.
        const doneAt = j === stage.length - 1 || !startAt || !endAt ? endAt : this.plus(startAt, this.hours(startAt, endAt) * (0.4 + this.random() * 0.6));
        const due = startAt ? this.dueAt(plan, startAt) : null;
        if (pause && i === route.supplementStage) {
          add(step, startAt, pause.at, 'supplement', null, due);
          add(step, pause.resumedAt, doneAt, outcome, null, pause.resumedAt ? this.dueAt(plan, pause.resumedAt) : null);
        } else if (ended && !pause && plan.endAt && (!doneAt || doneAt > plan.endAt)) {
          if (startAt && startAt <= plan.endAt) add(step, startAt, null, outcome, plan.endAt, due);
        } else {
          add(step, startAt, doneAt, outcome, null, due);
        }
      });
    });
    if ((plan.fate === 'result' || ineligible) && plan.endAt) add(route.giveBack, plan.endAt, plan.returnedAt, 'returned', null, this.dueAt(plan, plan.endAt));
    return out;
  }

  /**
   * Where each stage starts and ends, in working hours of processing (the
   * pause for a supplement left out), in proportion to the steps' shares. A
   * pause falls inside the stage that asks for the supplement.
   */
  private bounds(weights: readonly number[], total: number, pause: { stage: number; offset: number } | null): [number, number][] {
    const split = (ws: readonly number[], from: number, to: number): [number, number][] => {
      const sum = ws.reduce((n, w) => n + w, 0);
      let at = from;
      return ws.map((w) => {
        const next = at + ((to - from) * w) / sum;
        const span: [number, number] = [at, next];
        at = next;
        return span;
      });
    };
    if (!pause || pause.stage < 0) return split(weights, 0, total);
    const before = weights.slice(0, pause.stage);
    const from = before.length ? pause.offset / 2 : 0;
    const rest = weights.slice(pause.stage);
    const own = pause.offset + (Math.max(0.1, total - pause.offset) * rest[0]!) / rest.reduce((n, w) => n + w, 0);
    return [...(before.length ? split(before, 0, from) : []), [from, own], ...split(rest.slice(1), own, Math.max(own, total))];
  }

  private task(step: Step, createdAt: Date, dueAt: Date | null, completedAt: Date | null, outcome: string, canceledAt: Date | null): GeneratedTask {
    const key = `${createdAt.getTime().toString(36).padStart(9, '0')}${(this.taskCounter++).toString(36).padStart(6, '0')}`;
    const base = { taskKey: key, step, createdAt, dueAt };
    if (this.happened(completedAt)) {
      const officer = this.officer(step);
      const claimedAt = this.plus(createdAt, this.random() * Math.min(1, Math.max(0, this.hours(createdAt, completedAt))));
      const lateHours = dueAt ? Math.max(0, Math.round(this.hours(dueAt, completedAt) * 100) / 100) : null;
      return {
        ...base,
        state: 'completed',
        assignee: officer,
        claimedAt: claimedAt < completedAt ? claimedAt : createdAt,
        completedAt,
        completedBy: officer,
        outcome,
        formData: STEP_OPINION[outcome] ?? '{"opinion":"Đồng ý"}',
        timing: classifyTiming(this.calendar, completedAt, dueAt),
        lateHours,
      };
    }
    const none = { completedAt: null, completedBy: null, outcome: null, formData: null, timing: null, lateHours: null };
    if (this.happened(canceledAt)) return { ...base, ...none, state: 'canceled', assignee: null, claimedAt: null };
    const claimed = this.random() < 0.45;
    return {
      ...base,
      ...none,
      state: 'open',
      assignee: claimed ? this.officer(step) : null,
      claimedAt: claimed ? this.plus(createdAt, this.random() * Math.min(1, Math.max(0, this.hours(createdAt, this.now)))) : null,
    };
  }

  private record(plan: Plan, tasks: readonly GeneratedTask[]): DossierRecord {
    const { route, channel, submittedAt, code } = plan.submission;
    const metadata = route.procedure.metadata;
    const h = (at: Date | null) => (this.happened(at) ? at : null);
    const received = h(plan.decisionAt) && plan.reception === 'accept' ? plan.receivedAt : null;
    const completeAt = h(plan.completeAt) ?? submittedAt;
    const pausedAt = plan.pause && h(plan.pause.at) && !h(plan.pause.resumedAt) ? plan.pause.at : null;
    const apology = plan.apology && h(plan.apology.at) ? plan.apology : null;
    const finished = plan.fate === 'result' || plan.fate === 'ineligible' ? h(plan.endAt) : null;
    const returnedAt = finished ? h(plan.returnedAt) : null;
    const ended = plan.fate === 'withdrawn' || plan.fate === 'stopped' ? h(plan.endAt) : null;
    const rating = returnedAt && plan.rating && h(plan.rating.at) ? plan.rating : null;
    const dueAt = received ? this.dueAt(plan, this.now) : null;
    const supplementAsked = h(plan.askedAt) ?? (plan.pause ? h(plan.pause.at) : null);
    const payment = tasks.find((t) => t.step.kind === 'payment' && t.state === 'completed');
    const fee = metadata.fee.amount;

    let status: DossierStatus;
    let endReason: string | null = null;
    let refusalReason: string | null = null;
    if (plan.reception === 'refuse' && h(plan.decisionAt)) {
      status = 3;
      refusalReason = endReason = 'Hồ sơ không thuộc thẩm quyền giải quyết';
    } else if (plan.reception === 'withdraw' && h(plan.decisionAt)) {
      status = 7;
      endReason = 'Công dân yêu cầu rút hồ sơ';
    } else if (!received) status = h(plan.askedAt) && !h(plan.completeAt) ? 5 : 1;
    else if (ended) {
      status = plan.fate === 'withdrawn' ? 7 : 8;
      endReason = plan.fate === 'withdrawn' ? 'Công dân yêu cầu rút hồ sơ' : 'Quá thời hạn bổ sung hồ sơ, dừng xử lý';
    } else if (finished) status = returnedAt ? 10 : 9;
    else if (pausedAt) status = 5;
    else status = tasks.some((t) => t.state === 'open' && t.step.kind === 'payment') ? 6 : 4;
    if (plan.fate === 'ineligible' && finished) refusalReason = 'Không đủ điều kiện giải quyết theo quy định';

    const events = [submittedAt, h(plan.askedAt), h(plan.completeAt), h(plan.decisionAt), h(plan.pause?.at ?? null), h(plan.pause?.resumedAt ?? null), apology?.at ?? null, finished, returnedAt, ended, rating?.at ?? null];
    const updatedAt = new Date(Math.max(...events.map((e) => e?.getTime() ?? 0)));
    const endedAt = status === 3 || (status === 7 && !received) ? plan.decisionAt : (ended ?? returnedAt);
    return {
      id: plan.id,
      code,
      procedureCode: route.procedure.code,
      procedureVersion: route.procedure.version,
      receivingAgencyId: route.agencyId,
      channel,
      status,
      applicant: plan.applicant,
      formData: route.formValues,
      instanceKey: null,
      submittedAt,
      completeAt,
      receivedAt: received,
      receivedBy: received ? plan.receptionOfficer : null,
      dueAt,
      originalDueAt: apology ? apology.original : null,
      apologyAt: apology ? apology.at : null,
      apologyReason: apology ? 'Hồ sơ cần xác minh thêm với cơ quan liên quan' : null,
      pausedAt,
      supplementReason: supplementAsked ? 'Thiếu bản sao giấy tờ tùy thân có chứng thực' : null,
      supplementComponents: supplementAsked ? [metadata.components[0]?.code ?? 'to-khai'] : null,
      refusalReason,
      result: finished ? (plan.fate === 'ineligible' ? 'refused' : 'approved') : null,
      resultReadyAt: finished,
      returnedAt,
      endedAt,
      endReason,
      feeAmount: fee,
      paidAt: payment?.completedAt ?? (received && fee ? plan.decisionAt : null),
      rating: rating?.value ?? null,
      ratingComment: rating ? (rating.value >= 4 ? 'Cán bộ hướng dẫn nhiệt tình' : 'Thời gian chờ còn lâu') : null,
      ratedAt: rating?.at ?? null,
      apologyDue: status !== 5 && !finished && !ended && received !== null && !apology && dueAt !== null && dueAt < this.now,
      updatedAt,
    };
  }

  /** The report's deadline rows, as the application appends them: one per change of the state in force. */
  private deadlines(plan: Plan, record: DossierRecord): DeadlineChange[] {
    if (!record.receivedAt) return [];
    const snapshots: { since: Date | null; dueAt: Date | null; originalDueAt: Date | null; pausedAt: Date | null }[] = [
      { since: plan.decisionAt, dueAt: plan.due0, originalDueAt: null, pausedAt: null },
    ];
    if (plan.pause) {
      snapshots.push({ since: plan.pause.at, dueAt: plan.due0, originalDueAt: null, pausedAt: plan.pause.at });
      snapshots.push({ since: plan.pause.resumedAt, dueAt: plan.pause.due, originalDueAt: null, pausedAt: null });
    }
    if (plan.apology) snapshots.push({ since: plan.apology.at, dueAt: plan.apology.due, originalDueAt: plan.apology.original, pausedAt: null });
    const changes: DeadlineChange[] = [];
    for (const snapshot of snapshots) {
      if (!this.happened(snapshot.since)) break;
      const state = deadlineStateOf(this.calendar, { ...record, dueAt: snapshot.dueAt, originalDueAt: snapshot.originalDueAt, pausedAt: snapshot.pausedAt })!;
      const previous = changes.at(-1)?.state;
      if (previous && previous.paused === state.paused && previous.dueOn === state.dueOn && previous.originalDueOn === state.originalDueOn) continue;
      changes.push({ since: snapshot.since, state });
    }
    return changes;
  }

  private truth(plan: Plan): Truth | null {
    if (plan.reception !== 'accept' || !this.happened(plan.decisionAt) || !plan.receivedAt) return null;
    const day = (at: Date) => localDate(at, this.offset);
    const end = (plan.fate === 'result' || plan.fate === 'ineligible' || plan.fate === 'withdrawn' || plan.fate === 'stopped') && this.happened(plan.endAt) ? plan.endAt : null;
    const apology = plan.apology && this.happened(plan.apology.at) ? plan.apology : null;
    const due = this.dueAt(plan, this.now)!;
    const changes: { since: number; paused: boolean; dueOn: string; originalDueOn: string }[] = [
      { since: plan.decisionAt.getTime(), paused: false, dueOn: day(plan.due0!), originalDueOn: day(plan.due0!) },
    ];
    if (plan.pause && this.happened(plan.pause.at)) {
      changes.push({ since: plan.pause.at.getTime(), paused: true, dueOn: day(plan.due0!), originalDueOn: day(plan.due0!) });
      if (plan.pause.resumedAt && this.happened(plan.pause.resumedAt)) {
        changes.push({ since: plan.pause.resumedAt.getTime(), paused: false, dueOn: day(plan.pause.due!), originalDueOn: day(plan.pause.due!) });
      }
    }
    if (apology) changes.push({ since: apology.at.getTime(), paused: false, dueOn: day(apology.due), originalDueOn: day(apology.original) });
    return {
      channel: plan.submission.channel,
      receivedOn: day(plan.receivedAt),
      finishedOn: end ? day(end > plan.receivedAt ? end : plan.receivedAt) : null,
      endKind: end ? (plan.fate as EndKind) : null,
      dueOn: day(due),
      originalDueOn: day(apology ? apology.original : due),
      changes,
    };
  }
}

/** The working hours the steps between reception and return are meant to take, parallel steps counted once. */
function shareHours(route: Route): number {
  return route.stages.reduce((n, stage) => n + Math.max(...stage.map((step) => step.weight)), 0);
}

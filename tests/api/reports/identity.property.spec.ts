import { expect } from 'chai';
import type { Actor, DossierRecord } from '../../../api/dossiers/index.js';
import {
  classifyFinished,
  classifyOpen,
  COLUMNS_06A,
  reportFactsOf,
  ReportService,
  type ApologyDuePolicy,
  type Counts06a,
  type DeadlineState,
  type ReportFacts,
} from '../../../api/reports/index.js';
import { mulberry32 } from '../../../bench/api/stats.js';
import { startTestApp, type TestApp } from '../../e2e/support/testApp.js';
import { aDossier, at, storeDossier } from './support/reportFixtures.js';

const AUDITOR: Actor = { kind: 'auditor', username: 'kiemtra', fullName: 'Kiểm tra viên', agencyId: 'tinh', roles: [] };
const AGENCIES = ['hai-chau', 'thanh-khe', 'hoa-vang', 'ttphc'];
const PROCEDURES = ['khai-sinh', 'chung-thuc-ban-sao', 'ly-lich-tu-phap'];
const DOSSIERS = 400;
const PERIODS = 12;

interface Generated {
  readonly facts: ReportFacts;
  readonly history: readonly (DeadlineState & { since: Date })[];
}

const day = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Random dossiers over the first half of 2026 — some open, paused, apologised,
 * withdrawn, stopped, ineligible, settled on the spot — and random periods: the
 * report's counts must equal a count made dossier by dossier with the pure
 * classification, and carried over + received = resolved + in progress on every row.
 */
describe('api/reports identity over random dossiers', function () {
  let test: TestApp;
  const generated: Generated[] = [];
  const random = mulberry32(20260315);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  before(async function () {
    this.timeout(120_000);
    test = await startTestApp({ at: '2026-09-01T10:00:00+07:00' });
    const { db } = test;
    const { calendar } = test.app.services;
    for (let i = 0; i < DOSSIERS; i++) {
      const received = day('2026-01-02', int(0, 150));
      const due = random() < 0.1 ? null : day(received, int(0, 20));
      const history: (DeadlineState & { since: Date })[] = [{ since: at(received), paused: false, dueOn: due, originalDueOn: due }];
      let dueOn = due;
      let originalDueOn = due;
      let paused = false;
      let cursor = received;
      if (due && random() < 0.25) {
        cursor = day(cursor, int(1, 10));
        history.push({ since: at(cursor), paused: true, dueOn, originalDueOn });
        paused = true;
        if (random() < 0.6) {
          cursor = day(cursor, int(1, 10));
          dueOn = day(dueOn!, int(1, 10));
          originalDueOn = dueOn;
          history.push({ since: at(cursor), paused: false, dueOn, originalDueOn });
          paused = false;
        }
      }
      if (dueOn && !paused && random() < 0.2) {
        cursor = day(cursor, int(0, 5));
        dueOn = day(dueOn, int(1, 7));
        history.push({ since: at(cursor), paused: false, dueOn, originalDueOn });
      }
      const ending = random() < 0.3 || paused ? 'open' : pick(['result', 'result', 'result', 'refused', 'withdrawn', 'stopped'] as const);
      const finished = day(cursor, int(0, 30));
      const dossier: DossierRecord = aDossier({
        receivedAt: at(received),
        receivingAgencyId: pick(AGENCIES),
        procedureCode: pick(PROCEDURES),
        channel: pick([1, 2, 2, 3] as const),
        dueAt: dueOn ? at(`${dueOn}T16:00:00`) : null,
        originalDueAt: originalDueOn && originalDueOn !== dueOn ? at(`${originalDueOn}T16:00:00`) : null,
        pausedAt: paused ? at(cursor) : null,
        ...(ending === 'open'
          ? { status: paused ? 5 : 4 }
          : ending === 'withdrawn' || ending === 'stopped'
            ? { status: ending === 'withdrawn' ? 7 : 8, endedAt: at(finished) }
            : { status: 10, result: ending === 'refused' ? 'refused' : 'approved', resultReadyAt: at(finished) }),
      });
      await storeDossier(db, calendar, dossier, history);
      generated.push({ facts: reportFactsOf(calendar, dossier)!, history });
    }
  });

  after(async function () {
    await test?.close();
  });

  /** The 06a cells of one dossier, counted by hand from the pure rules. */
  function expectedCells(g: Generated, from: string, to: string, reportDate: string, policy: ApologyDuePolicy): Counts06a | null {
    const { facts } = g;
    if (facts.receivedOn > to || (facts.finishedOn !== null && facts.finishedOn < from)) return null;
    const c = Object.fromEntries(COLUMNS_06A.map((k) => [k, 0])) as Counts06a;
    c.received = 1;
    if (facts.receivedOn < from) c.carriedOver = 1;
    else if (facts.channel === 2) c.receivedOnline = 1;
    else c.receivedInPerson = 1;
    if (facts.finishedOn !== null && facts.finishedOn <= to) {
      c.resolved = 1;
      const timing = classifyFinished({ endKind: facts.endKind!, finishedOn: facts.finishedOn, dueOn: facts.dueOn, originalDueOn: facts.originalDueOn }, policy);
      c[timing === 'early' ? 'resolvedEarly' : timing === 'onTime' ? 'resolvedOnTime' : 'resolvedLate'] = 1;
    } else {
      c.inProgress = 1;
      const endOfDay = Date.parse(`${reportDate}T00:00:00+07:00`) + 86_400_000;
      const state = [...g.history].reverse().find((h) => h.since.getTime() < endOfDay)!;
      c[classifyOpen(state, reportDate, policy) === 'inTime' ? 'inProgressInTime' : 'inProgressLate'] = 1;
    }
    return c;
  }

  for (let p = 0; p < PERIODS; p++) {
    it(`should match the dossier-by-dossier count and the identity for random period ${p + 1}`, async function () {
      // given
      const periodRandom = mulberry32(1000 + p);
      const from = day('2025-12-15', Math.floor(periodRandom() * 170));
      const to = day(from, Math.floor(periodRandom() * 120));
      const policy: ApologyDuePolicy = periodRandom() < 0.5 ? 'original' : 'apology';
      const services = test.app.services;
      const reports = new ReportService({ db: services.db, calendar: services.calendar, clock: services.clock, catalogue: services.catalogue, apologyDue: policy });

      // when
      const report = await reports.report06a(AUDITOR, { from, to, groupBy: 'unit' });

      // then
      const expected = new Map<string, Counts06a>();
      for (const g of generated) {
        const cells = expectedCells(g, from, to, report.reportDate, policy);
        if (!cells) continue;
        const row = expected.get(g.facts.agencyId) ?? (Object.fromEntries(COLUMNS_06A.map((k) => [k, 0])) as Counts06a);
        for (const k of COLUMNS_06A) row[k] += cells[k];
        expected.set(g.facts.agencyId, row);
      }
      const actual = new Map(report.rows.map((r) => [r.key, r.counts]));
      expect([...actual.keys()].sort(), `${from}..${to}`).to.deep.equal([...expected.keys()].sort());
      for (const [agency, counts] of expected) expect(actual.get(agency), `${agency} ${from}..${to} ${policy}`).to.deep.equal(counts);
      for (const { key, counts: c } of [...report.rows, { key: 'total', counts: report.total }]) {
        expect(c.carriedOver + c.receivedOnline + c.receivedInPerson, key).to.equal(c.resolved + c.inProgress);
      }
    });
  }

  it('should have generated dossiers for every column, so the comparison covers each rule', async function () {
    // when
    const report = await test.app.services.reports.report06a(AUDITOR, { from: '2026-02-01', to: '2026-03-31' });

    // then
    for (const column of COLUMNS_06A) expect(report.total[column], column).to.be.greaterThan(0);
  });
});

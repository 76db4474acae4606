import { expect } from 'chai';
import type { Actor } from '../../../api/dossiers/index.js';
import { COLUMNS_06A, type Counts06a, type Report06a } from '../../../api/reports/index.js';
import { ReportService } from '../../../api/reports/index.js';
import { startTestApp, type TestApp } from '../../e2e/support/testApp.js';
import { aDossier, at, storeDossier } from './support/reportFixtures.js';

const AUDITOR: Actor = { kind: 'auditor', username: 'kiemtra', fullName: 'Kiểm tra viên', agencyId: 'tinh', roles: [] };
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

function counts(values: Partial<Counts06a>): Counts06a {
  return Object.fromEntries(COLUMNS_06A.map((c) => [c, values[c] ?? 0])) as Counts06a;
}

/**
 * Hand-computed report for March 2026 at the Hải Châu desk. Each dossier says
 * where it must be counted; the expected rows below are those notes summed.
 */
describe('api/reports report 06a', function () {
  let test: TestApp;

  before(async function () {
    this.timeout(60_000);
    test = await startTestApp({ at: '2026-04-15T09:00:00+07:00' });
    const { db } = test;
    const { calendar } = test.app.services;
    const store = (...args: Parameters<typeof aDossier>) => storeDossier(db, calendar, aDossier(...args));
    const state = (since: string, dueOn: string | null, paused = false, originalDueOn = dueOn) => ({ since: at(since), paused, dueOn, originalDueOn });

    // A: carried over from February, resolved early
    await store({ receivedAt: at('2026-02-20'), dueAt: at('2026-03-05'), status: 10, result: 'approved', resultReadyAt: at('2026-03-03'), channel: 1 });
    // B: received and finished in February: not in the report
    await store({ receivedAt: at('2026-02-25'), dueAt: at('2026-03-04'), status: 10, result: 'approved', resultReadyAt: at('2026-02-27') });
    // C: online, resolved on its due date: on time
    await store({ receivedAt: at('2026-03-02'), dueAt: at('2026-03-05T16:00:00'), status: 9, result: 'approved', resultReadyAt: at('2026-03-05T16:30:00'), channel: 2 });
    // D: in person, resolved after its due date: late
    await store({ receivedAt: at('2026-03-10'), dueAt: at('2026-03-16'), status: 10, result: 'approved', resultReadyAt: at('2026-03-20') });
    // E: by post, withdrawn after its due date: on time
    await store({ receivedAt: at('2026-03-16'), dueAt: at('2026-03-19'), status: 7, endedAt: at('2026-03-25'), channel: 3 });
    // F: online, returned as ineligible in April: in progress at 31/3, past due: late
    await store({ receivedAt: at('2026-03-20'), dueAt: at('2026-03-25'), status: 9, result: 'refused', resultReadyAt: at('2026-04-02'), channel: 2 });
    // G: in person, open, due in April: in time
    await store({ receivedAt: at('2026-03-25'), dueAt: at('2026-04-03') });
    // H: paused for a supplement since 12/3, past its due date: in time
    await storeDossier(db, calendar, aDossier({ receivedAt: at('2026-03-05'), dueAt: at('2026-03-13'), status: 5, pausedAt: at('2026-03-12') }), [
      state('2026-03-05', '2026-03-13'),
      state('2026-03-12', '2026-03-13', true),
    ]);
    // I: paused 9/3, resumed 12/3 with the due date moved to 20/3, still open: late
    await storeDossier(db, calendar, aDossier({ receivedAt: at('2026-03-05'), dueAt: at('2026-03-20') }), [
      state('2026-03-05', '2026-03-11'),
      state('2026-03-09', '2026-03-11', true),
      state('2026-03-12', '2026-03-20'),
    ]);
    // J: an apology on 6/3 moved 9/3 to 16/3; resolved 12/3: late against the original date, early against the new one
    await storeDossier(
      db,
      calendar,
      aDossier({ receivedAt: at('2026-03-02'), originalDueAt: at('2026-03-09'), dueAt: at('2026-03-16'), apologyAt: at('2026-03-06'), status: 10, result: 'approved', resultReadyAt: at('2026-03-12') }),
      [state('2026-03-02', '2026-03-09'), state('2026-03-06', '2026-03-16', false, '2026-03-09')],
    );
    // K: received in April: not in the report
    await store({ receivedAt: at('2026-04-01'), dueAt: at('2026-04-06') });
    // L: online on the last day, resolved the next day: in progress at 31/3, in time
    await store({ receivedAt: at('2026-03-31'), dueAt: at('2026-04-03'), status: 9, result: 'approved', resultReadyAt: at('2026-04-01'), channel: 2 });
    // N: stopped after its due date: judged by its dates, late
    await store({ receivedAt: at('2026-03-11'), dueAt: at('2026-03-17'), status: 8, endedAt: at('2026-03-18') });
    // O: carried over from February, still open, long overdue: late
    await store({ receivedAt: at('2026-02-10'), dueAt: at('2026-02-20') });
    // S: due 10/3 and still open at 31/3; a supplement in April moved the date to 20/4: late at 31/3 all the same
    await storeDossier(db, calendar, aDossier({ receivedAt: at('2026-03-02'), dueAt: at('2026-04-20'), channel: 2 }), [
      state('2026-03-02', '2026-03-10'),
      state('2026-04-05', '2026-03-10', true),
      state('2026-04-08', '2026-04-20'),
    ]);
    // Q: certification of a copy settled on the spot (nothing due): field "Chứng thực", on time
    await store({ receivedAt: at('2026-03-12'), dueAt: null, procedureCode: 'chung-thuc-ban-sao', status: 10, result: 'approved', resultReadyAt: at('2026-03-12T09:20:00') });
    // P: received by another ward: outside Hải Châu's report
    await store({ receivedAt: at('2026-03-12'), dueAt: at('2026-03-17'), receivingAgencyId: 'thanh-khe' });
    // T: submitted online and not yet accepted: never counted
    await store({ receivedAt: null, status: 1, channel: 2 });
  });

  after(async function () {
    await test?.close();
  });

  const haiChau = (extra: Record<string, string> = {}) => test.app.services.reports.report06a(AUDITOR, { ...MARCH, unit: 'hai-chau', ...extra });

  it('should count every column of the Hộ tịch row as computed by hand', async function () {
    // when
    const report = await haiChau();

    // then
    const row = report.rows.find((r) => r.key === 'Hộ tịch');
    expect(row?.counts).to.deep.equal(
      counts({
        received: 13,
        receivedOnline: 4,
        receivedInPerson: 7,
        carriedOver: 2,
        resolved: 6,
        resolvedEarly: 1,
        resolvedOnTime: 2,
        resolvedLate: 3,
        inProgress: 7,
        inProgressInTime: 3,
        inProgressLate: 4,
      }),
    );
  });

  it('should count the dossier settled on the spot under its own field as on time', async function () {
    const report = await haiChau();
    expect(report.rows.find((r) => r.key === 'Chứng thực')?.counts).to.deep.equal(
      counts({ received: 1, receivedInPerson: 1, resolved: 1, resolvedOnTime: 1 }),
    );
  });

  it('should give the total as the sum of the rows, with the report date at the end of the period', async function () {
    // when
    const report = await haiChau();

    // then
    expect(report.reportDate).to.equal('2026-03-31');
    expect(report.total).to.deep.equal(
      counts({ received: 14, receivedOnline: 4, receivedInPerson: 8, carriedOver: 2, resolved: 7, resolvedEarly: 1, resolvedOnTime: 3, resolvedLate: 3, inProgress: 7, inProgressInTime: 3, inProgressLate: 4 }),
    );
  });

  it("should judge the apologised dossier by the apology's date when the setting says so", async function () {
    // given
    const services = test.app.services;
    const reports = new ReportService({ db: services.db, calendar: services.calendar, clock: services.clock, catalogue: services.catalogue, apologyDue: 'apology' });

    // when
    const report = await reports.report06a(AUDITOR, { ...MARCH, unit: 'hai-chau' });

    // then
    const row = report.rows.find((r) => r.key === 'Hộ tịch')!;
    expect([row.counts.resolvedEarly, row.counts.resolvedOnTime, row.counts.resolvedLate]).to.deep.equal([2, 2, 2]);
  });

  it('should hold carried over + received = resolved + in progress on every row', async function () {
    const report = await haiChau();
    for (const row of [...report.rows, { key: 'total', counts: report.total }]) {
      const { counts: c } = row;
      expect(c.carriedOver + c.receivedOnline + c.receivedInPerson, row.key).to.equal(c.received);
      expect(c.resolved + c.inProgress, row.key).to.equal(c.received);
      expect(c.resolvedEarly + c.resolvedOnTime + c.resolvedLate, row.key).to.equal(c.resolved);
      expect(c.inProgressInTime + c.inProgressLate, row.key).to.equal(c.inProgress);
    }
  });

  it('should group by procedure and by unit with the same total', async function () {
    // when
    const byProcedure = await haiChau({ groupBy: 'procedure' });
    const byUnit = await test.app.services.reports.report06a(AUDITOR, { ...MARCH, unit: 'tinh', groupBy: 'unit' });

    // then
    expect(byProcedure.rows.map((r) => [r.key, r.counts.received])).to.deep.equal([
      ['chung-thuc-ban-sao', 1],
      ['khai-sinh', 13],
    ]);
    expect(byUnit.rows.map((r) => [r.key, r.counts.received])).to.deep.equal([
      ['hai-chau', 14],
      ['thanh-khe', 1],
    ]);
  });

  it('should narrow to a procedure, a field or a level', async function () {
    const procedure = await haiChau({ procedure: 'chung-thuc-ban-sao' });
    const field = await test.app.services.reports.report06a(AUDITOR, { ...MARCH, field: 'Hộ tịch' });
    const provinceLevel = await test.app.services.reports.report06a(AUDITOR, { ...MARCH, level: 'province' });
    expect(procedure.total.received).to.equal(1);
    expect(field.total.received).to.equal(14);
    expect(provinceLevel.total.received).to.equal(0);
  });

  it('should count one unit alone when includeChildren is false', async function () {
    const province = await test.app.services.reports.report06a(AUDITOR, { ...MARCH, unit: 'tinh', includeChildren: 'false' });
    expect(province.total.received).to.equal(0);
  });

  it('should accept a named period and judge open dossiers today while the period runs', async function () {
    // when April is asked on 15/4
    const april = await test.app.services.reports.report06a(AUDITOR, { period: '2026-04', unit: 'hai-chau' });

    // then
    expect(april.period).to.deep.equal({ from: '2026-04-01', to: '2026-04-30' });
    expect(april.reportDate).to.equal('2026-04-15');
  });

  describe('drill-down', function () {
    it('should list exactly the dossiers each cell counts', async function () {
      // given
      const report: Report06a = await haiChau();

      for (const row of [...report.rows.map((r) => r.key), undefined]) {
        for (const column of COLUMNS_06A) {
          // when
          const cell = await test.app.services.reports.cell(AUDITOR, { ...MARCH, unit: 'hai-chau', column, ...(row ? { row } : {}), limit: 1000 });

          // then
          const expected = row ? report.rows.find((r) => r.key === row)!.counts[column] : report.total[column];
          expect(cell.total, `${row ?? 'total'} / ${column}`).to.equal(expected);
          expect(cell.dossiers, `${row ?? 'total'} / ${column}`).to.have.length(expected);
        }
      }
    });

    it('should say why each dossier is where it is', async function () {
      // when
      const late = await test.app.services.reports.cell(AUDITOR, { ...MARCH, unit: 'hai-chau', column: 'inProgressLate' });

      // then the dossier late at 31/3 shows the due date in force then, not today's
      const dueDates = late.dossiers.map((d) => d.dueOn).sort();
      expect(dueDates).to.deep.equal(['2026-02-20', '2026-03-10', '2026-03-20', '2026-03-25']);
      expect(late.dossiers.every((d) => d.timing === 'late' && d.finishedAt === null)).to.equal(true);
    });

    it('should page through a cell', async function () {
      const first = await test.app.services.reports.cell(AUDITOR, { ...MARCH, unit: 'hai-chau', column: 'received', limit: 5 });
      const third = await test.app.services.reports.cell(AUDITOR, { ...MARCH, unit: 'hai-chau', column: 'received', limit: 5, offset: 10 });
      const beyond = await test.app.services.reports.cell(AUDITOR, { ...MARCH, unit: 'hai-chau', column: 'received', limit: 5, offset: 20 });
      expect([first.total, first.dossiers.length, third.dossiers.length]).to.deep.equal([14, 5, 4]);
      expect([beyond.total, beyond.dossiers.length]).to.deep.equal([14, 0]);
    });
  });

  describe('scope', function () {
    const leader: Actor = { kind: 'officer', username: 'lanhdao.haichau', fullName: 'Lãnh đạo', agencyId: 'hai-chau', roles: ['leader'] };

    it("should give a leader their own unit's report by default", async function () {
      const report = await test.app.services.reports.report06a(leader, MARCH);
      expect(report.scope.unit.id).to.equal('hai-chau');
      expect(report.total.received).to.equal(14);
    });

    it("should refuse a leader another unit's report", async function () {
      const error = await test.app.services.reports.report06a(leader, { ...MARCH, unit: 'thanh-khe' }).catch((e: unknown) => e);
      expect(error).to.have.property('code', 'FORBIDDEN');
    });

    it('should refuse officers who are not leaders', async function () {
      const desk: Actor = { ...leader, username: 'motcua.haichau', roles: ['desk'] };
      const error = await test.app.services.reports.report06a(desk, MARCH).catch((e: unknown) => e);
      expect(error).to.have.property('code', 'FORBIDDEN');
    });

    it('should reject a period given backwards with the field named', async function () {
      const error = await test.app.services.reports.report06a(AUDITOR, { from: '2026-03-31', to: '2026-03-01' }).catch((e: unknown) => e);
      expect(error).to.have.property('code', 'VALIDATION_FAILED');
      expect((error as { fields: { path: string }[] }).fields[0]!.path).to.equal('/to');
    });
  });
});

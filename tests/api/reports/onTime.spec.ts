import { expect } from 'chai';
import type { Actor } from '../../../api/dossiers/index.js';
import { monthsOf, type OnTimeSeries } from '../../../api/reports/index.js';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';
import { aDossier, at, storeDossier } from './support/reportFixtures.js';

const AUDITOR: Actor = { kind: 'auditor', username: 'kiemtra', fullName: 'Kiểm tra viên', agencyId: 'tinh', roles: [] };
const HAI_CHAU_LEADER: Actor = { kind: 'officer', username: 'lanhdao.haichau', fullName: 'Lãnh đạo', agencyId: 'hai-chau', roles: ['leader'] };
const QUARTER = { period: '2026-Q1' };

const points = (series: OnTimeSeries) => series.points.map(({ key, resolved, early, onTime, late, onTimeRate }) => ({ key, resolved, early, onTime, late, onTimeRate }));

/**
 * The on-time series behind the dashboard's charts, over hand-placed dossiers of
 * the first quarter of 2026; each dossier's note says where it must be counted.
 */
describe('api/reports on-time series', function () {
  let test: TestApp;

  before(async function () {
    this.timeout(60_000);
    test = await startTestApp({ at: '2026-04-15T09:00:00+07:00' });
    const store = (...args: Parameters<typeof aDossier>) => storeDossier(test.db, test.app.services.calendar, aDossier(...args));
    // A: Hải Châu, birth, resolved a day early in January
    await store({ receivedAt: at('2026-01-05'), dueAt: at('2026-01-08'), status: 10, result: 'approved', resultReadyAt: at('2026-01-07') });
    // B: Hải Châu, birth, resolved on its due date in January
    await store({ receivedAt: at('2026-01-12'), dueAt: at('2026-01-15'), status: 9, result: 'approved', resultReadyAt: at('2026-01-15') });
    // G: Hải Châu, household business received in December, resolved late in January
    await store({ receivedAt: at('2025-12-18'), dueAt: at('2025-12-23'), procedureCode: 'dang-ky-ho-kinh-doanh', status: 10, result: 'approved', resultReadyAt: at('2026-01-02') });
    // C: Hải Châu, birth, resolved late in February
    await store({ receivedAt: at('2026-02-02'), dueAt: at('2026-02-05'), status: 10, result: 'approved', resultReadyAt: at('2026-02-09') });
    // D: Hải Châu, birth, withdrawn after its due date in March: on time
    await store({ receivedAt: at('2026-03-02'), dueAt: at('2026-03-05'), status: 7, endedAt: at('2026-03-10') });
    // E: Hải Châu, still open: not resolved, in no point
    await store({ receivedAt: at('2026-03-10'), dueAt: at('2026-03-12') });
    // F: Thanh Khê, household business, resolved late in March
    await store({ receivedAt: at('2026-03-02'), dueAt: at('2026-03-05'), receivingAgencyId: 'thanh-khe', procedureCode: 'dang-ky-ho-kinh-doanh', status: 10, result: 'approved', resultReadyAt: at('2026-03-06') });
  });

  after(async function () {
    await test?.close();
  });

  const series = (by: string, extra: Record<string, string> = {}, actor = AUDITOR) => test.app.services.reports.onTime(actor, { ...QUARTER, ...extra, by });

  it('should give each month of the period its resolved dossiers by timing', async function () {
    // when
    const months = await series('month');

    // then
    expect(points(months)).to.deep.equal([
      { key: '2026-01', resolved: 3, early: 1, onTime: 1, late: 1, onTimeRate: 0.6667 },
      { key: '2026-02', resolved: 1, early: 0, onTime: 0, late: 1, onTimeRate: 0 },
      { key: '2026-03', resolved: 2, early: 0, onTime: 1, late: 1, onTimeRate: 0.5 },
    ]);
    expect(months.points.map((p) => p.label)).to.deep.equal(['01/2026', '02/2026', '03/2026']);
    expect(months.total).to.deep.equal({ resolved: 6, early: 1, onTime: 2, late: 3, onTimeRate: 0.5 });
  });

  it('should keep the months with nothing resolved, with no rate', async function () {
    // when
    const months = await series('month', { period: '2026' });

    // then
    expect(months.points).to.have.length(12);
    expect(months.points[3]).to.deep.include({ key: '2026-04', resolved: 0, onTimeRate: null });
  });

  it('should list the receiving units that resolved something, in the order of the agency tree', async function () {
    // when
    const units = await series('unit');

    // then
    expect(points(units)).to.deep.equal([
      { key: 'hai-chau', resolved: 5, early: 1, onTime: 2, late: 2, onTimeRate: 0.6 },
      { key: 'thanh-khe', resolved: 1, early: 0, onTime: 0, late: 1, onTimeRate: 0 },
    ]);
    expect(units.points[0]!.label).to.equal('Ủy ban nhân dân phường Hải Châu');
  });

  it('should list the procedures by name', async function () {
    // when
    const procedures = await series('procedure');

    // then
    expect(points(procedures)).to.deep.equal([
      { key: 'khai-sinh', resolved: 4, early: 1, onTime: 2, late: 1, onTimeRate: 0.75 },
      { key: 'dang-ky-ho-kinh-doanh', resolved: 2, early: 0, onTime: 0, late: 2, onTimeRate: 0 },
    ]);
  });

  it('should count each month exactly as the resolved columns of 06a for that month', async function () {
    // given
    const months = await series('month');

    for (const point of months.points) {
      // when
      const report = await test.app.services.reports.report06a(AUDITOR, { period: point.key });

      // then
      const { resolved, resolvedEarly, resolvedOnTime, resolvedLate } = report.total;
      expect({ resolved, early: resolvedEarly, onTime: resolvedOnTime, late: resolvedLate }, point.key).to.deep.equal({
        resolved: point.resolved,
        early: point.early,
        onTime: point.onTime,
        late: point.late,
      });
    }
  });

  it('should keep to the filters of the scope: one unit without its children, one procedure', async function () {
    // when
    const units = await series('unit', { unit: 'hai-chau', includeChildren: 'false', procedure: 'dang-ky-ho-kinh-doanh' });

    // then
    expect(points(units)).to.deep.equal([{ key: 'hai-chau', resolved: 1, early: 0, onTime: 0, late: 1, onTimeRate: 0 }]);
  });

  it("should NOT let a leader read another unit's series", async function () {
    // when
    const refusal = await series('unit', { unit: 'thanh-khe' }, HAI_CHAU_LEADER).catch((error: unknown) => error);

    // then
    expect(refusal).to.have.property('code', 'FORBIDDEN');
  });

  describe('over HTTP', function () {
    let auditor: HttpClient;

    before(async function () {
      auditor = await test.login('kiemtra');
    });

    it('should answer GET /api/reports/on-time with the series', async function () {
      // when
      const response = await auditor.get('/api/reports/on-time?period=2026-Q1&by=month');

      // then
      expect(response.status, response.text).to.equal(200);
      expect(response.body.by).to.equal('month');
      expect(response.body.total.resolved).to.equal(6);
    });

    it('should refuse an unknown breakdown with the field that is wrong', async function () {
      // when
      const response = await auditor.get('/api/reports/on-time?period=2026-Q1&by=week');

      // then
      expect(response.status).to.equal(422);
      expect(response.body.error.fields[0].path).to.equal('/by');
    });

    it('should refuse an officer who is not a leader', async function () {
      // given
      const specialist = await test.login('chuyenvien.haichau');

      // when
      const response = await specialist.get('/api/reports/on-time?period=2026-Q1');

      // then
      expect(response.status).to.equal(403);
    });
  });
});

describe('api/reports monthsOf', function () {
  it('should list every month a period touches, across a year end', function () {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-03' })).to.deep.equal(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('should give one month for a period inside it', function () {
    expect(monthsOf({ from: '2026-03-02', to: '2026-03-02' })).to.deep.equal(['2026-03']);
  });
});

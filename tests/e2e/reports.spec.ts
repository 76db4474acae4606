/* eslint-disable @typescript-eslint/no-explicit-any -- specs read JSON answers field by field */
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { COLUMNS_06A } from '../../api/reports/index.js';
import { driveToEnd, openTasks, submissionFor, work } from './support/drive.js';
import { startTestApp, type HttpClient, type TestApp } from './support/testApp.js';

const PERIOD = 'from=2026-04-01&to=2026-05-31&unit=hai-chau';

/**
 * Real dossiers through the API across the 30/4–1/5 holidays: household business
 * registrations (3 working days) accepted on Tuesday 28/4 are due Tuesday 5/5.
 * One finishes on 5/5 (on time), one on 6/5 (late), one is withdrawn, one stays
 * open; the reports are read on 8/5.
 */
describe('auditor reports over HTTP', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: HttpClient;
  let auditor: HttpClient;
  const codes: Record<'onTime' | 'late' | 'withdrawn' | 'open', string> = { onTime: '', late: '', withdrawn: '', open: '' };
  let dueAt = '';

  before(async () => {
    t = await startTestApp({ at: '2026-04-28T08:00:00+07:00' });
    admin = await t.login('quantri');
    auditor = await t.login('kiemtra');
    for (const key of Object.keys(codes) as (keyof typeof codes)[]) {
      const submission = submissionFor('dang-ky-ho-kinh-doanh');
      const submitted = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });
      const [receive] = await openTasks(admin, submitted.body.code as string);
      const accepted = await work(t, receive!, 'accept');
      if (accepted.status !== 200) throw new Error(accepted.text);
      codes[key] = submitted.body.code as string;
      if (key === 'withdrawn') {
        t.clock.set(new Date('2026-04-29T09:00:00+07:00'));
        const withdrawn = await t.anonymous().post(`/api/public/dossiers/${codes[key]}/withdraw`, { idNumber: submission.applicant.idNumber, reason: 'Không còn nhu cầu' });
        if (withdrawn.status !== 200) throw new Error(withdrawn.text);
      }
    }
    dueAt = (await admin.get(`/api/dossiers/${codes.onTime}`)).body.dueAt as string;
    t.clock.set(new Date('2026-05-05T09:00:00+07:00'));
    await driveToEnd(t, admin, codes.onTime);
    t.clock.set(new Date('2026-05-06T09:00:00+07:00'));
    await driveToEnd(t, admin, codes.late);
    t.clock.set(new Date('2026-05-08T10:00:00+07:00'));
  });
  after(async () => t?.close());

  it('should have counted the due date over the holidays', () => {
    expect(new Date(dueAt).toISOString()).to.equal(new Date('2026-05-05T08:00:00+07:00').toISOString());
  });

  it('should count each dossier in its column of 06a', async () => {
    // when
    const report = await auditor.get(`/api/reports/06a?${PERIOD}`);

    // then
    expect(report.status, report.text).to.equal(200);
    expect(report.body.reportDate).to.equal('2026-05-08');
    expect(report.body.total).to.deep.equal({
      received: 4,
      receivedOnline: 4,
      receivedInPerson: 0,
      carriedOver: 0,
      resolved: 3,
      resolvedEarly: 0,
      resolvedOnTime: 2,
      resolvedLate: 1,
      inProgress: 1,
      inProgressInTime: 0,
      inProgressLate: 1,
    });
  });

  it('should drill down to the late dossier and name the steps that made it late', async () => {
    // when
    const cell = await auditor.get(`/api/reports/06a/cell?${PERIOD}&column=resolvedLate`);

    // then
    expect(cell.status, cell.text).to.equal(200);
    expect(cell.body.total).to.equal(1);
    const [dossier] = cell.body.dossiers as any[];
    expect(dossier.code).to.equal(codes.late);
    expect(dossier.dueOn).to.equal('2026-05-05');
    expect(dossier.lateHours).to.be.greaterThan(0);
    expect(dossier.lateSteps.length).to.be.greaterThan(0);
    for (const step of dossier.lateSteps) {
      expect(step.lateHours).to.be.greaterThan(0);
      expect(step.agencyName).to.be.a('string').and.not.equal('');
    }
  });

  it('should list the open overdue dossier with its open step past due', async () => {
    const cell = await auditor.get(`/api/reports/06a/cell?${PERIOD}&column=inProgressLate`);
    expect(cell.body.dossiers.map((d: any) => d.code)).to.deep.equal([codes.open]);
    expect(cell.body.dossiers[0].lateSteps.some((s: any) => s.completedAt === null)).to.equal(true);
  });

  it('should show which unit and step were late in the lateness view', async () => {
    // when
    const lateness = await auditor.get(`/api/reports/lateness?${PERIOD}`);

    // then
    expect(lateness.status, lateness.text).to.equal(200);
    expect(lateness.body.total.lateSteps).to.be.greaterThan(0);
    expect(lateness.body.total.steps).to.be.greaterThan(lateness.body.total.lateSteps);
    const lateSteps = (lateness.body.bySteps as any[]).filter((s) => s.lateSteps > 0);
    expect(lateSteps.length).to.be.greaterThan(0);
    expect(lateSteps.every((s) => s.procedureCode === 'dang-ky-ho-kinh-doanh' && s.lateHours > 0)).to.equal(true);
    const units = (lateness.body.byUnit as any[]).reduce((n, u) => n + u.lateSteps, 0);
    expect(units).to.equal(lateness.body.total.lateSteps);
  });

  it('should give the Decision 766 figures with their numerators and denominators', async () => {
    // when
    const indicators = await auditor.get(`/api/reports/766?${PERIOD}`);

    // then
    expect(indicators.status, indicators.text).to.equal(200);
    const { total } = indicators.body;
    expect([total.onTimeShare.numerator, total.onTimeShare.denominator]).to.deep.equal([2, 3]);
    expect(total.onTimeShare.value).to.equal(0.6667);
    expect([total.onlineShare.numerator, total.onlineShare.denominator, total.onlineShare.value]).to.deep.equal([4, 4, 1]);
    expect(total.procedures).to.have.length(1);
    expect(total.procedures[0].resolved).to.equal(2);
    expect(total.procedures[0].limitDays).to.equal(3);
    expect(total.onTimeShare.method).to.be.a('string').and.include('06a');
    expect(indicators.body.units.map((u: any) => u.agencyId)).to.deep.equal(['hai-chau']);
  });

  it('should export the same numbers as CSV, XLSX and printable HTML', async () => {
    // given
    const json = (await auditor.get(`/api/reports/06a?${PERIOD}`)).body;
    const numbers = COLUMNS_06A.map((c) => json.total[c] as number);

    // when
    const csv = await auditor.get(`/api/reports/06a?${PERIOD}&format=csv`);
    const xlsx = await fetch(`${t.url}/api/reports/06a?${PERIOD}&format=xlsx`, { headers: auditor.headers() });
    const html = await auditor.get(`/api/reports/06a?${PERIOD}&format=html`);

    // then
    expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).to.include('.csv');
    const raw = Buffer.from(await (await fetch(`${t.url}/api/reports/06a?${PERIOD}&format=csv`, { headers: auditor.headers() })).arrayBuffer());
    expect([...raw.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const totalLine = csv.text.split('\r\n').find((line) => line.includes('Tổng cộng'))!;
    expect(totalLine.split(',').slice(-numbers.length).map(Number)).to.deep.equal(numbers);

    expect(xlsx.status).to.equal(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    let found: number[] | undefined;
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values.some((v) => v === 'Tổng cộng')) found = values.slice(-numbers.length) as number[];
    });
    expect(found).to.deep.equal(numbers);

    expect(html.headers.get('content-type')).to.match(/^text\/html/);
    expect(html.text).to.include('01/04/2026').and.include('31/05/2026');
    expect(html.text).to.include(json.scope.unit.name);
    for (const n of numbers) expect(html.text).to.include(`>${n}<`);
  });

  describe('who may read reports', () => {
    it('should let the ward leader read the ward and nothing beside it', async () => {
      const leader = await t.login('lanhdao.haichau');
      expect((await leader.get(`/api/reports/06a?${PERIOD}`)).status).to.equal(200);
      const other = await leader.get('/api/reports/06a?from=2026-04-01&to=2026-05-31&unit=thanh-khe');
      expect(other.status).to.equal(403);
      expect(other.body.error.code).to.equal('FORBIDDEN');
      expect((await leader.get('/api/reports/lateness?from=2026-04-01&to=2026-05-31&unit=tinh')).status).to.equal(403);
      expect((await leader.get('/api/reports/766?from=2026-04-01&to=2026-05-31&unit=thanh-khe')).status).to.equal(403);
      expect((await leader.get('/api/reports/06a/cell?from=2026-04-01&to=2026-05-31&unit=thanh-khe&column=received')).status).to.equal(403);
    });

    it('should refuse desk officers and specialists, and ask anonymous callers to log in', async () => {
      for (const username of ['motcua.haichau', 'chuyenvien.haichau']) {
        const officer = await t.login(username);
        expect((await officer.get(`/api/reports/06a?${PERIOD}`)).status, username).to.equal(403);
        expect((await officer.get(`/api/reports/06a/cell?${PERIOD}&column=received`)).status, username).to.equal(403);
      }
      expect((await t.anonymous().get(`/api/reports/06a?${PERIOD}`)).status).to.equal(401);
    });

    it('should answer bad parameters with the field named', async () => {
      const badFormat = await auditor.get(`/api/reports/06a?${PERIOD}&format=pdf`);
      const badDate = await auditor.get('/api/reports/06a?from=2026-02-30&to=2026-03-31');
      const badColumn = await auditor.get(`/api/reports/06a/cell?${PERIOD}&column=nothing`);
      const unknownUnit = await auditor.get('/api/reports/06a?from=2026-04-01&to=2026-05-31&unit=khong-co');
      expect([badFormat.status, badFormat.body.error.fields[0].path]).to.deep.equal([422, '/format']);
      expect([badDate.status, badDate.body.error.fields[0].path]).to.deep.equal([422, '/from']);
      expect([badColumn.status, badColumn.body.error.fields[0].path]).to.deep.equal([422, '/column']);
      expect(unknownUnit.status).to.equal(404);
    });
  });
});

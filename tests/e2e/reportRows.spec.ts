/* eslint-disable @typescript-eslint/no-explicit-any -- specs read JSON answers field by field */
import { expect } from 'chai';
import { toDossier } from '../../api/dossiers/index.js';
import { backfillReportFacts } from '../../api/reports/index.js';
import { driveToEnd, officerFor, openTasks, submissionFor, work } from './support/drive.js';
import { startTestApp, type HttpClient, type TestApp } from './support/testApp.js';

/**
 * The report rows follow every command that changes a dossier, in its
 * transaction: reception, a supplement's pause and resumption, an apology, the
 * result, a rating. Household business registration: 3 working days.
 */
describe('report rows written by the dossier commands', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: HttpClient;

  before(async () => {
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
    admin = await t.login('quantri');
  });
  after(async () => t?.close());

  async function accepted(): Promise<{ code: string; id: string; idNumber: string }> {
    const submission = submissionFor('dang-ky-ho-kinh-doanh');
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });
    const code = submitted.body.code as string;
    const [receive] = await openTasks(admin, code);
    const response = await work(t, receive!, 'accept');
    if (response.status !== 200) throw new Error(response.text);
    const { rows } = await t.db.query('SELECT id FROM dossiers WHERE code = $1', [code]);
    return { code, id: rows[0]!.id as string, idNumber: submission.applicant.idNumber as string };
  }

  const factsOf = async (id: string) => (await t.db.query('SELECT * FROM report_dossiers WHERE dossier_id = $1', [id])).rows[0];
  const deadlinesOf = async (id: string) =>
    (await t.db.query('SELECT paused, due_on::text AS due_on, original_due_on::text AS original_due_on FROM report_deadlines WHERE dossier_id = $1 ORDER BY seq', [id])).rows as {
      paused: boolean;
      due_on: string;
      original_due_on: string;
    }[];

  it('should write no report row before reception and one on acceptance', async () => {
    // given
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submissionFor('dang-ky-ho-kinh-doanh'), agency: 'hai-chau' });
    const { rows } = await t.db.query('SELECT id FROM dossiers WHERE code = $1', [submitted.body.code]);

    // when
    const before = await factsOf(rows[0]!.id as string);
    const { id } = await accepted();

    // then
    expect(before).to.equal(undefined);
    const facts = await factsOf(id);
    expect(facts).to.include({ agency_id: 'hai-chau', procedure_code: 'dang-ky-ho-kinh-doanh', channel: 2, end_kind: null });
    expect(String(facts.received_on).slice(0, 10)).to.equal('2026-03-02');
    expect(String(facts.due_on).slice(0, 10)).to.equal('2026-03-05');
    expect(await deadlinesOf(id)).to.deep.equal([{ paused: false, due_on: '2026-03-05', original_due_on: '2026-03-05' }]);
  });

  it('should record the pause of a supplement and the date it resumed with, and count the paused dossier in time', async () => {
    // given
    const { code, id, idNumber } = await accepted();
    let asking;
    for (const task of await openTasks(admin, code)) {
      const detail = await admin.get(`/api/tasks/${task.id}`);
      if ((detail.body.outcomes as { value: string }[]).some((o) => o.value === 'supplement')) asking = task;
    }
    expect(asking, 'a step that may ask for a supplement').to.not.equal(undefined);

    // when paused on 3/3, still paused on 10/3 (after the due date), then resumed
    t.clock.set(new Date('2026-03-03T09:00:00+07:00'));
    expect((await work(t, asking!, 'supplement')).status).to.equal(200);
    t.clock.set(new Date('2026-03-10T09:00:00+07:00'));
    const auditor = await t.login('kiemtra');
    const whilePaused = (await auditor.get('/api/reports/06a/cell?from=2026-03-01&to=2026-03-10&unit=hai-chau&column=inProgressInTime')).body;
    const resumed = await t.anonymous().post(`/api/public/dossiers/${code}/supplement`, { idNumber, note: 'Đã nộp' });

    // then
    expect(resumed.status, resumed.text).to.equal(200);
    expect(whilePaused.dossiers.find((d: any) => d.code === code)).to.include({ paused: true, timing: 'inTime' });
    const rows = await deadlinesOf(id);
    expect(rows.map((r) => r.paused)).to.deep.equal([false, true, false]);
    expect(rows[2]!.due_on > rows[0]!.due_on).to.equal(true);
  });

  it('should keep the original due date beside the apology date', async () => {
    // given
    const { code, id } = await accepted();
    const before = (await admin.get(`/api/dossiers/${code}`)).body;
    const leader = await t.login(officerFor('hai-chau', 'leader'));
    const newDueAt = t.app.services.calendar.addWorkingDays(new Date(before.dueAt), 3).toISOString();

    // when
    const apology = await leader.post(`/api/dossiers/${code}/apology`, { reason: 'Cần xác minh thêm', newDueAt });

    // then
    expect(apology.status, apology.text).to.equal(200);
    const rows = await deadlinesOf(id);
    expect(rows).to.have.length(2);
    expect(rows[1]!.original_due_on).to.equal(rows[0]!.due_on);
    expect(rows[1]!.due_on > rows[0]!.due_on).to.equal(true);
  });

  it('should finish the row when the result is ready and carry the rating', async () => {
    // given
    const { code, id, idNumber } = await accepted();

    // when
    await driveToEnd(t, admin, code);
    const rated = await t.anonymous().post(`/api/public/dossiers/${code}/rating`, { idNumber, rating: 4 });

    // then
    expect(rated.status, rated.text).to.equal(200);
    const facts = await factsOf(id);
    expect(facts.end_kind).to.equal('result');
    expect(facts.finished_on).to.not.equal(null);
    expect(Number(facts.rating)).to.equal(4);
    expect(Number(facts.working_hours)).to.be.at.least(0);
  });

  it('should fill the rows of dossiers received before the reports existed, once', async () => {
    // given the rows of every dossier lost, as in a database from before the reports
    const { rows: before } = await t.db.query('SELECT * FROM report_dossiers ORDER BY dossier_id');
    await t.db.query('DELETE FROM report_deadlines');
    await t.db.query('DELETE FROM report_dossiers');

    // when
    const filled = await backfillReportFacts(t.db, t.app.services.calendar, toDossier);
    const again = await backfillReportFacts(t.db, t.app.services.calendar, toDossier);

    // then
    const { rows: after } = await t.db.query('SELECT * FROM report_dossiers ORDER BY dossier_id');
    expect(filled).to.equal(before.length);
    expect(again).to.equal(0);
    expect(after).to.deep.equal(before);
    const { rows: deadlines } = await t.db.query('SELECT count(*)::int AS n FROM report_deadlines');
    expect(deadlines[0]!.n).to.equal(before.length);
  });

  it('should count every dossier accepted concurrently', async () => {
    // given
    t.clock.set(new Date('2026-03-16T08:00:00+07:00'));
    admin = await t.login('quantri');
    const submissions = await Promise.all(
      Array.from({ length: 12 }, () => t.anonymous().post('/api/public/dossiers', { ...submissionFor('dang-ky-ho-kinh-doanh'), agency: 'thanh-khe' })),
    );

    // when
    await Promise.all(
      submissions.map(async (s) => {
        const [receive] = await openTasks(admin, s.body.code as string);
        const response = await work(t, receive!, 'accept');
        if (response.status !== 200) throw new Error(response.text);
      }),
    );

    // then
    const report = await (await t.login('kiemtra')).get('/api/reports/06a?from=2026-03-16&to=2026-03-16&unit=thanh-khe');
    expect(report.body.total.received).to.equal(12);
    expect(report.body.total.inProgress).to.equal(12);
  });
});

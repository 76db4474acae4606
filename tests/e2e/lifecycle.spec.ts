import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { driveToEnd, officerFor, openTasks, submissionFor, work } from './support/drive.js';
import { startTestApp, type HttpClient, type TestApp } from './support/testApp.js';

const procedures = readdirSync(join(process.cwd(), 'processes')).filter((name) => existsSync(join(process.cwd(), 'processes', name, 'procedure.json')));

describe('dossier lifecycle through HTTP, for every shipped procedure', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: HttpClient;

  before(async () => {
    t = await startTestApp();
    admin = await t.login('quantri');
  });
  after(async () => t?.close());

  async function submit(procedure: string): Promise<{ code: string; agency: string; idNumber: string }> {
    const info = await t.anonymous().get(`/api/procedures/${procedure}`);
    expect(info.status, info.text).to.equal(200);
    const agency = info.body.receivingAgencies[0].id as string;
    const submission = submissionFor(procedure);
    const response = await t.anonymous().post('/api/public/dossiers', { ...submission, agency });
    expect(response.status, response.text).to.equal(201);
    return { code: response.body.code, agency, idNumber: submission.applicant.idNumber as string };
  }

  async function accept(code: string) {
    const [receive] = await openTasks(admin, code);
    expect(receive?.stepKind).to.equal('receive');
    const response = await work(t, receive!, 'accept');
    expect(response.status, response.text).to.equal(200);
  }

  for (const procedure of procedures) {
    describe(procedure, () => {
      it('should go from online submission to returned result on the normal path', async () => {
        // given
        const { code, idNumber } = await submit(procedure);
        expect(code).to.match(/^[0-9A-Z.]+-\d{6}-\d{4}$/);
        const lookedUp = await t.anonymous().get(`/api/public/dossiers/${code}?idNumber=${idNumber}`);
        expect(lookedUp.body.status).to.equal(1);

        // when
        await driveToEnd(t, admin, code);

        // then
        const view = await admin.get(`/api/dossiers/${code}`);
        expect(view.body.status, JSON.stringify(view.body.history)).to.equal(10);
        expect(view.body.receivedAt).to.be.a('string');
        expect(view.body.dueAt).to.be.a('string');
        expect(view.body.history.map((h: { status: number }) => h.status)).to.include.members([1, 2, 9, 10]);
        expect(view.body.handovers.length).to.be.greaterThan(1);
        expect(view.body.handovers.every((h: { timing: string }) => ['early', 'onTime', 'late'].includes(h.timing))).to.equal(true);
        const receipt = await admin.get(`/api/documents/${code}/01`);
        expect(receipt.status).to.equal(200);
        expect(receipt.text).to.include(code).and.include('<svg');
        const control = await admin.get(`/api/documents/${code}/06`);
        expect(control.status).to.equal(200);
        const rating = await t.anonymous().post(`/api/public/dossiers/${code}/rating`, { idNumber, rating: 5, comment: 'Cán bộ hướng dẫn tận tình' });
        expect(rating.status, rating.text).to.equal(200);
      });

      it('should pause for a supplement requested during processing and resume when the applicant hands it in', async function () {
        // given
        const { code, idNumber } = await submit(procedure);
        await accept(code);
        const before = await admin.get(`/api/dossiers/${code}`);
        let asking;
        for (const task of await openTasks(admin, code)) {
          const detail = await admin.get(`/api/tasks/${task.id}`);
          if ((detail.body.outcomes as { value: string }[]).some((o) => o.value === 'supplement')) asking = task;
        }
        // Procedures settled at the desk on the spot ask for missing papers at reception only.
        if (!asking) this.skip();

        // when
        const supplement = await work(t, asking, 'supplement');
        expect(supplement.status, supplement.text).to.equal(200);
        const paused = await t.anonymous().get(`/api/public/dossiers/${code}?idNumber=${idNumber}`);
        t.clock.set(t.app.services.calendar.addWorkingHours(t.clock.now(), 8));
        const resumed = await t.anonymous().post(`/api/public/dossiers/${code}/supplement`, { idNumber, note: 'Đã nộp bản sao căn cước' });
        await driveToEnd(t, admin, code);

        // then
        expect(paused.body.status).to.equal(5);
        expect(paused.body.supplement.reason).to.equal('Thiếu bản sao giấy tờ tùy thân');
        expect(resumed.status, resumed.text).to.equal(200);
        expect(resumed.body.status).to.equal(4);
        const view = await admin.get(`/api/dossiers/${code}`);
        expect(view.body.status).to.equal(10);
        expect(new Date(view.body.dueAt).getTime()).to.be.greaterThan(new Date(before.body.dueAt).getTime());
        expect((await admin.get(`/api/documents/${code}/02`)).status).to.equal(200);
      });

      it('should refuse at reception with a reason and end the dossier', async () => {
        // given
        const { code, idNumber } = await submit(procedure);
        const [receive] = await openTasks(admin, code);

        // when
        const refused = await work(t, receive!, 'refuse', { reason: 'Thủ tục không thuộc thẩm quyền của cơ quan' });

        // then
        expect(refused.status, refused.text).to.equal(200);
        const lookedUp = await t.anonymous().get(`/api/public/dossiers/${code}?idNumber=${idNumber}`);
        expect(lookedUp.body.status).to.equal(3);
        expect(lookedUp.body.refusalReason).to.equal('Thủ tục không thuộc thẩm quyền của cơ quan');
        expect(await openTasks(admin, code)).to.deep.equal([]);
        const form03 = await admin.get(`/api/documents/${code}/03`);
        expect(form03.text).to.include('Thủ tục không thuộc thẩm quyền của cơ quan');
      });

      it('should apologise once with a new date and keep the original due date', async () => {
        // given
        const { code, agency } = await submit(procedure);
        await accept(code);
        const before = (await admin.get(`/api/dossiers/${code}`)).body;
        const leader = await t.login(officerFor(agency, 'leader'));
        const newDueAt = t.app.services.calendar.addWorkingDays(new Date(before.dueAt), 3).toISOString();

        // when
        const apology = await leader.post(`/api/dossiers/${code}/apology`, { reason: 'Cần xác minh thêm với cơ quan liên quan', newDueAt });
        const again = await leader.post(`/api/dossiers/${code}/apology`, { reason: 'Lần hai', newDueAt: t.app.services.calendar.addWorkingDays(new Date(newDueAt), 2).toISOString() });

        // then
        expect(apology.status, apology.text).to.equal(200);
        expect(apology.body.dueAt).to.equal(newDueAt);
        expect(apology.body.originalDueAt).to.equal(before.dueAt);
        expect(again.status).to.equal(409);
        expect(again.body.error.code).to.equal('CONFLICT');
        const form04 = await admin.get(`/api/documents/${code}/04`);
        expect(form04.status, form04.text).to.equal(200);
      });

      it('should mark a step late and still return when the result comes after the due date', async () => {
        // given
        const { code } = await submit(procedure);
        await accept(code);
        const { dueAt } = (await admin.get(`/api/dossiers/${code}`)).body;

        // when
        t.clock.set(new Date(new Date(dueAt).getTime() + 3 * 24 * 3600 * 1000));
        const overdue = await admin.get(`/api/dossiers/${code}`);
        await driveToEnd(t, admin, code);

        // then
        expect(overdue.body.overdue).to.equal(true);
        const view = await admin.get(`/api/dossiers/${code}`);
        expect(view.body.status).to.equal(10);
        expect(view.body.handovers.some((h: { timing: string }) => h.timing === 'late')).to.equal(true);
      });
    });
  }
});

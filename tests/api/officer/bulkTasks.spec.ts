import { expect } from 'chai';
import { submitOnline } from '../../e2e/support/submitOnline.js';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';

interface BulkResult {
  readonly id: string;
  readonly status: number;
  readonly task?: { assignee: string | null; assigneeName: string | null };
  readonly error?: { code: string; message: string; fields?: { path: string; message: string }[] };
}

/** Claiming and giving away several steps at once: one answer per step, each step its own command. */
describe('api/tasks bulk claim and reassign, api/officers', function () {
  this.timeout(120_000);
  let t: TestApp;
  let desk: HttpClient;
  let otherDesk: HttpClient;
  let leader: HttpClient;
  let specialist: HttpClient;

  /** The reception step of a new online dossier at an agency. */
  const newStep = async (agency = 'hai-chau'): Promise<{ id: string; code: string }> => {
    const { code } = await submitOnline(t, { agency, procedure: 'dang-ky-ho-kinh-doanh' });
    const admin = await t.login('quantri');
    const view = await admin.get(`/api/dossiers/${code}`);
    return { id: view.body.tasks[0].id as string, code };
  };
  const results = (response: { status: number; text: string; body: unknown }): BulkResult[] => {
    expect(response.status, response.text).to.equal(200);
    return (response.body as { results: BulkResult[] }).results;
  };

  before(async () => {
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
    // A second desk officer at the same commune, to take a step first.
    await t.app.services.accounts.createUser({ username: 'motcua2.haichau', password: 'MotCua@2026', fullName: 'Đỗ Thị Hằng', kind: 'officer', agencyId: 'hai-chau', roles: ['desk'] });
    [desk, otherDesk, leader, specialist] = await Promise.all(['motcua.haichau', 'motcua2.haichau', 'lanhdao.haichau', 'chuyenvien.haichau'].map((u) => t.login(u)));
  });
  after(async () => t?.close());

  it('should claim every free step and report the one a colleague took first as 409, leaving the others done', async () => {
    // given
    const [a, b, c] = [await newStep(), await newStep(), await newStep()];
    expect((await otherDesk.post(`/api/tasks/${b.id}/claim`)).status).to.equal(200);

    // when
    const answers = results(await desk.post('/api/tasks/bulk/claim', { taskIds: [a.id, b.id, c.id] }));

    // then
    expect(answers.map((r) => [r.id, r.status])).to.deep.equal([[a.id, 200], [b.id, 409], [c.id, 200]]);
    expect(answers[0]!.task).to.include({ assignee: 'motcua.haichau', assigneeName: 'Nguyễn Thị Lan' });
    expect(answers[1]!.error).to.include({ code: 'CONFLICT' });
    expect(answers[1]!.error!.message).to.include('motcua2.haichau');
    expect((await desk.get(`/api/tasks/${b.id}`)).body.assignee).to.equal('motcua2.haichau');
  });

  it("should report another agency's step as not found within an answer that still succeeds for the rest", async () => {
    // given
    const [own, foreign] = [await newStep(), await newStep('thanh-khe')];

    // when
    const answers = results(await desk.post('/api/tasks/bulk/claim', { taskIds: [foreign.id, own.id, 'no-such-step'] }));

    // then
    expect(answers.map((r) => r.status)).to.deep.equal([404, 200, 404]);
  });

  it('should refuse a bulk request without step ids', async () => {
    const response = await desk.post('/api/tasks/bulk/claim', { taskIds: [] });
    expect(response.status).to.equal(422);
    expect(response.body.error.fields[0].path).to.equal('/taskIds');
  });

  it("should let a leader give steps to a desk colleague, whoever held them, and write it in the dossier's audit log", async () => {
    // given
    const [held, free] = [await newStep(), await newStep()];
    await desk.post(`/api/tasks/${held.id}/claim`);

    // when
    const answers = results(await leader.post('/api/tasks/bulk/reassign', { taskIds: [held.id, free.id], assignee: 'motcua2.haichau' }));

    // then
    expect(answers.map((r) => r.status)).to.deep.equal([200, 200]);
    expect(answers[0]!.task).to.include({ assignee: 'motcua2.haichau', assigneeName: 'Đỗ Thị Hằng' });
    const audit = await leader.get(`/api/dossiers/${held.code}/audit`);
    const entry = (audit.body.entries as { action: string; actor: string; before: unknown; after: unknown }[]).find((e) => e.action === 'task.reassign');
    expect(entry).to.deep.include({ actor: 'lanhdao.haichau', before: { step: 'Tiếp nhận hồ sơ đăng ký hộ kinh doanh', assignee: 'motcua.haichau' } });
  });

  it('should let a desk officer give a step to another desk officer', async () => {
    const step = await newStep();
    const [answer] = results(await desk.post('/api/tasks/bulk/reassign', { taskIds: [step.id], assignee: 'motcua2.haichau' }));
    expect(answer!.status).to.equal(200);
  });

  it("should refuse a colleague without the step's role, and an officer of another agency, on the assignee field", async () => {
    // given
    const step = await newStep();

    // when
    const [toSpecialist] = results(await leader.post('/api/tasks/bulk/reassign', { taskIds: [step.id], assignee: 'chuyenvien.haichau' }));
    const [toOtherCommune] = results(await leader.post('/api/tasks/bulk/reassign', { taskIds: [step.id], assignee: 'motcua.thanhkhe' }));

    // then
    expect(toSpecialist!.status).to.equal(422);
    expect(toSpecialist!.error!.fields![0]).to.include({ path: '/assignee' });
    expect(toSpecialist!.error!.fields![0]!.message).to.include('Một cửa');
    expect(toOtherCommune!.status).to.equal(422);
    expect((await desk.get(`/api/tasks/${step.id}`)).body.assignee).to.equal(null);
  });

  it('should forbid a specialist to give steps away, and say who may', async () => {
    // given
    const step = await newStep();

    // when
    const response = await specialist.post('/api/tasks/bulk/reassign', { taskIds: [step.id], assignee: 'motcua.haichau' });

    // then
    const [answer] = results(response);
    expect(answer!.status).to.equal(403);
    expect(answer!.error!.message).to.include('Lãnh đạo').and.include('Một cửa');
  });

  it("should report another agency's step as not found to a leader", async () => {
    const step = await newStep('thanh-khe');
    const [answer] = results(await leader.post('/api/tasks/bulk/reassign', { taskIds: [step.id], assignee: 'motcua.haichau' }));
    expect(answer!.status).to.equal(404);
  });

  it('should require the assignee', async () => {
    const step = await newStep();
    const response = await leader.post('/api/tasks/bulk/reassign', { taskIds: [step.id] });
    expect(response.status).to.equal(422);
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['/assignee']);
  });

  it("should list the officer's own colleagues, by role when asked", async () => {
    // when
    const all = await desk.get('/api/officers');
    const desks = await desk.get('/api/officers?role=desk');

    // then
    expect(all.status).to.equal(200);
    expect(all.body.officers.map((o: { username: string }) => o.username).sort()).to.deep.equal(['chuyenvien.haichau', 'lanhdao.haichau', 'motcua.haichau', 'motcua2.haichau']);
    expect(desks.body.officers.map((o: { username: string }) => o.username).sort()).to.deep.equal(['motcua.haichau', 'motcua2.haichau']);
    expect(desks.body.officers[0]).to.have.keys('username', 'fullName', 'roles');
  });

  it("should forbid listing another agency's officers, except to an administrator", async () => {
    expect((await desk.get('/api/officers?agency=thanh-khe')).status).to.equal(403);
    expect((await (await t.login('kiemtra')).get('/api/officers')).status).to.equal(403);
    const admin = await (await t.login('quantri')).get('/api/officers?agency=thanh-khe');
    expect(admin.body.officers.map((o: { username: string }) => o.username)).to.include('motcua.thanhkhe');
  });
});

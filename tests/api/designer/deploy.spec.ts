import { expect } from 'chai';
import { Application } from '../../../api/Application.js';
import { readConfig } from '../../../api/config.js';
import { createLogger } from '../../../api/http/logger.js';
import { acceptAtDesk } from '../../e2e/support/acceptAtDesk.js';
import { openTasks, submissionFor } from '../../e2e/support/drive.js';
import { submitOnline } from '../../e2e/support/submitOnline.js';
import { HttpClient, startTestApp, type TestApp } from '../../e2e/support/testApp.js';
import { shippedDraft, shippedForm, withHeaderValue, withName } from './drafts.js';

/** khai-sinh's form with one more required field: the birth certificate's number. */
function formWithCertificateNumber(): Record<string, unknown> {
  const form = shippedForm('khai-sinh/submission');
  const properties = form.properties as Record<string, unknown>;
  const ui = form['x-ui'] as { order?: string[] } | undefined;
  return {
    ...form,
    properties: { ...properties, birthCertificateNumber: { title: 'Số giấy chứng sinh', type: 'string', minLength: 1, maxLength: 30 } },
    required: [...(form.required as string[]), 'birthCertificateNumber'],
    ...(ui?.order ? { 'x-ui': { ...ui, order: [...ui.order, 'birthCertificateNumber'] } } : {}),
  };
}

async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

describe('designer API: deploying versions', function () {
  this.timeout(180_000);
  let t: TestApp;
  let designer: HttpClient;

  before(async () => {
    t = await startTestApp();
    designer = await t.login('thietke');
  });
  after(async () => t?.close());

  const deploy = (code: string, body: object) => designer.post(`/api/designer/procedures/${code}/versions`, body);

  it('should keep the version for an identical deploy, and make a new one for a changed step duration that the diff lists', async () => {
    // given: the draft as the designer page reads it back
    const read = await designer.get('/api/designer/procedures/dang-ky-ho-kinh-doanh');
    const draft = { metadata: read.body.metadata as Record<string, unknown>, bpmn: read.body.bpmn as string };

    // when
    const identical = await deploy('dang-ky-ho-kinh-doanh', draft);
    const changed = await deploy('dang-ky-ho-kinh-doanh', { ...draft, bpmn: withHeaderValue(draft.bpmn, 'appraise', 'timeShare', '16h'), note: 'Thẩm định 16 giờ làm việc' });
    const again = await deploy('dang-ky-ho-kinh-doanh', { ...draft, bpmn: withHeaderValue(draft.bpmn, 'appraise', 'timeShare', '16h') });
    const diff = await designer.get('/api/designer/procedures/dang-ky-ho-kinh-doanh/diff?from=1&to=2');

    // then
    expect(identical.status).to.equal(200);
    expect(identical.body).to.deep.equal({ code: 'dang-ky-ho-kinh-doanh', version: 1, isNew: false });
    expect(changed.status).to.equal(201);
    expect(changed.body).to.deep.equal({ code: 'dang-ky-ho-kinh-doanh', version: 2, isNew: true });
    expect(again.status).to.equal(200);
    expect(again.body.version).to.equal(2);
    expect(diff.body.elements.changed).to.deep.equal([
      { id: 'appraise', type: 'userTask', name: 'Thẩm định hồ sơ đăng ký hộ kinh doanh', changes: [{ attribute: 'timeShare', before: '14h', after: '16h' }] },
    ]);
    expect(diff.body.elements.added).to.deep.equal([]);
    expect(diff.body.metadata).to.deep.equal([]);
  });

  it('should record who deployed the version, with its note, in the history and the audit log', async () => {
    // when
    const read = await designer.get('/api/designer/procedures/dang-ky-ho-kinh-doanh');
    const { rows } = await t.db.query<{ actor: string; after: { version: number } }>(
      `SELECT actor, after FROM audit_log WHERE action = 'procedure.deploy' AND entity_id = 'dang-ky-ho-kinh-doanh'`,
    );

    // then
    expect(read.body.version).to.equal(2);
    expect(read.body.versions[1]).to.include({ version: 2, createdBy: 'thietke', note: 'Thẩm định 16 giờ làm việc' });
    expect(rows.map((r) => [r.actor, r.after.version])).to.deep.equal([['thietke', 2]]);
  });

  it('should validate citizens\' submissions against a newly deployed form, and list its new field in the diff', async () => {
    // given
    const draft = shippedDraft('khai-sinh');
    const form = formWithCertificateNumber();
    const submission = submissionFor('khai-sinh');

    // when
    const deployed = await deploy('khai-sinh', { ...draft, form });
    const diff = await designer.get(`/api/designer/procedures/khai-sinh/diff?from=1&to=${deployed.body.version}`);
    const without = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });
    const withNumber = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau', formData: { ...submission.formData, birthCertificateNumber: 'CS-2026-0456' } });

    // then
    expect(deployed.status).to.equal(201);
    expect(diff.body.form.added).to.deep.equal([{ path: '/birthCertificateNumber', title: 'Số giấy chứng sinh' }]);
    expect(diff.body.metadata.map((c: { path: string }) => c.path)).to.deep.equal(['/submissionForm']);
    expect(without.status).to.equal(422);
    expect(without.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['/formData/birthCertificateNumber']);
    expect(withNumber.status, withNumber.text).to.equal(201);
  });

  it('should store nothing when the deploy is invalid', async () => {
    // given
    const draft = shippedDraft('khai-sinh');
    const versionsBefore = await count(t, 'SELECT count(*)::int AS n FROM procedure_versions');
    const formsBefore = await count(t, 'SELECT count(*)::int AS n FROM designer_forms');
    const form = { ...formWithCertificateNumber(), title: 'Tờ khai khác' };

    // when
    const response = await deploy('khai-sinh', { ...draft, bpmn: withHeaderValue(draft.bpmn, 'register', 'stepKind', 'review'), metadata: { ...draft.metadata, fee: { amount: -1 } }, form });

    // then
    expect(response.status).to.equal(422);
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).to.have.members(['/bpmn/register', '/metadata/fee']);
    expect(await count(t, 'SELECT count(*)::int AS n FROM procedure_versions')).to.equal(versionsBefore);
    expect(await count(t, 'SELECT count(*)::int AS n FROM designer_forms')).to.equal(formsBefore);
  });

  it('should create a procedure with a new code and its own form, which the portal lists at once', async () => {
    // given: no file name and no form id to fill in, the form comes with the draft
    const draft = shippedDraft('chung-thuc-ban-sao');
    const bpmn = draft.bpmn.replaceAll(`id="${String(draft.metadata.processId)}"`, 'id="chung-thuc-chu-ky"');
    const shipped = Object.fromEntries(Object.entries(draft.metadata).filter(([key]) => key !== 'bpmn' && key !== 'submissionForm'));
    const metadata = { ...shipped, code: 'chung-thuc-chu-ky', name: 'Chứng thực chữ ký trong giấy tờ, văn bản', processId: 'chung-thuc-chu-ky' };

    // when
    const created = await deploy('chung-thuc-chu-ky', { metadata, bpmn, form: shippedForm('chung-thuc-ban-sao/submission') });
    const portal = await t.anonymous().get('/api/procedures');
    const procedure = await t.anonymous().get('/api/procedures/chung-thuc-chu-ky');

    // then
    expect(created.status, created.text).to.equal(201);
    expect(created.body).to.deep.equal({ code: 'chung-thuc-chu-ky', version: 1, isNew: true });
    expect(portal.body.procedures.map((p: { code: string }) => p.code)).to.include('chung-thuc-chu-ky');
    expect(procedure.body.form.id).to.match(/^chung-thuc-chu-ky\/submission@[0-9a-f]{8}$/);
    expect(procedure.body.form.schema).to.deep.equal(shippedForm('chung-thuc-ban-sao/submission'));
  });

  it('should NOT take a code that is not a catalogue code', async () => {
    // when
    const response = await deploy('Chung_Thuc', shippedDraft('chung-thuc-ban-sao'));

    // then
    expect(response.status).to.equal(422);
    expect(response.body.error.fields[0].path).to.equal('/code');
  });

  it('should keep a running dossier on its version while new dossiers start on the new one', async () => {
    // given: a dossier on version 1, waiting at reception
    const admin = await t.login('quantri');
    const draft = shippedDraft('lien-thong-khai-sinh-thuong-tru-bhyt');
    const running = await submitOnline(t, { agency: 'hai-chau', procedure: 'lien-thong-khai-sinh-thuong-tru-bhyt' });

    // when: version 2 renames the step after reception, then both dossiers are accepted
    const deployed = await deploy('lien-thong-khai-sinh-thuong-tru-bhyt', { ...draft, bpmn: withName(draft.bpmn, 'registerBirth', 'Đăng ký khai sinh (liên thông)') });
    const fresh = await submitOnline(t, { agency: 'hai-chau', procedure: 'lien-thong-khai-sinh-thuong-tru-bhyt' });
    await acceptAtDesk(t, admin, running.code);
    await acceptAtDesk(t, admin, fresh.code);

    // then
    expect(deployed.status).to.equal(201);
    expect((await admin.get(`/api/dossiers/${running.code}`)).body.procedure.version).to.equal(1);
    expect((await admin.get(`/api/dossiers/${fresh.code}`)).body.procedure.version).to.equal(2);
    expect((await openTasks(admin, running.code)).map((task) => task.name)).to.deep.equal(['Đăng ký khai sinh']);
    expect((await openTasks(admin, fresh.code)).map((task) => task.name)).to.deep.equal(['Đăng ký khai sinh (liên thông)']);
  });

  it('should keep designer versions and forms after a restart', async () => {
    // given: the service stops and starts again on the same database
    await t.app.stop();
    const config = { ...readConfig({}, process.cwd()), runJobs: false, logLevel: 'silent' as const, publicRequestsPerMinute: 100_000 };
    const restarted = await Application.start({ config, db: t.db, clock: t.clock, logger: createLogger({ level: 'silent' }) });
    const url = await restarted.listen(0, '127.0.0.1');
    try {
      const submission = submissionFor('khai-sinh');

      // when
      const catalogue = await new HttpClient(url).get('/api/procedures/khai-sinh');
      const without = await new HttpClient(url).post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });

      // then
      expect(catalogue.body.version).to.equal(2);
      expect(catalogue.body.form.id).to.match(/^khai-sinh\/submission@[0-9a-f]{8}$/);
      expect(without.status).to.equal(422);
      expect(without.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['/formData/birthCertificateNumber']);
    } finally {
      await restarted.stop();
    }
  });
});

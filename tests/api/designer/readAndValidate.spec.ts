import { expect } from 'chai';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';
import { shippedDraft, shippedForm, withHeaderValue } from './drafts.js';

describe('designer API: reading versions and checking drafts', function () {
  this.timeout(120_000);
  let t: TestApp;
  let designer: HttpClient;

  before(async () => {
    t = await startTestApp();
    designer = await t.login('thietke');
  });
  after(async () => t?.close());

  describe('access', () => {
    it('should answer 401 to an anonymous caller', async () => {
      // when
      const response = await t.anonymous().get('/api/designer/procedures');

      // then
      expect(response.status).to.equal(401);
    });

    it('should answer 403 to an officer', async () => {
      // given
      const officer = await t.login('motcua.haichau');

      // when
      const response = await officer.get('/api/designer/procedures');

      // then
      expect(response.status).to.equal(403);
    });

    it('should let a designer and an administrator in', async () => {
      // given
      const admin = await t.login('quantri');

      // when
      const asDesigner = await designer.get('/api/designer/procedures');
      const asAdmin = await admin.get('/api/designer/procedures');

      // then
      expect(asDesigner.status).to.equal(200);
      expect(asAdmin.status).to.equal(200);
    });

    it('should NOT take a POST without the CSRF token', async () => {
      // when
      const response = await designer.post('/api/designer/validate', { bpmn: shippedDraft('khai-sinh').bpmn }, { csrf: false });

      // then
      expect(response.status).to.equal(403);
      expect(response.body.error.code).to.equal('CSRF_FAILED');
    });
  });

  describe('GET /api/designer/procedures', () => {
    it('should list each procedure with its latest version and who deployed it', async () => {
      // when
      const response = await designer.get('/api/designer/procedures');

      // then
      const khaiSinh = response.body.procedures.find((p: { code: string }) => p.code === 'khai-sinh');
      expect(khaiSinh).to.include({ code: 'khai-sinh', name: 'Đăng ký khai sinh', field: 'Hộ tịch', latestVersion: 1, updatedBy: 'system' });
      expect(Number.isNaN(Date.parse(khaiSinh.updatedAt))).to.equal(false);
    });
  });

  describe('GET /api/designer/procedures/:code', () => {
    it('should give the latest version with its history, metadata, BPMN and submission form', async () => {
      // when
      const response = await designer.get('/api/designer/procedures/khai-sinh');

      // then
      expect(response.status).to.equal(200);
      expect(response.body.code).to.equal('khai-sinh');
      expect(response.body.version).to.equal(1);
      expect(response.body.versions).to.have.length(1);
      expect(response.body.versions[0]).to.include({ version: 1, createdBy: 'system', note: null });
      expect(response.body.metadata).to.deep.equal(shippedDraft('khai-sinh').metadata);
      expect(response.body.bpmn).to.equal(shippedDraft('khai-sinh').bpmn);
      expect(response.body.form).to.deep.equal({ id: 'khai-sinh/submission', schema: shippedForm('khai-sinh/submission') });
    });

    it('should give a version asked for by number', async () => {
      // when
      const response = await designer.get('/api/designer/procedures/khai-sinh?version=1');

      // then
      expect(response.status).to.equal(200);
      expect(response.body.version).to.equal(1);
    });

    it('should answer 404 for an unknown procedure and for an unknown version', async () => {
      // when
      const unknownCode = await designer.get('/api/designer/procedures/khong-co');
      const unknownVersion = await designer.get('/api/designer/procedures/khai-sinh?version=9');

      // then
      expect(unknownCode.status).to.equal(404);
      expect(unknownVersion.status).to.equal(404);
      expect(unknownVersion.body.error.message).to.contain('phiên bản 9');
    });

    it('should answer 400 for a version that is not a number', async () => {
      // when
      const response = await designer.get('/api/designer/procedures/khai-sinh?version=moi');

      // then
      expect(response.status).to.equal(400);
    });
  });

  describe('GET /api/designer/procedures/:code/versions/:version/process.bpmn', () => {
    it('should download the version\'s BPMN as <code>-v<version>.bpmn', async () => {
      // when
      const response = await designer.get('/api/designer/procedures/khai-sinh/versions/1/process.bpmn');

      // then
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-disposition')).to.equal('attachment; filename="khai-sinh-v1.bpmn"');
      expect(response.headers.get('content-type')).to.contain('application/xml');
      expect(response.text).to.equal(shippedDraft('khai-sinh').bpmn);
    });

    it('should answer 404 for a version that does not exist', async () => {
      // when
      const response = await designer.get('/api/designer/procedures/khai-sinh/versions/2/process.bpmn');

      // then
      expect(response.status).to.equal(404);
    });
  });

  describe('POST /api/designer/validate', () => {
    it('should pass a shipped procedure with its metadata', async () => {
      // given
      const draft = shippedDraft('ly-lich-tu-phap');

      // when
      const response = await designer.post('/api/designer/validate', draft);

      // then
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.equal({ ok: true, problems: [], metadataProblems: [], formProblems: [] });
    });

    it('should report malformed XML as one problem on the definitions, never a server error', async () => {
      // when
      const response = await designer.post('/api/designer/validate', { bpmn: '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process' });

      // then
      expect(response.status).to.equal(200);
      expect(response.body.ok).to.equal(false);
      expect(response.body.problems).to.have.length.greaterThan(0);
      expect(response.body.problems[0].elementId).to.be.oneOf([null, 'definitions']);
      expect(response.body.problems[0].message).to.match(/^Tệp BPMN không phải XML hợp lệ/);
    });

    it('should report a step with an unknown stepKind on its element', async () => {
      // given
      const bpmn = withHeaderValue(shippedDraft('khai-sinh').bpmn, 'register', 'stepKind', 'review');

      // when
      const response = await designer.post('/api/designer/validate', { bpmn });

      // then
      expect(response.body.ok).to.equal(false);
      expect(response.body.problems).to.have.length(1);
      expect(response.body.problems[0]).to.include({ elementId: 'register', code: 'unknown-step-kind' });
      expect(response.body.problems[0].message).to.contain('«review»');
    });

    it('should report the other desk conventions, each on its element', async () => {
      // given
      let bpmn = shippedDraft('khai-sinh').bpmn;
      bpmn = withHeaderValue(bpmn, 'receive', 'agency', 'fire-brigade');
      bpmn = withHeaderValue(bpmn, 'register', 'form', 'steps/khong-co');
      bpmn = withHeaderValue(bpmn, 'returnResult', 'outcomes', 'returned:Đã trả|returned:Trả lại');
      bpmn = bpmn.replace('<zeebe:header key="agency" value="receiving" />\n          <zeebe:header key="outcomes" value="approve', '<zeebe:header key="timeShare" value="0d" />\n          <zeebe:header key="outcomes" value="approve');

      // when
      const response = await designer.post('/api/designer/validate', { bpmn });

      // then
      const found = response.body.problems.map((p: { elementId: string; code: string }) => `${p.elementId}:${p.code}`);
      expect(found).to.have.members(['receive:unknown-agency-kind', 'register:unknown-form', 'returnResult:invalid-outcomes', 'approve:invalid-time-share']);
    });

    it('should report a bad metadata field by its pointer', async () => {
      // given
      const draft = shippedDraft('khai-sinh');
      const metadata = { ...draft.metadata, limit: { unit: 'workingDays', amount: -2 }, processId: 'khac' };

      // when
      const response = await designer.post('/api/designer/validate', { bpmn: draft.bpmn, metadata });

      // then
      expect(response.body.ok).to.equal(false);
      expect(response.body.metadataProblems.map((p: { path: string }) => p.path)).to.have.members(['/limit/amount', '/processId']);
    });

    it('should report a form schema that does not compile, by its pointer', async () => {
      // given
      const form = { type: 'object', properties: { tenCongTrinh: { title: 'Tên công trình', type: 'chuoi' } } };

      // when
      const response = await designer.post('/api/designer/validate', { bpmn: shippedDraft('khai-sinh').bpmn, form });

      // then
      expect(response.body.ok).to.equal(false);
      expect(response.body.formProblems.map((p: { path: string }) => p.path)).to.include('/properties/tenCongTrinh/type');
    });

    it('should pass a form that refers to the shared definitions', async () => {
      // given
      const form = shippedForm('khai-sinh/submission');

      // when
      const response = await designer.post('/api/designer/validate', { ...shippedDraft('khai-sinh'), form });

      // then
      expect(response.body).to.deep.equal({ ok: true, problems: [], metadataProblems: [], formProblems: [] });
    });
  });
});

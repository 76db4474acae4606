import { expect } from 'chai';
import { driveToEnd, submissionFor } from './support/drive.js';
import { startTestApp, type TestApp } from './support/testApp.js';

describe('audit log of dossier work', function () {
  this.timeout(60_000);
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
  });
  after(async () => t?.close());

  it('should write one entry per mutation, readable per dossier, on a chain that verifies', async () => {
    // given
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submissionFor('khai-sinh'), agency: 'hai-chau' });
    const code = submitted.body.code as string;
    const admin = await t.login('quantri');

    // when
    await driveToEnd(t, admin, code);
    const auditor = await t.login('kiemtra');
    const entries = await auditor.get(`/api/dossiers/${code}/audit`);
    const verified = await auditor.get('/api/audit/verify');

    // then
    const actions = (entries.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions[0]).to.equal('dossier.submit');
    expect(actions).to.include.members(['dossier.accept', 'task.complete', 'dossier.resultReady', 'dossier.return']);
    const accept = (entries.body.entries as { action: string; before: { status: number }; after: { status: number } }[]).find((e) => e.action === 'dossier.accept')!;
    expect([accept.before.status, accept.after.status]).to.deep.equal([1, 2]);
    expect(verified.body.ok).to.equal(true);
  });

  it('should detect an entry altered behind the application’s back', async () => {
    // given
    const auditor = await t.login('kiemtra');
    const { rows } = await t.db.query<{ seq: string }>(`SELECT seq FROM audit_log WHERE action = 'dossier.accept' ORDER BY seq LIMIT 1`);

    // when
    await t.db.query('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    await t.db.query(`UPDATE audit_log SET actor = 'nguoi-khac' WHERE seq = $1`, [rows[0]!.seq]);
    await t.db.query('ALTER TABLE audit_log ENABLE TRIGGER ALL');
    const verified = await auditor.get('/api/audit/verify');

    // then
    expect(verified.body.ok).to.equal(false);
    expect(String(verified.body.brokenAt)).to.equal(String(rows[0]!.seq));
  });
});

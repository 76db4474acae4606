import { expect } from 'chai';
import { openTasks, officerFor, submissionFor } from './support/drive.js';
import { startTestApp, type TestApp } from './support/testApp.js';

describe('concurrent desks', function () {
  this.timeout(120_000);
  let t: TestApp;

  before(async () => {
    t = await startTestApp();
  });
  after(async () => t?.close());

  it('should give 40 parallel submissions to one commune 40 distinct codes numbered 0001 to 0040', async () => {
    // given
    const submission = { ...submissionFor('khai-sinh'), agency: 'thanh-khe' };

    // when
    const answers = await Promise.all(Array.from({ length: 40 }, () => t.anonymous().post('/api/public/dossiers', submission)));

    // then
    expect(answers.map((a) => a.status)).to.deep.equal(Array(40).fill(201));
    const codes = answers.map((a) => a.body.code as string).sort();
    expect(new Set(codes).size).to.equal(40);
    expect(codes.map((c) => c.slice(-4))).to.deep.equal(Array.from({ length: 40 }, (_, i) => String(i + 1).padStart(4, '0')));
    expect(codes[0]).to.match(/^000\.10\.02\.H99-260302-0001$/);
  });

  it('should let exactly one of two officers complete the same step; the other gets 409', async () => {
    // given
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submissionFor('khai-sinh'), agency: 'hai-chau' });
    const admin = await t.login('quantri');
    const [receive] = await openTasks(admin, submitted.body.code as string);
    const desk = officerFor('hai-chau', 'desk');
    const [first, second] = await Promise.all([t.login(desk), t.login(desk)]);

    // when
    const answers = await Promise.all([first!, second!].map((client) => client.post(`/api/tasks/${receive!.id}/complete`, { outcome: 'accept', formData: {} })));

    // then
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).to.equal('CONFLICT');
    const view = await admin.get(`/api/dossiers/${submitted.body.code}`);
    expect(view.body.history.filter((h: { action: string }) => h.action === 'accept')).to.have.length(1);
  });
});

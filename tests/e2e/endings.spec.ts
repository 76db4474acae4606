import { expect } from 'chai';
import { openTasks, officerFor, submissionFor, work } from './support/drive.js';
import { startTestApp, type HttpClient, type TestApp } from './support/testApp.js';

describe('dossiers that end before their result', function () {
  this.timeout(60_000);
  let t: TestApp;
  let admin: HttpClient;

  before(async () => {
    t = await startTestApp();
    admin = await t.login('quantri');
  });
  after(async () => t?.close());

  async function accepted(procedure: string): Promise<{ code: string; idNumber: string }> {
    const submission = submissionFor(procedure);
    const submitted = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: 'hai-chau' });
    const [receive] = await openTasks(admin, submitted.body.code as string);
    await work(t, receive!, 'accept');
    return { code: submitted.body.code as string, idNumber: submission.applicant.idNumber as string };
  }

  it('should let the applicant withdraw a dossier in processing: status 7 and no step left in any inbox', async () => {
    // given
    const { code, idNumber } = await accepted('dang-ky-ho-kinh-doanh');

    // when
    const withdrawn = await t.anonymous().post(`/api/public/dossiers/${code}/withdraw`, { idNumber, reason: 'Không còn nhu cầu kinh doanh' });
    const again = await t.anonymous().post(`/api/public/dossiers/${code}/withdraw`, { idNumber });

    // then
    expect(withdrawn.status, withdrawn.text).to.equal(200);
    expect(withdrawn.body.status).to.equal(7);
    expect(again.status).to.equal(409);
    expect(again.body.error.code).to.equal('INVALID_TRANSITION');
    expect(await openTasks(admin, code)).to.deep.equal([]);
    const inbox = await (await t.login(officerFor('hai-chau', 'specialist'))).get('/api/tasks');
    expect(inbox.body.tasks.map((task: { dossier: { code: string } }) => task.dossier.code)).to.not.include(code);
  });

  it('should let a leader stop processing with a reason and print the notice (form 05)', async () => {
    // given
    const { code, idNumber } = await accepted('giay-phep-xay-dung-nha-o');
    const leader = await t.login(officerFor('hai-chau', 'leader'));

    // when
    const withoutReason = await leader.post(`/api/dossiers/${code}/stop`, {});
    const stopped = await leader.post(`/api/dossiers/${code}/stop`, { reason: 'Thửa đất đang có tranh chấp theo thông báo của Tòa án' });

    // then
    expect(withoutReason.status).to.equal(422);
    expect(withoutReason.body.error.fields[0].path).to.equal('/reason');
    expect(stopped.status, stopped.text).to.equal(200);
    expect(stopped.body.status).to.equal(8);
    const notice = await leader.get(`/api/documents/${code}/05`);
    expect(notice.status).to.equal(200);
    expect(notice.text).to.include('Thửa đất đang có tranh chấp theo thông báo của Tòa án');
    const lookedUp = await t.anonymous().get(`/api/public/dossiers/${code}?idNumber=${idNumber}`);
    expect(lookedUp.body.statusName).to.equal('Dừng xử lý');
  });
});

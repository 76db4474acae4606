import { expect } from 'chai';
import { acceptAtDesk } from '../../e2e/support/acceptAtDesk.js';
import { submissionFor } from '../../e2e/support/drive.js';
import { submitOnline } from '../../e2e/support/submitOnline.js';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';

/** The inbox's filters, sorting and paging, answered by the server from `GET /api/tasks`. */
describe('api/tasks inbox filters', function () {
  this.timeout(120_000);
  let t: TestApp;
  let desk: HttpClient;
  let admin: HttpClient;
  /**
   * Online receptions due 14:00, 15:00 and the next morning (8 working hours), an in-person
   * reception with no due time (taken by the desk that registered it), a dossier being
   * processed, and another commune's.
   */
  const code = { early: '', later: '', tomorrow: '', inPerson: '', processing: '', elsewhere: '' };

  const codes = async (client: HttpClient, query: string): Promise<string[]> => {
    const response = await client.get(`/api/tasks${query}`);
    expect(response.status, response.text).to.equal(200);
    return (response.body.tasks as { dossier: { code: string } }[]).map((task) => task.dossier.code);
  };

  before(async () => {
    // Monday 2/3/2026 08:00; a household-business reception step takes 4 working hours.
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
    admin = await t.login('quantri');
    code.early = (await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' })).code;
    code.processing = (await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' })).code;
    await acceptAtDesk(t, admin, code.processing);
    code.elsewhere = (await submitOnline(t, { agency: 'thanh-khe', procedure: 'dang-ky-ho-kinh-doanh' })).code;
    t.clock.set('2026-03-02T09:00:00+07:00');
    code.later = (await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' })).code;
    code.tomorrow = (await submitOnline(t, { agency: 'hai-chau', procedure: 'khai-sinh' })).code;
    desk = await t.login('motcua.haichau');
    const registered = await desk.post('/api/dossiers', submissionFor('khai-sinh'));
    expect(registered.status, registered.text).to.equal(201);
    code.inPerson = registered.body.code;
  });
  after(async () => t?.close());

  it("should list the agency's open reception steps soonest first, steps without a due time last", async () => {
    expect(await codes(desk, '')).to.deep.equal([code.early, code.later, code.tomorrow, code.inPerson]);
  });

  it('should sort by step due date the other way round and still keep steps without a due time last', async () => {
    expect(await codes(desk, '?order=desc')).to.deep.equal([code.tomorrow, code.later, code.early, code.inPerson]);
  });

  it('should filter by procedure', async () => {
    expect(await codes(desk, '?procedure=khai-sinh')).to.deep.equal([code.tomorrow, code.inPerson]);
  });

  it("should filter by the dossier's status, one or several", async () => {
    expect(await codes(admin, '?dossierStatus=4')).to.deep.equal([code.processing]);
    expect((await codes(admin, '?dossierStatus=1,4')).sort()).to.deep.equal([code.early, code.later, code.tomorrow, code.inPerson, code.processing, code.elsewhere].sort());
  });

  it("should show those who hand steps out every step of their agency, whatever its role", async () => {
    // when
    const agency = await codes(desk, '?scope=agency');

    // then the specialist's step is there, another commune's is not
    expect(agency).to.include(code.processing);
    expect(agency).to.not.include(code.elsewhere);
    expect(await codes(desk, '?scope=own')).to.not.include(code.processing);
  });

  it("should forbid a specialist the whole agency's steps, and say who may see them", async () => {
    const response = await (await t.login('chuyenvien.haichau')).get('/api/tasks?scope=agency');
    expect(response.status).to.equal(403);
    expect(response.body.error.message).to.include('Lãnh đạo');
  });

  it('should cut pages and count every match', async () => {
    const response = await desk.get('/api/tasks?limit=1&offset=1');
    expect(response.body.total).to.equal(4);
    expect(response.body.tasks.map((task: { dossier: { code: string } }) => task.dossier.code)).to.deep.equal([code.later]);
  });

  it('should tell steps taken by me from steps nobody has taken', async () => {
    // given
    const [later] = (await desk.get('/api/tasks?procedure=dang-ky-ho-kinh-doanh&order=desc&limit=1')).body.tasks;
    expect((await desk.post(`/api/tasks/${later.id}/claim`)).status).to.equal(200);

    // then
    expect(await codes(desk, '?assignee=me')).to.deep.equal([code.later, code.inPerson]);
    expect(await codes(desk, '?assignee=none')).to.deep.equal([code.early, code.tomorrow]);
    expect(await codes(desk, '?assignee=all')).to.have.length(4);
  });

  it('should find the overdue step and the one due soon after the clock passes 14:00', async () => {
    // given
    t.clock.set('2026-03-02T14:30:00+07:00');

    // then
    expect(await codes(desk, '?overdue=true')).to.deep.equal([code.early]);
    expect(await codes(desk, '?dueSoon=true')).to.deep.equal([code.later, code.tomorrow]);
    const [late] = (await desk.get('/api/tasks?overdue=true')).body.tasks;
    expect(late).to.include({ overdue: true, dueSoon: false });
    expect(late.dossier).to.have.property('receivedAt', null);
  });

  it('should refuse unknown filter values with one message per parameter', async () => {
    // when
    const response = await desk.get('/api/tasks?dossierStatus=11&assignee=someone&order=up');

    // then
    expect(response.status).to.equal(422);
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).to.deep.equal(['/assignee', '/order', '/dossierStatus']);
  });
});

import { expect } from 'chai';
import { acceptAtDesk } from '../../e2e/support/acceptAtDesk.js';
import { openTasks, work } from '../../e2e/support/drive.js';
import { submitOnline } from '../../e2e/support/submitOnline.js';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';

interface Diagram {
  readonly xml: string;
  readonly active: string[];
  readonly completed: string[];
}

/** `GET /api/dossiers/:code/diagram`: the dossier's process with where it is and where it has been. */
describe('api/dossiers/:code/diagram', function () {
  this.timeout(120_000);
  let t: TestApp;
  let admin: HttpClient;
  let desk: HttpClient;

  before(async () => {
    t = await startTestApp({ at: '2026-03-02T08:00:00+07:00' });
    admin = await t.login('quantri');
    desk = await t.login('motcua.haichau');
  });
  after(async () => t?.close());

  it('should mark a new dossier at its reception step, with the start event and its flow passed', async () => {
    // given
    const { code } = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });

    // when
    const response = await desk.get(`/api/dossiers/${code}/diagram`);

    // then
    expect(response.status).to.equal(200);
    const diagram = response.body as Diagram;
    expect(diagram.xml).to.include('<bpmn:process id="dang-ky-ho-kinh-doanh"');
    expect(diagram.active).to.deep.equal(['receive']);
    expect(diagram.completed.sort()).to.deep.equal(['flowSubmitted', 'submitted']);
  });

  it('should move the mark to the processing step once the desk accepts, with reception and the decision passed', async () => {
    // given
    const { code } = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    await acceptAtDesk(t, admin, code);

    // when
    const diagram = (await desk.get(`/api/dossiers/${code}/diagram`)).body as Diagram;

    // then
    expect(diagram.active).to.deep.equal(['appraise']);
    expect(diagram.completed).to.include.members(['submitted', 'receive', 'receptionDecision']);
    expect(diagram.completed).to.not.include('appraise');
    expect(diagram.completed).to.not.include('dang-ky-ho-kinh-doanh');
  });

  it('should mark the event a dossier waits at while the applicant completes the papers', async () => {
    // given
    const { code } = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    const [receive] = await openTasks(admin, code);
    expect((await work(t, receive!, 'supplement')).status).to.equal(200);

    // when
    const diagram = (await desk.get(`/api/dossiers/${code}/diagram`)).body as Diagram;

    // then the reception step is done and the wait is active
    expect(diagram.completed).to.include('receive');
    expect(diagram.active).to.have.length(1);
    expect(diagram.xml).to.include(`<bpmn:intermediateCatchEvent id="${diagram.active[0]}"`);
  });

  it("should answer 404 for another agency's dossier, as the dossier read does", async () => {
    // given
    const { code } = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    const elsewhere = await t.login('motcua.thanhkhe');

    // when
    const response = await elsewhere.get(`/api/dossiers/${code}/diagram`);

    // then
    expect(response.status).to.equal(404);
    expect(response.body.error.code).to.equal('NOT_FOUND');
    expect((await elsewhere.get(`/api/dossiers/${code}`)).status).to.equal(404);
  });

  it('should need a session', async () => {
    const { code } = await submitOnline(t, { agency: 'hai-chau', procedure: 'dang-ky-ho-kinh-doanh' });
    expect((await t.anonymous().get(`/api/dossiers/${code}/diagram`)).status).to.equal(401);
  });
});

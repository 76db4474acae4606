import { expect } from 'chai';
import { toLocalIso, vietnamCalendar } from '../../../engine/index.js';
import { startTestApp, type HttpClient, type TestApp } from '../../e2e/support/testApp.js';
import { shippedDraft } from './drafts.js';

interface OpenChoice {
  element: string;
  name: string;
  kind: string;
  outcomes?: { value: string; label: string }[];
}

const START = {
  at: '2026-03-02T09:00:00+07:00',
  variables: { dossierCode: '000.10.01.H99-260302-0001', procedure: 'khai-sinh', channel: 2, receivingAgency: 'hai-chau' },
};

describe('designer API: test runs', function () {
  this.timeout(120_000);
  let t: TestApp;
  let designer: HttpClient;

  before(async () => {
    t = await startTestApp();
    designer = await t.login('thietke');
  });
  after(async () => t?.close());

  const run = (body: Record<string, unknown>) => designer.post('/api/designer/simulate', body);

  it('should drive khai-sinh to its end with the outcomes the open steps offer', async () => {
    // given
    const { bpmn } = shippedDraft('khai-sinh');
    const steps: Record<string, unknown>[] = [];

    // when
    let response = await run({ bpmn, start: START, steps });
    for (let i = 0; i < 10 && response.body.trace.open.length > 0; i++) {
      const next = response.body.trace.open[0] as OpenChoice;
      steps.push({ advance: 'PT30M' }, { complete: next.element, variables: { outcome: next.outcomes![0]!.value } });
      response = await run({ bpmn, start: START, steps });
    }

    // then
    expect(response.status).to.equal(200);
    expect(response.body.trace.state).to.equal('completed');
    expect(response.body.trace.variables.result).to.equal('approved');
    expect(response.body.trace.tasks.map((task: { element: string }) => task.element)).to.deep.equal(['receive', 'register', 'approve', 'returnResult']);
  });

  it('should offer the step\'s outcomes from its header, normal path first', async () => {
    // when
    const response = await run({ bpmn: shippedDraft('khai-sinh').bpmn, start: START, steps: [{ complete: 'receive', variables: { outcome: 'accept' } }] });

    // then
    expect(response.body.trace.open).to.deep.equal([
      {
        element: 'register',
        name: 'Kiểm tra, ghi Sổ đăng ký khai sinh',
        kind: 'userTask',
        outcomes: [
          { value: 'forward', label: 'Trình ký Giấy khai sinh' },
          { value: 'supplement', label: 'Yêu cầu bổ sung' },
          { value: 'refuse', label: 'Từ chối đăng ký' },
        ],
      },
    ]);
  });

  it('should give each step the due date the desk would set', async () => {
    // given: khai-sinh is due the same day; the online reception step within 8 working hours
    const steps = [{ advance: 'PT1H' }, { complete: 'receive', variables: { outcome: 'accept' } }];

    // when
    const response = await run({ bpmn: shippedDraft('khai-sinh').bpmn, start: START, steps });

    // then
    const calendar = vietnamCalendar();
    const [receive, register] = response.body.trace.tasks;
    expect(receive).to.include({ element: 'receive', dueDate: toLocalIso(calendar.addWorkingHours(new Date(START.at), 8)) });
    expect(register).to.include({ element: 'register', dueDate: toLocalIso(calendar.dueDate(new Date(register.createdAt), { unit: 'sameDay' })) });
  });

  it('should offer the message a step waits for', async () => {
    // when
    const response = await run({ bpmn: shippedDraft('khai-sinh').bpmn, start: START, steps: [{ complete: 'receive', variables: { outcome: 'supplement' } }] });

    // then
    expect(response.body.trace.open).to.deep.equal([
      {
        element: 'waitReceptionSupplement',
        name: 'Chờ công dân bổ sung hồ sơ',
        kind: 'message',
        message: { name: 'dossier-supplemented', correlationKey: START.variables.dossierCode },
      },
    ]);
  });

  it('should fire a boundary timer when the clock passes it', async () => {
    // given: dang-ky-ho-kinh-doanh reminds the appraiser after 10 working hours
    const { bpmn } = shippedDraft('dang-ky-ho-kinh-doanh');
    const accepted = [{ complete: 'receive', variables: { outcome: 'accept' } }];

    // when
    const before = await run({ bpmn, start: START, steps: accepted });
    const after = await run({ bpmn, start: START, steps: [...accepted, { advance: 'P3D' }] });

    // then
    expect(before.body.trace.timers).to.have.length(1);
    expect(before.body.trace.timers[0]).to.include({ element: 'appraisalReminder', firedAt: null });
    expect(after.body.trace.timers[0].firedAt).to.be.a('string');
    expect(after.body.trace.path.map((p: { element: string }) => p.element)).to.include('appraisalReminded');
  });

  it('should answer 422 with the element of a rejected model', async () => {
    // given
    const bpmn = shippedDraft('khai-sinh').bpmn.replace('<bpmn:sequenceFlow id="flowSubmitted" sourceRef="submitted" targetRef="receive" />', '<bpmn:sequenceFlow id="flowSubmitted" sourceRef="submitted" targetRef="khongCo" />');

    // when
    const response = await run({ bpmn, start: START, steps: [] });

    // then
    expect(response.status).to.equal(422);
    expect(response.body.error.fields.map((f: { path: string }) => f.path)).to.include('/bpmn/flowSubmitted');
  });

  it('should answer 422 naming the step that cannot apply', async () => {
    // when
    const response = await run({ bpmn: shippedDraft('khai-sinh').bpmn, start: START, steps: [{ complete: 'receive', variables: { outcome: 'accept' } }, { complete: 'approve' }] });

    // then
    expect(response.status).to.equal(422);
    expect(response.body.error.message).to.match(/^Bước 1 của kịch bản/);
    expect(response.body.error.details.step).to.equal(1);
  });

  it('should answer 422 for a malformed step, and for more than 200 steps', async () => {
    // when
    const malformed = await run({ bpmn: shippedDraft('khai-sinh').bpmn, start: START, steps: [{ advance: 'mot ngay' }] });
    const tooMany = await run({ bpmn: shippedDraft('khai-sinh').bpmn, start: START, steps: Array.from({ length: 201 }, () => ({ advance: 'PT1M' })) });

    // then
    expect(malformed.status).to.equal(422);
    expect(malformed.body.error.fields[0].path).to.equal('/steps/0');
    expect(tooMany.status).to.equal(422);
    expect(tooMany.body.error.fields[0].path).to.equal('/steps');
  });

  it('should NOT touch the real catalogue or dossiers', async () => {
    // given
    const before = await t.db.query('SELECT count(*)::int AS n FROM engine_processes');

    // when
    await run({ bpmn: shippedDraft('khai-sinh').bpmn.replaceAll('id="khai-sinh"', 'id="khai-sinh-thu"'), start: START, steps: [] });

    // then
    const after = await t.db.query('SELECT count(*)::int AS n FROM engine_processes');
    expect(after.rows[0]).to.deep.equal(before.rows[0]);
  });
});

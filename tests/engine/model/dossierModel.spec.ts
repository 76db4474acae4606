import { expect } from 'chai';
import { createCalendar, VIETNAM_CALENDAR_DATA } from '../../../engine/calendar/index.js';
import { createFeel } from '../../../engine/feel/index.js';
import { parseBpmn, type ExecutableProcess } from '../../../engine/model/index.js';
import { parseProcess, readFixture } from './modelFixtures.js';

/**
 * A building-permit procedure as a designer would draw it in Camunda Modeler: receive,
 * appraise (with a working-day deadline and a reminder), decide, approve, return.
 */
describe('model: a dossier procedure', () => {
  const xml = readFixture('dossier-appraisal.bpmn');
  let process: ExecutableProcess;

  before(async () => {
    process = await parseProcess(xml);
  });

  it('should parse without problems or warnings', async () => {
    const result = await parseBpmn(xml);

    expect(result).to.deep.include({ ok: true, warnings: [] });
  });

  it('should keep the procedure name and version tag', () => {
    expect(process).to.include({ id: 'cap_phep_xay_dung', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', versionTag: '2025.1' });
  });

  it('should parse the five steps as native user tasks with linked forms and step kinds', () => {
    const steps = ['receive_dossier', 'appraise', 'approve', 'escalate_overdue', 'return_result'].map((id) => {
      const task = process.elements[id].userTask;
      return [id, task?.native, task?.formId, task?.headers.stepKind];
    });

    expect(steps).to.deep.equal([
      ['receive_dossier', true, 'tiep_nhan_ho_so', 'receive'],
      ['appraise', true, 'tham_dinh_ho_so', 'process'],
      ['approve', true, 'phe_duyet', 'approve'],
      ['escalate_overdue', true, 'xu_ly_qua_han', 'escalate'],
      ['return_result', true, 'tra_ket_qua', 'return'],
    ]);
  });

  it('should route the dossier from receipt through appraisal to the decision', () => {
    const route = ['flow_submitted', 'flow_received', 'flow_appraised'].map((id) => [process.flows[id].sourceId, process.flows[id].targetId]);

    expect(route).to.deep.equal([
      ['start_submitted', 'receive_dossier'],
      ['receive_dossier', 'appraise'],
      ['appraise', 'gateway_result'],
    ]);
  });

  it('should send a passed appraisal to approval and anything else to the return step by default', () => {
    expect(process.elements.gateway_result).to.deep.include({ defaultFlow: 'flow_not_approved', outgoing: ['flow_approved', 'flow_not_approved'] });
    expect(process.flows.flow_approved.condition).to.equal('appraisal.result = "đạt"');
  });

  it('should interrupt the appraisal after two working days with a FEEL deadline', () => {
    expect(process.elements.timer_overdue).to.deep.include({
      kind: 'boundaryEvent',
      attachedTo: 'appraise',
      cancelActivity: true,
      outgoing: ['flow_overdue'],
      event: { type: 'timer', timer: { type: 'date', expression: { kind: 'feel', source: 'add working days(now(), 2)' } } },
    });
  });

  it('should remind the officer without interrupting the appraisal', () => {
    expect(process.elements.timer_reminder).to.deep.include({
      attachedTo: 'appraise',
      cancelActivity: false,
      event: { type: 'timer', timer: { type: 'cycle', expression: { kind: 'static', value: 'R3/PT4H' } } },
    });
    expect(process.elements.send_reminder.job).to.deep.equal({
      type: { kind: 'static', value: 'notify-officer' },
      retries: { kind: 'static', value: '5' },
      headers: { template: 'nhac-viec' },
    });
  });

  it('should list both boundary events on the appraisal', () => {
    expect(process.elements.appraise.boundaryEvents).to.deep.equal(['timer_reminder', 'timer_overdue']);
  });

  it('should read the assignment, deadline and priority of the steps', () => {
    expect(process.elements.appraise.userTask).to.deep.include({
      candidateGroups: { kind: 'feel', source: 'department' },
      dueDate: { kind: 'feel', source: 'add working days(now(), 2)' },
    });
    expect(process.elements.approve.userTask).to.deep.include({
      assignee: { kind: 'feel', source: 'leader' },
      candidateGroups: { kind: 'static', value: 'lanh_dao' },
      priority: { kind: 'static', value: '80' },
    });
  });

  it('should leave lanes, data objects and annotations out of the executable elements', () => {
    expect(Object.keys(process.elements)).to.have.members([
      'start_submitted',
      'receive_dossier',
      'appraise',
      'timer_reminder',
      'timer_overdue',
      'gateway_result',
      'approve',
      'escalate_overdue',
      'return_result',
      'end_returned',
      'send_reminder',
      'end_reminded',
    ]);
  });

  it('should accept every FEEL expression of the model with the engine FEEL checker', async () => {
    // given
    const feel = createFeel({ calendar: createCalendar(VIETNAM_CALENDAR_DATA), clock: () => new Date('2026-02-13T03:00:00Z') });
    const checked: string[] = [];

    // when
    const result = await parseBpmn(xml, {
      checkFeel: (source) => {
        checked.push(source);
        return feel.check(source);
      },
    });

    // then
    expect(result.ok).to.equal(true);
    expect(checked).to.have.members([
      'add working days(now(), 1)',
      'receipt',
      'department',
      'add working days(now(), 2)',
      'result',
      'add working days(now(), 2)',
      'appraisal.result = "đạt"',
      'leader',
    ]);
  });

  it('should report a malformed FEEL deadline on the boundary event that holds it', async () => {
    // given
    const feel = createFeel({ calendar: createCalendar(VIETNAM_CALENDAR_DATA), clock: () => new Date('2026-02-13T03:00:00Z') });
    const misspelt = xml.replace('=add working days(now(), 2)</bpmn:timeDate>', '=add working days(now(), 2</bpmn:timeDate>');

    // when
    const result = await parseBpmn(misspelt, { checkFeel: (source) => feel.check(source) });

    // then
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.problems.map((problem) => `${problem.elementId} ${problem.code}`)).to.deep.equal(['timer_overdue invalid-feel']);
  });
});

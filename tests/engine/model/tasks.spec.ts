import { expect } from 'chai';
import type { ExecutableProcess } from '../../../engine/model/index.js';
import { parseProcess, readFixture } from './modelFixtures.js';

describe('model: tasks', () => {
  let process: ExecutableProcess;

  before(async () => {
    process = await parseProcess(readFixture('tasks.bpmn'));
  });

  it('should parse a service task into a job with its type, retries, headers and mappings', () => {
    expect(process.elements.check_documents).to.deep.equal({
      id: 'check_documents',
      name: 'Kiểm tra thành phần hồ sơ',
      kind: 'serviceTask',
      scopeId: 'task_kinds',
      incoming: ['flow_1'],
      outgoing: ['flow_2'],
      inputs: [
        { source: { kind: 'feel', source: 'dossier.id' }, target: 'dossierId' },
        { source: { kind: 'static', value: 'thành phần bắt buộc' }, target: 'checklist' },
        { source: { kind: 'feel', source: 'null' }, target: 'result' },
      ],
      outputs: [{ source: { kind: 'feel', source: 'result.complete' }, target: 'documentsComplete' }],
      boundaryEvents: [],
      job: {
        type: { kind: 'static', value: 'check-documents' },
        retries: { kind: 'static', value: '5' },
        headers: { stepKind: 'process', template: 'kiem-tra' },
      },
    });
  });

  it('should read a job type and retries given as FEEL on a send task', () => {
    expect(process.elements.send_notice.job).to.deep.equal({
      type: { kind: 'feel', source: 'noticeChannel' },
      retries: { kind: 'feel', source: 'maxRetries' },
      headers: {},
    });
  });

  it('should parse a script task with zeebe:script into a script without a job', () => {
    const element = process.elements.compute_fee;

    expect(element.script).to.deep.equal({ expression: 'sum(items.fee)', resultVariable: 'fee' });
    expect(element).not.to.have.property('job');
  });

  it('should default the retries of a script task job to 3', () => {
    expect(process.elements.render_receipt.job).to.deep.equal({
      type: { kind: 'static', value: 'render-receipt' },
      retries: { kind: 'static', value: '3' },
      headers: {},
    });
  });

  it('should parse a business rule task with a task definition into a job', () => {
    expect(process.elements.classify_dossier.job?.type).to.deep.equal({ kind: 'static', value: 'classify-dossier' });
  });

  it('should keep the message of a receive task with its correlation key', () => {
    const element = process.elements.wait_payment;

    expect(element.event).to.deep.equal({
      type: 'message',
      message: { name: { kind: 'static', value: 'payment-received' }, correlationKey: { kind: 'feel', source: 'dossierId' } },
    });
    expect(element.outputs).to.deep.equal([{ source: { kind: 'feel', source: 'amount' }, target: 'paidAmount' }]);
  });

  it('should parse a native user task with assignment, schedule, priority, linked form and headers', () => {
    expect(process.elements.receive_dossier.userTask).to.deep.equal({
      native: true,
      assignee: { kind: 'feel', source: 'officer' },
      candidateGroups: { kind: 'static', value: 'mot_cua, van_thu' },
      candidateUsers: { kind: 'feel', source: 'reviewers' },
      dueDate: { kind: 'feel', source: 'dueAt' },
      followUpDate: { kind: 'static', value: '2025-03-01T08:00:00+07:00' },
      priority: { kind: 'static', value: '75' },
      formId: 'tiep_nhan_ho_so',
      headers: { stepKind: 'receive' },
    });
  });

  it('should parse a user task without zeebe:userTask as job-based, keeping its custom headers', () => {
    const element = process.elements.appraise_legacy;

    expect(element.userTask).to.deep.equal({
      native: false,
      candidateGroups: { kind: 'static', value: 'chuyen_vien' },
      dueDate: { kind: 'static', value: '2025-03-05T17:00:00+07:00' },
      formKey: 'custom:tham-dinh',
      headers: { stepKind: 'process' },
    });
    expect(element).not.to.have.property('job');
  });

  it('should read the external form reference of a native user task', () => {
    expect(process.elements.sign_externally.userTask).to.deep.equal({
      native: true,
      externalReference: 'https://ky-so.example.gov.vn/phieu',
      headers: {},
    });
  });

  it('should parse a call activity with a static process id and default parent propagation', () => {
    expect(process.elements.call_child.callActivity).to.deep.equal({
      processId: { kind: 'static', value: 'lien_thong_cap_huyen' },
      propagateAllChildVariables: false,
      propagateAllParentVariables: true,
    });
  });

  it('should parse a call activity with a FEEL process id and explicit propagation flags', () => {
    expect(process.elements.call_dynamic.callActivity).to.deep.equal({
      processId: { kind: 'feel', source: 'childProcessId' },
      propagateAllChildVariables: true,
      propagateAllParentVariables: false,
    });
  });

  it('should parse a sequential multi-instance loop with its collections and completion condition', () => {
    expect(process.elements.verify_each_document.multiInstance).to.deep.equal({
      sequential: true,
      inputCollection: { kind: 'feel', source: 'documents' },
      inputElement: 'document',
      outputCollection: 'results',
      outputElement: { kind: 'feel', source: 'verified' },
      completionCondition: 'numberOfCompletedInstances >= 2',
    });
  });

  it('should parse a parallel multi-instance user task', () => {
    expect(process.elements.collect_opinions.multiInstance).to.deep.equal({
      sequential: false,
      inputCollection: { kind: 'feel', source: 'reviewers' },
      inputElement: 'reviewer',
    });
  });

  it('should parse manual and undefined tasks as pass-through elements', () => {
    for (const id of ['sign_paper', 'archive']) {
      const element = process.elements[id];
      expect(element).to.include({ kind: id === 'sign_paper' ? 'manualTask' : 'task', scopeId: 'task_kinds' });
      expect(element).not.to.have.any.keys('job', 'userTask', 'script', 'event');
    }
  });

  it('should list the direct children of the process in document order', () => {
    expect(process.children).to.deep.equal([
      'start',
      'check_documents',
      'send_notice',
      'compute_fee',
      'render_receipt',
      'classify_dossier',
      'wait_payment',
      'receive_dossier',
      'appraise_legacy',
      'sign_externally',
      'call_child',
      'call_dynamic',
      'verify_each_document',
      'collect_opinions',
      'sign_paper',
      'archive',
      'end',
    ]);
  });

  it('should keep the process name and leave out fields that are not set', () => {
    expect(process).to.include({ id: 'task_kinds', name: 'Các loại tác vụ', noneStart: 'start' });
    expect(process).not.to.have.property('versionTag');
  });

  it('should produce a record that survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(process))).to.deep.equal(process);
  });
});

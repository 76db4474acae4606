import { expect } from 'chai';
import type { ExecutableProcess } from '../../../engine/model/index.js';
import { parseProcess, readFixture } from './modelFixtures.js';

describe('model: events', () => {
  let process: ExecutableProcess;

  before(async () => {
    process = await parseProcess(readFixture('events.bpmn'));
  });

  it('should sort the top-level start events into none, timer and message starts', () => {
    expect(process).to.deep.include({ noneStart: 'start_none', timerStarts: ['start_date', 'start_cycle'], messageStarts: ['start_message'] });
  });

  it('should parse a timer start event with a static date', () => {
    expect(process.elements.start_date.event).to.deep.equal({
      type: 'timer',
      timer: { type: 'date', expression: { kind: 'static', value: '2025-06-01T08:00:00+07:00' } },
    });
  });

  it('should parse a timer start event with a repeating cycle', () => {
    expect(process.elements.start_cycle.event).to.deep.equal({
      type: 'timer',
      timer: { type: 'cycle', expression: { kind: 'static', value: 'R/P1D' } },
    });
  });

  it('should parse a process message start event without a correlation key', () => {
    const element = process.elements.start_message;

    expect(element.event).to.deep.equal({ type: 'message', message: { name: { kind: 'static', value: 'dossier-submitted' } } });
    expect(element.outputs).to.deep.equal([{ source: { kind: 'feel', source: 'submission' }, target: 'dossier' }]);
  });

  it('should not mark start events outside event sub-processes as interrupting', () => {
    expect(process.elements.start_none).not.to.have.property('interrupting');
  });

  it('should parse an intermediate timer with a static duration', () => {
    expect(process.elements.wait_two_hours.event).to.deep.equal({
      type: 'timer',
      timer: { type: 'duration', expression: { kind: 'static', value: 'PT2H' } },
    });
  });

  it('should parse an intermediate timer with a FEEL date', () => {
    expect(process.elements.wait_deadline.event).to.deep.equal({
      type: 'timer',
      timer: { type: 'date', expression: { kind: 'feel', source: 'add working days(receivedAt, 3)' } },
    });
  });

  it('should parse a message catch event with its correlation key and output mapping', () => {
    const element = process.elements.wait_supplement;

    expect(element.event).to.deep.equal({
      type: 'message',
      message: { name: { kind: 'static', value: 'supplement-received' }, correlationKey: { kind: 'feel', source: 'dossierId' } },
    });
    expect(element.outputs).to.deep.equal([{ source: { kind: 'feel', source: 'documents' }, target: 'supplementedDocuments' }]);
  });

  it('should parse a none intermediate throw event as a pass-through event', () => {
    const element = process.elements.milestone_received;

    expect(element.event).to.deep.equal({ type: 'none' });
    expect(element).not.to.have.property('job');
  });

  it('should parse a message intermediate throw event as a job with an empty message name when no message is referenced', () => {
    const element = process.elements.publish_status;

    expect(element.job?.type).to.deep.equal({ kind: 'static', value: 'publish-status' });
    expect(element.event).to.deep.equal({ type: 'message', message: { name: { kind: 'static', value: '' } } });
    expect(element.inputs).to.deep.equal([{ source: { kind: 'feel', source: '"đang xử lý"' }, target: 'status' }]);
  });

  it('should parse a message end event as a job with its message name', () => {
    const element = process.elements.send_result;

    expect(element.job).to.deep.equal({ type: { kind: 'static', value: 'send-result' }, retries: { kind: 'static', value: '2' }, headers: {} });
    expect(element.event).to.deep.equal({ type: 'message', message: { name: { kind: 'static', value: 'result-sent' } } });
  });

  it('should attach boundary events to their activity in document order', () => {
    expect(process.elements.collect_fee.boundaryEvents).to.deep.equal(['payment_failed', 'any_error', 'dossier_withdrawn', 'hourly_reminder']);
  });

  it('should parse an error boundary event with its code and the variables that store the caught error', () => {
    expect(process.elements.payment_failed).to.deep.include({
      attachedTo: 'collect_fee',
      cancelActivity: true,
      event: {
        type: 'error',
        error: { errorCode: { kind: 'static', value: 'PAYMENT_FAILED' }, errorCodeVariable: 'failureCode', errorMessageVariable: 'failureMessage' },
      },
      outputs: [{ source: { kind: 'feel', source: 'error.message' }, target: 'paymentError' }],
    });
  });

  it('should parse an error boundary event without an error reference as catching every error', () => {
    expect(process.elements.any_error.event).to.deep.equal({ type: 'error', error: {} });
  });

  it('should parse a non-interrupting message boundary event with a FEEL message name', () => {
    expect(process.elements.dossier_withdrawn).to.deep.include({
      cancelActivity: false,
      event: {
        type: 'message',
        message: { name: { kind: 'feel', source: '"withdrawn-" + procedureCode' }, correlationKey: { kind: 'feel', source: 'dossierId' } },
      },
    });
  });

  it('should parse a non-interrupting boundary timer with a cycle', () => {
    expect(process.elements.hourly_reminder).to.deep.include({
      cancelActivity: false,
      event: { type: 'timer', timer: { type: 'cycle', expression: { kind: 'static', value: 'R2/PT1H' } } },
    });
  });

  it('should parse an error end event with a FEEL error code', () => {
    expect(process.elements.reject_dossier.event).to.deep.equal({ type: 'error', error: { errorCode: { kind: 'feel', source: 'rejectionCode' } } });
  });

  it('should parse a terminate end event', () => {
    expect(process.elements.stop_everything.event).to.deep.equal({ type: 'terminate' });
  });
});

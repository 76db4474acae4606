import { expect } from 'chai';
import type { ExecutableProcess } from '../../../engine/model/index.js';
import { parseProcess, readFixture } from './modelFixtures.js';

describe('model: sub-processes and event sub-processes', () => {
  let process: ExecutableProcess;

  before(async () => {
    process = await parseProcess(readFixture('scopes.bpmn'));
  });

  it('should list only the direct children of the process', () => {
    expect(process.children).to.deep.equal(['start', 'appraisal', 'end', 'expire', 'handle_fatal']);
  });

  it('should include nested elements in the element table with their own scope', () => {
    expect(process.elements.schedule_visit).to.include({ kind: 'serviceTask', scopeId: 'field_check' });
    expect(process.elements.field_check).to.include({ kind: 'subProcess', scopeId: 'appraisal' });
  });

  it('should parse an embedded sub-process with its children, none start, event sub-processes and mappings', () => {
    expect(process.elements.appraisal).to.deep.include({
      kind: 'subProcess',
      scopeId: 'scopes',
      children: ['appraisal_start', 'review', 'field_check', 'appraisal_end', 'note_received'],
      noneStart: 'appraisal_start',
      eventSubProcesses: ['note_received'],
      inputs: [{ source: { kind: 'feel', source: 'dossier.documents' }, target: 'documents' }],
      outputs: [{ source: { kind: 'feel', source: 'opinion' }, target: 'appraisalOpinion' }],
    });
  });

  it('should parse a nested sub-process as a scope of its own', () => {
    expect(process.elements.field_check).to.deep.include({
      children: ['field_check_start', 'schedule_visit', 'field_check_end'],
      noneStart: 'field_check_start',
      eventSubProcesses: [],
    });
  });

  it('should parse an event sub-process inside a sub-process with its non-interrupting message start', () => {
    expect(process.elements.note_received).to.deep.include({
      kind: 'eventSubProcess',
      scopeId: 'appraisal',
      eventStart: 'note_start',
      children: ['note_start', 'record_note', 'note_end'],
      incoming: [],
      outgoing: [],
    });
    expect(process.elements.note_start).to.deep.include({
      scopeId: 'note_received',
      interrupting: false,
      event: {
        type: 'message',
        message: { name: { kind: 'static', value: 'note-added' }, correlationKey: { kind: 'feel', source: 'dossierId' } },
      },
    });
  });

  it('should list the event sub-processes of the process', () => {
    expect(process.eventSubProcesses).to.deep.equal(['expire', 'handle_fatal']);
  });

  it('should accept a timer start with a duration in an event sub-process and default it to interrupting', () => {
    expect(process.elements.expire_start).to.deep.include({
      interrupting: true,
      event: { type: 'timer', timer: { type: 'duration', expression: { kind: 'static', value: 'P30D' } } },
    });
  });

  it('should parse an error start event of an event sub-process', () => {
    expect(process.elements.handle_fatal).to.include({ eventStart: 'fatal_start' });
    expect(process.elements.fatal_start.event).to.deep.equal({ type: 'error', error: { errorCode: { kind: 'static', value: 'FATAL' } } });
  });

  it('should not count event sub-process starts among the process starts', () => {
    expect(process).to.deep.include({ noneStart: 'start', timerStarts: [], messageStarts: [] });
  });
});

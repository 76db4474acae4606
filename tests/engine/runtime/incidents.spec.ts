import { expect } from 'chai';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import { createHarness, flow, ioMapping, openIncidents, processXml, serviceTask, userTask, type Harness } from './harness.js';

/** start → review (user task with the given extension elements) → end. */
const reviewXml = (extra: string) =>
  processXml('p', `<bpmn:startEvent id="s" />${userTask('review', extra)}<bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'e')}`);

const NEEDS_APPLICANT = ioMapping([['=assert(applicantId, applicantId != null)', 'citizenId']]);
const NEEDS_DECISION = ioMapping([], [['=assert(decision, decision != null)', 'outcome']]);

describe('engine/runtime: incidents', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const incidentEvents = async (rootKey: string) =>
    (await h.engine.history(rootKey)).filter((e) => e.valueType === 'INCIDENT').map((e) => `${e.intent}:${String(e.value.errorType)}`);

  it('should raise an IO_MAPPING_ERROR incident when an input mapping fails and stop the element while activating', async () => {
    // given
    await h.deploy(reviewXml(NEEDS_APPLICANT));
    // when
    const key = await h.start('p');
    // then
    const incidents = await openIncidents(h, key);
    expect(incidents.map((i) => ({ type: i.type, elementId: i.elementId }))).to.deep.equal([{ type: 'IO_MAPPING_ERROR', elementId: 'review' }]);
    expect(incidents[0]!.message).to.contain("input mapping 'citizenId' of element 'review'");
    expect((await h.lifecycle(key)).slice(-2)).to.deep.equal(['s:COMPLETED', 'review:ACTIVATING']);
    expect(await h.state(key)).to.deep.include({ status: 'incident', active: ['review'] });
    expect(await h.engine.listUserTasks({ rootKey: key })).to.deep.equal([]);
  });

  it('should continue the activation once the variables are fixed and the incident resolved', async () => {
    // given
    await h.deploy(reviewXml(NEEDS_APPLICANT));
    const key = await h.start('p');
    const [incident] = await openIncidents(h, key);
    // when
    await h.engine.setVariables(key, key, { applicantId: '079123456789' });
    await h.engine.resolveIncident(incident!.key);
    // then
    expect((await h.lifecycle(key)).slice(-3)).to.deep.equal(['s:COMPLETED', 'review:ACTIVATING', 'review:ACTIVATED']);
    const tasks = await h.engine.listUserTasks({ rootKey: key });
    expect(tasks).to.have.length(1);
    expect((await h.engine.getTree(key))!.variables[tasks[0]!.elementInstanceKey]).to.deep.equal({ citizenId: '079123456789' });
    expect(await incidentEvents(key)).to.deep.equal(['CREATED:IO_MAPPING_ERROR', 'RESOLVED:IO_MAPPING_ERROR']);
    expect((await h.state(key)).status).to.equal('active');
  });

  it('should open a new incident, and create nothing twice, when an incident is resolved without fixing its cause', async () => {
    // given
    await h.deploy(reviewXml(NEEDS_APPLICANT));
    const key = await h.start('p');
    const [first] = await openIncidents(h, key);
    // when
    await h.engine.resolveIncident(first!.key);
    // then
    const open = await openIncidents(h, key);
    expect(open).to.have.length(1);
    expect(open[0]!.key).to.not.equal(first!.key);
    expect(await incidentEvents(key)).to.deep.equal(['CREATED:IO_MAPPING_ERROR', 'RESOLVED:IO_MAPPING_ERROR', 'CREATED:IO_MAPPING_ERROR']);
    expect((await h.lifecycle(key)).filter((e) => e.startsWith('review:'))).to.deep.equal(['review:ACTIVATING']);
    expect(await h.engine.listUserTasks({ rootKey: key })).to.deep.equal([]);
  });

  it('should refuse to resolve an incident that is already resolved', async () => {
    // given
    await h.deploy(reviewXml(NEEDS_APPLICANT));
    const key = await h.start('p');
    const [incident] = await openIncidents(h, key);
    await h.engine.setVariables(key, key, { applicantId: '079123456789' });
    await h.engine.resolveIncident(incident!.key);
    // when
    const refused = await h.engine.resolveIncident(incident!.key).then(
      () => undefined,
      (error: unknown) => error,
    );
    // then
    expect(refused).to.be.instanceOf(EngineError).and.to.have.property('code', 'NOT_FOUND');
    expect(await h.engine.listUserTasks({ rootKey: key })).to.have.length(1);
  });

  it('should retry the output mappings when an incident raised at completion is resolved', async () => {
    // given
    await h.deploy(reviewXml(NEEDS_DECISION));
    const key = await h.start('p');
    await h.completeTask('review', { note: 'no decision yet' }, key);
    const [incident] = await openIncidents(h, key);
    expect(incident).to.deep.include({ type: 'IO_MAPPING_ERROR', elementId: 'review' });
    expect((await h.lifecycle(key)).slice(-1)).to.deep.equal(['review:COMPLETING']);
    // when
    await h.engine.setVariables(key, key, { decision: 'approved' });
    await h.engine.resolveIncident(incident!.key);
    // then
    expect((await h.lifecycle(key)).filter((e) => e.startsWith('review:'))).to.deep.equal([
      'review:ACTIVATING', 'review:ACTIVATED', 'review:COMPLETING', 'review:COMPLETED',
    ]);
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { decision: 'approved', outcome: 'approved' } });
  });

  it('should raise a JOB_NO_RETRIES incident when a job fails with no retries left and offer the job again once resolved', async () => {
    // given
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${serviceTask('notify', 'send-sms')}<bpmn:endEvent id="e" />${flow('s', 'notify')}${flow('notify', 'e')}`));
    const key = await h.start('p');
    const [job] = await h.engine.activateJobs({ type: 'send-sms', worker: 'w1' });
    // when
    await h.engine.failJob(job!.key, { retries: 0, errorMessage: 'SMS gateway unreachable' });
    // then
    const [incident] = await openIncidents(h, key);
    expect(incident).to.deep.include({ type: 'JOB_NO_RETRIES', elementId: 'notify', jobKey: job!.key, message: 'SMS gateway unreachable' });
    expect((await h.state(key)).status).to.equal('incident');
    expect(await h.engine.activateJobs({ type: 'send-sms', worker: 'w1' })).to.deep.equal([]);

    await h.engine.resolveIncident(incident!.key, { retries: 2 });
    const [again] = await h.engine.activateJobs({ type: 'send-sms', worker: 'w1' });
    expect(again).to.deep.include({ key: job!.key, retries: 2 });
    await h.engine.completeJob(again!.key);
    expect((await h.state(key)).status).to.equal('completed');
    const jobIntents = (await h.engine.history(key)).filter((e) => e.valueType === 'JOB').map((e) => e.intent);
    expect(jobIntents).to.deep.equal(['CREATED', 'ACTIVATED', 'FAILED', 'RETRIES_UPDATED', 'ACTIVATED', 'COMPLETED']);
  });

  it('should offer the work again as a new job when an unhandled error incident is resolved', async () => {
    // given
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${serviceTask('notify', 'send-sms')}<bpmn:endEvent id="e" />${flow('s', 'notify')}${flow('notify', 'e')}`));
    const key = await h.start('p');
    const firstJob = await h.job('notify', key);
    await h.engine.throwError(firstJob, { errorCode: 'NO_PHONE' });
    const [incident] = await openIncidents(h, key);
    expect(incident).to.deep.include({ type: 'UNHANDLED_ERROR_EVENT', elementId: 'notify' });
    // when
    await h.engine.resolveIncident(incident!.key);
    // then
    const jobs = await h.engine.activateJobs({ type: 'send-sms', worker: 'w1' });
    expect(jobs.map((j) => j.key)).to.have.length(1).and.not.include(firstJob);
    await h.engine.completeJob(jobs[0]!.key);
    expect((await h.state(key)).status).to.equal('completed');
    expect((await h.lifecycle(key)).filter((e) => e.startsWith('notify:'))).to.deep.equal([
      'notify:ACTIVATING', 'notify:ACTIVATED', 'notify:COMPLETING', 'notify:COMPLETED',
    ]);
  });

  it('should resolve the open incidents of an instance that is cancelled', async () => {
    // given
    await h.deploy(reviewXml(NEEDS_APPLICANT));
    const key = await h.start('p');
    const [incident] = await openIncidents(h, key);
    // when
    await h.engine.cancelInstance(key);
    // then
    expect(await openIncidents(h, key)).to.deep.equal([]);
    const resolved = await h.engine.listIncidents({ state: 'resolved', rootKey: key });
    expect(resolved.map((i) => i.key)).to.deep.equal([incident!.key]);
    expect((await h.lifecycle(key)).slice(-5)).to.deep.equal(['review:ACTIVATING', 'p:TERMINATING', 'review:TERMINATING', 'review:TERMINATED', 'p:TERMINATED']);
    expect(await incidentEvents(key)).to.deep.equal(['CREATED:IO_MAPPING_ERROR', 'RESOLVED:IO_MAPPING_ERROR']);
    expect((await h.state(key)).status).to.equal('terminated');
  });
});

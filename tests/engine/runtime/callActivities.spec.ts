import { expect } from 'chai';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import {
  callActivity,
  childInstances,
  createHarness,
  flow,
  ioMapping,
  openIncidents,
  processXml,
  userTask,
  type Harness,
} from './harness.js';

/** A called process that waits at the user task `childTask`. */
const childXml = (id = 'child') => processXml(id, `<bpmn:startEvent id="cs" />${userTask('childTask')}<bpmn:endEvent id="ce" />${flow('cs', 'childTask')}${flow('childTask', 'ce')}`);

/** start → call → after (user task) → end. */
const parentXml = (call: string) =>
  processXml('p', `<bpmn:startEvent id="s" />${call}${userTask('after')}<bpmn:endEvent id="e" />${flow('s', 'call')}${flow('call', 'after')}${flow('after', 'e')}`);

describe('engine/runtime: call activities', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('should create the called instance with all parent variables by default', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child')));
    // when
    const key = await h.start('p', { applicant: 'Nguyễn Văn A', fee: 50000 });
    // then
    const [child] = await childInstances(h, key);
    expect(child).to.deep.include({ processId: 'child', state: 'active' });
    expect(await h.state(child!.key)).to.deep.include({ variables: { applicant: 'Nguyễn Văn A', fee: 50000 }, active: ['childTask'] });
    expect(await h.lifecycle(key)).to.deep.equal([
      'p:ACTIVATING', 'p:ACTIVATED', 's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
      'call:ACTIVATING', 'call:ACTIVATED',
      'child:ACTIVATING', 'child:ACTIVATED', 'cs:ACTIVATING', 'cs:ACTIVATED', 'cs:COMPLETING', 'cs:COMPLETED',
      'childTask:ACTIVATING', 'childTask:ACTIVATED',
    ]);
  });

  it('should pass only the input-mapped variables when propagateAllParentVariables is false', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child', { propagateParent: false, extra: ioMapping([['=applicant', 'name']]) })));
    // when
    const key = await h.start('p', { applicant: 'Trần Thị B', secret: 'x' });
    // then
    const [child] = await childInstances(h, key);
    expect((await h.state(child!.key)).variables).to.deep.equal({ name: 'Trần Thị B' });
  });

  it('should propagate all child variables to the parent when the called instance completes', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child')));
    const key = await h.start('p', { fee: 1 });
    // when
    await h.completeTask('childTask', { decision: 'approved' }, key);
    // then
    const [child] = await childInstances(h, key);
    expect(child!.state).to.equal('completed');
    expect(await h.state(key)).to.deep.include({ variables: { fee: 1, decision: 'approved' }, active: ['after'] });
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('childTask:COMPLETING'))).to.deep.equal([
      'childTask:COMPLETING', 'childTask:COMPLETED', 'ce:ACTIVATING', 'ce:ACTIVATED', 'ce:COMPLETING', 'ce:COMPLETED',
      'child:COMPLETING', 'child:COMPLETED', 'call:COMPLETING', 'call:COMPLETED',
      'after:ACTIVATING', 'after:ACTIVATED',
    ]);
  });

  it('should propagate only the output mappings of the call activity when it has some', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child', { extra: ioMapping([], [['=decision', 'outcome']]) })));
    const key = await h.start('p', { fee: 1 });
    // when
    await h.completeTask('childTask', { decision: 'rejected', scratch: true }, key);
    // then
    expect((await h.state(key)).variables).to.deep.equal({ fee: 1, outcome: 'rejected' });
  });

  it('should NOT propagate child variables when propagateAllChildVariables is false and there are no output mappings', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child', { propagateChild: false })));
    const key = await h.start('p', { fee: 1 });
    // when
    await h.completeTask('childTask', { decision: 'approved' }, key);
    // then
    expect(await h.state(key)).to.deep.include({ variables: { fee: 1 }, active: ['after'] });
  });

  it('should call the process whose id a FEEL expression gives', async () => {
    // given
    await h.deploy(childXml('cap-ho-tich'));
    await h.deploy(childXml('dang-ky-kinh-doanh'));
    await h.deploy(parentXml(callActivity('call', '=procedureCode')));
    // when
    const key = await h.start('p', { procedureCode: 'dang-ky-kinh-doanh' });
    // then
    expect((await childInstances(h, key)).map((c) => c.processId)).to.deep.equal(['dang-ky-kinh-doanh']);
  });

  it('should raise a CALLED_ELEMENT_ERROR incident for a process that is not deployed and call it once it is deployed and the incident resolved', async () => {
    // given
    await h.deploy(parentXml(callActivity('call', 'child')));
    const key = await h.start('p', { fee: 1 });
    const [incident] = await openIncidents(h, key);
    expect(incident).to.deep.include({ type: 'CALLED_ELEMENT_ERROR', elementId: 'call' });
    expect(incident!.message).to.contain("'child'");
    expect((await h.state(key)).status).to.equal('incident');
    await h.deploy(childXml());
    // when
    await h.engine.resolveIncident(incident!.key);
    // then
    expect(await openIncidents(h, key)).to.deep.equal([]);
    const children = await childInstances(h, key);
    expect(children.map((c) => c.processId)).to.deep.equal(['child']);
    expect((await h.lifecycle(key)).filter((e) => e.startsWith('call:'))).to.deep.equal(['call:ACTIVATING', 'call:ACTIVATED']);
    expect(await h.state(children[0]!.key)).to.deep.include({ status: 'active', variables: { fee: 1 } });
  });

  it('should terminate the called instance when the parent instance is cancelled', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child')));
    const key = await h.start('p');
    // when
    await h.engine.cancelInstance(key);
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('p:TERMINATING'))).to.deep.equal([
      'p:TERMINATING', 'call:TERMINATING', 'child:TERMINATING', 'childTask:TERMINATING', 'childTask:TERMINATED', 'child:TERMINATED', 'call:TERMINATED', 'p:TERMINATED',
    ]);
    expect((await childInstances(h, key)).map((c) => c.state)).to.deep.equal(['terminated']);
    expect((await h.state(key)).status).to.equal('terminated');
    expect(await h.engine.listUserTasks({ state: 'created', rootKey: key })).to.deep.equal([]);
  });

  it('should refuse to cancel a called instance on its own', async () => {
    // given
    await h.deploy(childXml());
    await h.deploy(parentXml(callActivity('call', 'child')));
    const key = await h.start('p');
    const [child] = await childInstances(h, key);
    // when
    const refused = await h.engine.cancelInstance(child!.key).then(
      () => undefined,
      (error: unknown) => error,
    );
    // then
    expect(refused).to.be.instanceOf(EngineError);
    expect((refused as EngineError).code).to.equal('INVALID_STATE');
    expect((refused as EngineError).message).to.contain(key);
    expect((await h.state(child!.key)).status).to.equal('active');
  });

  it('should report the calling root instance as stuck while its called instance has an incident', async () => {
    // given a called process whose gateway finds no way on
    await h.deploy(
      processXml(
        'child',
        `<bpmn:startEvent id="cs" /><bpmn:exclusiveGateway id="route" /><bpmn:endEvent id="ce" />
         ${flow('cs', 'route')}${flow('route', 'ce', { condition: '=fee > 100' })}`,
      ),
    );
    await h.deploy(parentXml(callActivity('call', 'child')));
    // when
    const key = await h.start('p', { fee: 1 });
    // then
    const [child] = await childInstances(h, key);
    expect((await h.state(child!.key)).status).to.equal('incident');
    expect((await h.state(key)).status).to.equal('incident');
  });
});


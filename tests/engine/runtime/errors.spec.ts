import { expect } from 'chai';
import {
  callActivity,
  childInstances,
  createHarness,
  definitionsXml,
  errorBoundary,
  errorEnd,
  errorRoot,
  eventSubProcess,
  flow,
  loop,
  openIncidents,
  serviceTask,
  subProcess,
  userTask,
  type Harness,
} from './harness.js';

const START_TO_WORK = ['p:ACTIVATING', 'p:ACTIVATED', 'start:ACTIVATING', 'start:ACTIVATED', 'start:COMPLETING', 'start:COMPLETED', 'work:ACTIVATING', 'work:ACTIVATED'];

/** start → work (job 'check') → done; the given boundaries on `work` lead to end events named after them. */
function jobWithBoundaries(roots: string, boundaries: readonly { id: string; errorRef?: string; attributes?: string }[]): string {
  const content = `<bpmn:startEvent id="start" />${serviceTask('work', 'check')}<bpmn:endEvent id="done" />
    ${boundaries.map((b) => `${errorBoundary(b.id, 'work', b.errorRef, b.attributes)}<bpmn:endEvent id="${b.id}End" />${flow(b.id, `${b.id}End`)}`).join('')}
    ${flow('start', 'work')}${flow('work', 'done')}`;
  return definitionsXml(roots, { id: 'p', content });
}

describe('engine/runtime: BPMN errors', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('should catch an error thrown by a job with the error boundary event of that code', async () => {
    // given
    await h.deploy(jobWithBoundaries(errorRoot('Rejected', 'REJECTED'), [{ id: 'rejected', errorRef: 'Rejected' }]));
    const key = await h.start('p');
    // when
    await h.engine.throwError(await h.job('work', key), { errorCode: 'REJECTED', errorMessage: 'missing papers' });
    // then
    expect(await h.lifecycle(key)).to.deep.equal([
      ...START_TO_WORK,
      'work:TERMINATING', 'work:TERMINATED',
      'rejected:ACTIVATING', 'rejected:ACTIVATED', 'rejected:COMPLETING', 'rejected:COMPLETED',
      'rejectedEnd:ACTIVATING', 'rejectedEnd:ACTIVATED', 'rejectedEnd:COMPLETING', 'rejectedEnd:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    const jobEvents = (await h.engine.history(key)).filter((e) => e.valueType === 'JOB').map((e) => e.intent);
    expect(jobEvents).to.deep.equal(['CREATED', 'ERROR_THROWN']);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should catch any error code with a catch-all error boundary event', async () => {
    // given
    await h.deploy(jobWithBoundaries('', [{ id: 'anyError' }]));
    const key = await h.start('p');
    // when
    await h.engine.throwError(await h.job('work', key), { errorCode: 'WHATEVER' });
    // then
    expect(await h.lifecycle(key)).to.include.members(['work:TERMINATED', 'anyErrorEnd:COMPLETED', 'p:COMPLETED']);
    expect(await h.lifecycle(key)).to.not.include('done:ACTIVATING');
  });

  it('should prefer the boundary event with the matching code over a catch-all on the same activity', async () => {
    // given
    const xml = jobWithBoundaries(errorRoot('Rejected', 'REJECTED'), [{ id: 'anyError' }, { id: 'rejected', errorRef: 'Rejected' }]);
    await h.deploy(xml);
    const matching = await h.start('p');
    const other = await h.start('p');
    // when
    await h.engine.throwError(await h.job('work', matching), { errorCode: 'REJECTED' });
    await h.engine.throwError(await h.job('work', other), { errorCode: 'TIMEOUT' });
    // then
    expect(await h.lifecycle(matching)).to.include('rejectedEnd:COMPLETED').and.not.include('anyError:ACTIVATING');
    expect(await h.lifecycle(other)).to.include('anyErrorEnd:COMPLETED').and.not.include('rejected:ACTIVATING');
  });

  it('should catch an error end event of an embedded sub-process with a boundary event on the sub-process', async () => {
    // given
    const inner = `<bpmn:startEvent id="subStart" /><bpmn:exclusiveGateway id="valid" default="toFail" />
      <bpmn:endEvent id="subEnd" />${errorEnd('fail', 'Invalid')}
      ${flow('subStart', 'valid')}${flow('valid', 'subEnd', { condition: '=ok' })}${flow('valid', 'fail', { id: 'toFail' })}`;
    await h.deploy(
      definitionsXml(errorRoot('Invalid', 'INVALID'), {
        id: 'p',
        content: `<bpmn:startEvent id="start" />${subProcess('check', inner)}<bpmn:endEvent id="done" />
          ${errorBoundary('invalid', 'check', 'Invalid')}${userTask('fix')}
          ${flow('start', 'check')}${flow('check', 'done')}${flow('invalid', 'fix')}`,
      }),
    );
    // when
    const key = await h.start('p', { ok: false });
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('fail:ACTIVATING'))).to.deep.equal([
      'fail:ACTIVATING', 'fail:ACTIVATED',
      'check:TERMINATING', 'fail:TERMINATING', 'fail:TERMINATED', 'check:TERMINATED',
      'invalid:ACTIVATING', 'invalid:ACTIVATED', 'invalid:COMPLETING', 'invalid:COMPLETED',
      'fix:ACTIVATING', 'fix:ACTIVATED',
    ]);
    expect(lifecycle).to.include('check:TERMINATED').and.not.include('check:COMPLETED').and.not.include('done:ACTIVATING');
    expect((await h.state(key)).active).to.deep.equal(['fix']);
  });

  it('should interrupt the scope with an error event sub-process and terminate its other branches', async () => {
    // given
    const handler = eventSubProcess(
      'onError',
      `<bpmn:startEvent id="errorStart"><bpmn:errorEventDefinition errorRef="Failed" /></bpmn:startEvent>${userTask('handle')}<bpmn:endEvent id="handled" />
       ${flow('errorStart', 'handle')}${flow('handle', 'handled')}`,
    );
    await h.deploy(
      definitionsXml(errorRoot('Failed', 'FAILED'), {
        id: 'p',
        content: `<bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" />${serviceTask('work', 'check')}${userTask('review')}
          <bpmn:parallelGateway id="join" /><bpmn:endEvent id="done" />${handler}
          ${flow('start', 'fork')}${flow('fork', 'work')}${flow('fork', 'review')}${flow('work', 'join')}${flow('review', 'join')}${flow('join', 'done')}`,
      }),
    );
    const key = await h.start('p');
    // when
    await h.engine.throwError(await h.job('work', key), { errorCode: 'FAILED' });
    // then
    const lifecycle = await h.lifecycle(key);
    const from = lifecycle.indexOf('work:TERMINATING');
    expect(lifecycle.slice(from)).to.deep.equal([
      'work:TERMINATING', 'work:TERMINATED', 'review:TERMINATING', 'review:TERMINATED',
      'onError:ACTIVATING', 'onError:ACTIVATED',
      'errorStart:ACTIVATING', 'errorStart:ACTIVATED', 'errorStart:COMPLETING', 'errorStart:COMPLETED',
      'handle:ACTIVATING', 'handle:ACTIVATED',
    ]);
    expect(await h.engine.listUserTasks({ state: 'created', rootKey: key })).to.have.length(1);
    await h.completeTask('handle', {}, key);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should complete the process when its interrupting error event sub-process ends although a token waited at a join', async () => {
    // given
    const handler = eventSubProcess(
      'onError',
      `<bpmn:startEvent id="errorStart"><bpmn:errorEventDefinition errorRef="Failed" /></bpmn:startEvent>${userTask('handle')}<bpmn:endEvent id="handled" />
       ${flow('errorStart', 'handle')}${flow('handle', 'handled')}`,
    );
    await h.deploy(
      definitionsXml(errorRoot('Failed', 'FAILED'), {
        id: 'p',
        content: `<bpmn:startEvent id="start" /><bpmn:parallelGateway id="fork" />${serviceTask('work', 'check')}${userTask('review')}
          <bpmn:parallelGateway id="join" /><bpmn:endEvent id="done" />${handler}
          ${flow('start', 'fork')}${flow('fork', 'work')}${flow('fork', 'review')}${flow('work', 'join')}${flow('review', 'join')}${flow('join', 'done')}`,
      }),
    );
    const key = await h.start('p');
    await h.completeTask('review', {}, key);
    await h.engine.throwError(await h.job('work', key), { errorCode: 'FAILED' });
    // when
    await h.completeTask('handle', {}, key);
    // then
    expect((await h.lifecycle(key)).slice(-6)).to.deep.equal(['handled:COMPLETING', 'handled:COMPLETED', 'onError:COMPLETING', 'onError:COMPLETED', 'p:COMPLETING', 'p:COMPLETED']);
    expect(await h.lifecycle(key)).to.not.include('join:ACTIVATING');
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should raise an UNHANDLED_ERROR_EVENT incident when nothing catches the error', async () => {
    // given
    await h.deploy(jobWithBoundaries(errorRoot('Rejected', 'REJECTED'), [{ id: 'rejected', errorRef: 'Rejected' }]));
    const key = await h.start('p');
    // when
    await h.engine.throwError(await h.job('work', key), { errorCode: 'TIMEOUT', errorMessage: 'registry down' });
    // then
    const incidents = await openIncidents(h, key);
    expect(incidents.map((i) => ({ type: i.type, elementId: i.elementId }))).to.deep.equal([{ type: 'UNHANDLED_ERROR_EVENT', elementId: 'work' }]);
    expect(incidents[0]!.message).to.contain("'TIMEOUT'").and.contain('registry down');
    expect(await h.state(key)).to.deep.include({ status: 'incident', active: ['work'] });
  });

  it('should raise an UNHANDLED_ERROR_EVENT incident on an error end event that nothing catches', async () => {
    // given
    await h.deploy(definitionsXml(errorRoot('Invalid', 'INVALID'), { id: 'p', content: `<bpmn:startEvent id="start" />${errorEnd('fail', 'Invalid')}${flow('start', 'fail')}` }));
    // when
    const key = await h.start('p');
    // then
    const incidents = await openIncidents(h, key);
    expect(incidents.map((i) => ({ type: i.type, elementId: i.elementId }))).to.deep.equal([{ type: 'UNHANDLED_ERROR_EVENT', elementId: 'fail' }]);
    expect((await h.lifecycle(key)).slice(-1)).to.deep.equal(['fail:ACTIVATING']);
    expect((await h.state(key)).status).to.equal('incident');
  });

  it('should catch an error thrown in one iteration with a boundary event on the multi-instance activity and terminate the other iterations', async () => {
    // given
    const looped = `<bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="check" /></bpmn:extensionElements>${loop({ collection: '=items', element: 'item' })}</bpmn:serviceTask>`;
    await h.deploy(
      definitionsXml(errorRoot('Rejected', 'REJECTED'), {
        id: 'p',
        content: `<bpmn:startEvent id="start" />${looped}<bpmn:endEvent id="done" />${errorBoundary('rejected', 'work', 'Rejected')}<bpmn:endEvent id="rejectedEnd" />
          ${flow('start', 'work')}${flow('work', 'done')}${flow('rejected', 'rejectedEnd')}`,
      }),
    );
    const key = await h.start('p', { items: [1, 2] });
    const tree = (await h.engine.getTree(key))!;
    const [firstJob] = Object.values(tree.jobs);
    // when
    await h.engine.throwError(firstJob!.key, { errorCode: 'REJECTED' });
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('work:TERMINATING'))).to.deep.equal([
      'work:TERMINATING', 'work:TERMINATING', 'work:TERMINATED', 'work:TERMINATING', 'work:TERMINATED', 'work:TERMINATED',
      'rejected:ACTIVATING', 'rejected:ACTIVATED', 'rejected:COMPLETING', 'rejected:COMPLETED',
      'rejectedEnd:ACTIVATING', 'rejectedEnd:ACTIVATED', 'rejectedEnd:COMPLETING', 'rejectedEnd:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    expect(Object.keys((await h.engine.getTree(key))!.jobs)).to.deep.equal([]);
  });

  it('should catch an error thrown in a called process with a boundary event on the call activity and terminate the child', async () => {
    // given
    const child = { id: 'child', content: `<bpmn:startEvent id="cs" />${serviceTask('childWork', 'verify')}<bpmn:endEvent id="ce" />${flow('cs', 'childWork')}${flow('childWork', 'ce')}` };
    const parent = {
      id: 'p',
      content: `<bpmn:startEvent id="start" />${callActivity('call', 'child')}<bpmn:endEvent id="done" />
        ${errorBoundary('caught', 'call', 'Fraud')}<bpmn:endEvent id="stopped" />
        ${flow('start', 'call')}${flow('call', 'done')}${flow('caught', 'stopped')}`,
    };
    await h.deploy(definitionsXml(errorRoot('Fraud', 'FRAUD'), parent, child));
    const key = await h.start('p');
    const [called] = await childInstances(h, key);
    // when
    await h.engine.throwError(await h.job('childWork', key), { errorCode: 'FRAUD' });
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('call:TERMINATING'))).to.deep.equal([
      'call:TERMINATING', 'child:TERMINATING', 'childWork:TERMINATING', 'childWork:TERMINATED', 'child:TERMINATED', 'call:TERMINATED',
      'caught:ACTIVATING', 'caught:ACTIVATED', 'caught:COMPLETING', 'caught:COMPLETED',
      'stopped:ACTIVATING', 'stopped:ACTIVATED', 'stopped:COMPLETING', 'stopped:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    expect(await childInstances(h, key)).to.deep.equal([{ key: called!.key, processId: 'child', state: 'terminated' }]);
    expect(lifecycle).to.include('stopped:COMPLETED').and.not.include('done:ACTIVATING');
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should store the caught error code and message in the variables named by the catch event', async () => {
    // given
    const attributes = 'zeebe:errorCodeVariable="failureCode" zeebe:errorMessageVariable="failureReason"';
    await h.deploy(jobWithBoundaries('', [{ id: 'anyError', attributes }]));
    const key = await h.start('p');
    // when
    await h.engine.throwError(await h.job('work', key), { errorCode: 'EXPIRED', errorMessage: 'ID card expired', variables: { checkedAt: 'today' } });
    // then
    expect((await h.state(key)).variables).to.deep.equal({ failureCode: 'EXPIRED', failureReason: 'ID card expired', checkedAt: 'today' });
  });
});

import { expect } from 'chai';
import {
  createHarness,
  definitionsXml,
  eventSubProcess,
  flow,
  messageRoot,
  processXml,
  subProcess,
  terminateEnd,
  timerBoundary,
  userTask,
  type Harness,
} from './harness.js';

const HOUR = 3_600_000;

const timerStart = (id: string, duration: string, interrupting: boolean) =>
  `<bpmn:startEvent id="${id}" isInterrupting="${interrupting}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>`;

const messageStart = (id: string, messageRef: string, interrupting: boolean) =>
  `<bpmn:startEvent id="${id}" isInterrupting="${interrupting}"><bpmn:messageEventDefinition messageRef="${messageRef}" /></bpmn:startEvent>`;

/** start → work (user task) → done, with an event sub-process that starts with `start` and runs the user task `handle`. */
function withEventSubProcess(start: string): string {
  return `<bpmn:startEvent id="s" />${userTask('work')}<bpmn:endEvent id="done" />${flow('s', 'work')}${flow('work', 'done')}
    ${eventSubProcess('esp', `${start}${userTask('handle')}<bpmn:endEvent id="handled" />${flow('espStart', 'handle')}${flow('handle', 'handled')}`)}`;
}

describe('engine/runtime: sub-processes and event sub-processes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('should run an embedded sub-process from its start to its end and then continue after it', async () => {
    // given
    const inner = `<bpmn:startEvent id="subStart" /><bpmn:endEvent id="subEnd" />${flow('subStart', 'subEnd')}`;
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${subProcess('sub', inner)}<bpmn:endEvent id="e" />${flow('s', 'sub')}${flow('sub', 'e')}`));
    // when
    const key = await h.start('p');
    // then
    expect(await h.lifecycle(key)).to.deep.equal([
      'p:ACTIVATING', 'p:ACTIVATED',
      's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
      'sub:ACTIVATING', 'sub:ACTIVATED',
      'subStart:ACTIVATING', 'subStart:ACTIVATED', 'subStart:COMPLETING', 'subStart:COMPLETED',
      'subEnd:ACTIVATING', 'subEnd:ACTIVATED', 'subEnd:COMPLETING', 'subEnd:COMPLETED',
      'sub:COMPLETING', 'sub:COMPLETED',
      'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should end only the sub-process with a terminate end event inside it and continue after the sub-process', async () => {
    // given
    const inner = `<bpmn:startEvent id="subStart" /><bpmn:parallelGateway id="fork" />${userTask('slow')}${terminateEnd('stop')}
      ${flow('subStart', 'fork')}${flow('fork', 'slow')}${flow('fork', 'stop')}`;
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" />${subProcess('sub', inner)}${userTask('after')}<bpmn:endEvent id="e" />${flow('s', 'sub')}${flow('sub', 'after')}${flow('after', 'e')}`,
      ),
    );
    // when
    const key = await h.start('p');
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('stop:ACTIVATING'))).to.deep.equal([
      'stop:ACTIVATING', 'stop:ACTIVATED', 'stop:COMPLETING', 'stop:COMPLETED',
      'slow:TERMINATING', 'slow:TERMINATED',
      'sub:COMPLETING', 'sub:COMPLETED',
      'after:ACTIVATING', 'after:ACTIVATED',
    ]);
    expect(await h.state(key)).to.deep.include({ status: 'active', active: ['after'] });
  });

  it('should complete the instance with a terminate end event at process level and terminate the other branches', async () => {
    // given
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" />${userTask('t1')}${userTask('t2')}${terminateEnd('stop')}<bpmn:endEvent id="e" />
         ${flow('s', 'fork')}${flow('fork', 't1')}${flow('fork', 't2')}${flow('t1', 'stop')}${flow('t2', 'e')}`,
      ),
    );
    const key = await h.start('p');
    // when
    await h.completeTask('t1', {}, key);
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('stop:ACTIVATING'))).to.deep.equal([
      'stop:ACTIVATING', 'stop:ACTIVATED', 'stop:COMPLETING', 'stop:COMPLETED',
      't2:TERMINATING', 't2:TERMINATED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    expect((await h.state(key)).status).to.equal('completed');
    expect(await h.engine.listUserTasks({ state: 'created', rootKey: key })).to.deep.equal([]);
  });

  it('should interrupt the process with a timer start event sub-process when the timer fires', async () => {
    // given
    await h.deploy(processXml('p', withEventSubProcess(timerStart('espStart', 'PT1H', true))));
    const key = await h.start('p');
    // when
    await h.advance(HOUR);
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('work:TERMINATING'))).to.deep.equal([
      'work:TERMINATING', 'work:TERMINATED',
      'esp:ACTIVATING', 'esp:ACTIVATED',
      'espStart:ACTIVATING', 'espStart:ACTIVATED', 'espStart:COMPLETING', 'espStart:COMPLETED',
      'handle:ACTIVATING', 'handle:ACTIVATED',
    ]);
    await h.completeTask('handle', {}, key);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should complete the process after an interrupting timer event sub-process although a token waited at a join', async () => {
    // given
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" />${userTask('work')}${userTask('review')}<bpmn:parallelGateway id="join" /><bpmn:endEvent id="done" />
         ${flow('s', 'fork')}${flow('fork', 'work')}${flow('fork', 'review')}${flow('work', 'join')}${flow('review', 'join')}${flow('join', 'done')}
         ${eventSubProcess('esp', `${timerStart('espStart', 'PT1H', true)}${userTask('handle')}<bpmn:endEvent id="handled" />${flow('espStart', 'handle')}${flow('handle', 'handled')}`)}`,
      ),
    );
    const key = await h.start('p');
    await h.completeTask('review', {}, key);
    await h.advance(HOUR);
    // when
    await h.completeTask('handle', {}, key);
    // then
    expect((await h.lifecycle(key)).slice(-4)).to.deep.equal(['esp:COMPLETING', 'esp:COMPLETED', 'p:COMPLETING', 'p:COMPLETED']);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should NOT interrupt the process with a non-interrupting timer start event sub-process', async () => {
    // given
    await h.deploy(processXml('p', withEventSubProcess(timerStart('espStart', 'PT1H', false))));
    const key = await h.start('p');
    // when
    await h.advance(HOUR);
    // then
    expect((await h.state(key)).active.sort()).to.deep.equal(['esp', 'handle', 'work']);
    await h.completeTask('handle', {}, key);
    expect((await h.state(key)).active).to.deep.equal(['work']);
    await h.completeTask('work', {}, key);
    expect((await h.state(key)).status).to.equal('completed');
    expect(await h.lifecycle(key)).to.not.include('work:TERMINATING');
  });

  it('should keep the process active until a running non-interrupting event sub-process ends', async () => {
    // given
    await h.deploy(processXml('p', withEventSubProcess(timerStart('espStart', 'PT1H', false))));
    const key = await h.start('p');
    await h.advance(HOUR);
    // when
    await h.completeTask('work', {}, key);
    // then
    expect(await h.state(key)).to.deep.include({ status: 'active' });
    expect((await h.state(key)).active.sort()).to.deep.equal(['esp', 'handle']);
    await h.completeTask('handle', {}, key);
    expect((await h.lifecycle(key)).slice(-6)).to.deep.equal(['handled:COMPLETING', 'handled:COMPLETED', 'esp:COMPLETING', 'esp:COMPLETED', 'p:COMPLETING', 'p:COMPLETED']);
  });

  it('should interrupt the process with a message start event sub-process and take the message variables', async () => {
    // given
    await h.deploy(definitionsXml(messageRoot('Withdraw', 'withdrawn', '=caseId'), { id: 'p', content: withEventSubProcess(messageStart('espStart', 'Withdraw', true)) }));
    const key = await h.start('p', { caseId: 'HS-1' });
    // when
    const published = await h.engine.publishMessage({ name: 'withdrawn', correlationKey: 'HS-1', variables: { reason: 'applicant asked' } });
    // then
    expect(published.correlatedInstances).to.deep.equal([key]);
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('work:TERMINATING'))).to.deep.equal([
      'work:TERMINATING', 'work:TERMINATED',
      'esp:ACTIVATING', 'esp:ACTIVATED',
      'espStart:ACTIVATING', 'espStart:ACTIVATED', 'espStart:COMPLETING', 'espStart:COMPLETED',
      'handle:ACTIVATING', 'handle:ACTIVATED',
    ]);
    expect((await h.state(key)).variables).to.deep.equal({ caseId: 'HS-1', reason: 'applicant asked' });
  });

  it('should run a non-interrupting message start event sub-process once per message while the process goes on', async () => {
    // given
    await h.deploy(definitionsXml(messageRoot('Remind', 'reminder', '=caseId'), { id: 'p', content: withEventSubProcess(messageStart('espStart', 'Remind', false)) }));
    const key = await h.start('p', { caseId: 'HS-2' });
    // when
    await h.engine.publishMessage({ name: 'reminder', correlationKey: 'HS-2' });
    await h.engine.publishMessage({ name: 'reminder', correlationKey: 'HS-2' });
    // then
    expect((await h.state(key)).active.sort()).to.deep.equal(['esp', 'esp', 'handle', 'handle', 'work']);
    expect(await h.engine.listUserTasks({ state: 'created', rootKey: key, elementId: 'handle' })).to.have.length(2);
  });

  it('should terminate the tasks inside a sub-process when an interrupting boundary timer on it fires', async () => {
    // given
    const inner = `<bpmn:startEvent id="subStart" /><bpmn:parallelGateway id="fork" />${userTask('a')}${userTask('b')}<bpmn:parallelGateway id="join" /><bpmn:endEvent id="subEnd" />
      ${flow('subStart', 'fork')}${flow('fork', 'a')}${flow('fork', 'b')}${flow('a', 'join')}${flow('b', 'join')}${flow('join', 'subEnd')}`;
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" />${subProcess('sub', inner)}<bpmn:endEvent id="e" />${timerBoundary('late', 'sub', 'PT2H')}${userTask('escalate')}
         ${flow('s', 'sub')}${flow('sub', 'e')}${flow('late', 'escalate')}`,
      ),
    );
    const key = await h.start('p');
    // when
    await h.advance(2 * HOUR);
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(lifecycle.indexOf('sub:TERMINATING'))).to.deep.equal([
      'sub:TERMINATING', 'a:TERMINATING', 'a:TERMINATED', 'b:TERMINATING', 'b:TERMINATED', 'sub:TERMINATED',
      'late:ACTIVATING', 'late:ACTIVATED', 'late:COMPLETING', 'late:COMPLETED',
      'escalate:ACTIVATING', 'escalate:ACTIVATED',
    ]);
    const open = await h.engine.listUserTasks({ state: 'created', rootKey: key });
    expect(open.map((t) => t.elementId)).to.deep.equal(['escalate']);
  });
});

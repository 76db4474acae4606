import { expect } from 'chai';
import { createHarness, flow, processXml, serviceTask, userTask, type Harness } from './harness.js';

describe('engine/runtime: sequence flow, tasks and gateways', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('should run a none start event to a none end event and complete the instance', async () => {
    // given
    await h.deploy(processXml('p', `<bpmn:startEvent id="start" /><bpmn:endEvent id="end" />${flow('start', 'end')}`));
    // when
    const key = await h.start('p', { a: 1 });
    // then
    expect(await h.lifecycle(key)).to.deep.equal([
      'p:ACTIVATING', 'p:ACTIVATED',
      'start:ACTIVATING', 'start:ACTIVATED', 'start:COMPLETING', 'start:COMPLETED',
      'end:ACTIVATING', 'end:ACTIVATED', 'end:COMPLETING', 'end:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { a: 1 } });
  });

  it('should wait at a native user task and continue with the variables it is completed with', async () => {
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${userTask('review')}<bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'e')}`));
    const key = await h.start('p');
    expect((await h.state(key)).active).to.deep.equal(['review']);
    await h.completeTask('review', { approved: true });
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { approved: true } });
    expect((await h.lifecycle(key)).filter((e) => e.startsWith('review'))).to.deep.equal([
      'review:ACTIVATING', 'review:ACTIVATED', 'review:COMPLETING', 'review:COMPLETED',
    ]);
  });

  it('should create a job for a service task and complete it', async () => {
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${serviceTask('work', 'send-sms')}<bpmn:endEvent id="e" />${flow('s', 'work')}${flow('work', 'e')}`));
    const key = await h.start('p', { phone: '0900000000' });
    const jobs = await h.engine.activateJobs({ type: 'send-sms', worker: 'w1' });
    expect(jobs).to.have.length(1);
    expect(jobs[0]!.variables).to.deep.equal({ phone: '0900000000' });
    await h.engine.completeJob(jobs[0]!.key, { sent: true });
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { phone: '0900000000', sent: true } });
  });

  it('should take the first exclusive gateway flow whose condition is true', async () => {
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" default="toC" />
         <bpmn:endEvent id="a" /><bpmn:endEvent id="b" /><bpmn:endEvent id="c" />
         ${flow('s', 'g')}${flow('g', 'a', { condition: '=amount > 100' })}${flow('g', 'b', { condition: '=amount > 10' })}${flow('g', 'c', { id: 'toC' })}`,
      ),
    );
    const big = await h.start('p', { amount: 500 });
    const small = await h.start('p', { amount: 50 });
    const none = await h.start('p', { amount: 1 });
    expect(await h.lifecycle(big)).to.include('a:COMPLETED').and.not.include('b:ACTIVATING').and.not.include('c:ACTIVATING');
    expect(await h.lifecycle(small)).to.include('b:COMPLETED');
    expect(await h.lifecycle(none)).to.include('c:COMPLETED');
  });

  it('should fork and join parallel branches and complete once both arrive', async () => {
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" /><bpmn:parallelGateway id="join" />
         ${userTask('t1')}${userTask('t2')}<bpmn:endEvent id="e" />
         ${flow('s', 'fork')}${flow('fork', 't1')}${flow('fork', 't2')}${flow('t1', 'join')}${flow('t2', 'join')}${flow('join', 'e')}`,
      ),
    );
    const key = await h.start('p');
    expect((await h.state(key)).active.sort()).to.deep.equal(['t1', 't2']);
    await h.completeTask('t1');
    expect((await h.state(key)).active).to.deep.equal(['t2']);
    await h.completeTask('t2');
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.filter((e) => e.startsWith('join:'))).to.deep.equal(['join:ACTIVATING', 'join:ACTIVATED', 'join:COMPLETING', 'join:COMPLETED']);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should join an inclusive gateway only on the branches that were taken', async () => {
    await h.deploy(
      processXml(
        'p',
        `<bpmn:startEvent id="s" /><bpmn:inclusiveGateway id="fork" /><bpmn:inclusiveGateway id="join" />
         ${userTask('police')}${userTask('insurance')}<bpmn:endEvent id="e" />
         ${flow('s', 'fork')}${flow('fork', 'police', { condition: '=needsResidence' })}${flow('fork', 'insurance', { condition: '=needsInsurance' })}
         ${flow('police', 'join')}${flow('insurance', 'join')}${flow('join', 'e')}`,
      ),
    );
    const one = await h.start('p', { needsResidence: true, needsInsurance: false });
    expect((await h.state(one)).active).to.deep.equal(['police']);
    await h.completeTask('police', {}, one);
    expect((await h.state(one)).status).to.equal('completed');

    const both = await h.start('p', { needsResidence: true, needsInsurance: true });
    await h.completeTask('insurance', {}, both);
    expect((await h.state(both)).active).to.deep.equal(['police']);
    await h.completeTask('police', {}, both);
    expect((await h.state(both)).status).to.equal('completed');
  });
});

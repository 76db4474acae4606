import { expect } from 'chai';
import { createHarness, flow, processXml, type Harness } from './harness.js';

/** start → the given element (id `x`) → end, as the lifecycle of `x` is what each case looks at. */
const around = (element: string, extra = '') =>
  processXml('p', `<bpmn:startEvent id="s" />${element}<bpmn:endEvent id="e" />${flow('s', 'x')}${flow('x', 'e')}${extra}`);

const job = (type: string) => `<bpmn:extensionElements><zeebe:taskDefinition type="${type}" retries="2" /></bpmn:extensionElements>`;

describe('engine/runtime: tasks and throw events', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const passThrough = ['ACTIVATING', 'ACTIVATED', 'COMPLETING', 'COMPLETED'].map((intent) => `x:${intent}`);

  for (const [kind, xml] of [
    ['an undefined task', '<bpmn:task id="x" />'],
    ['a manual task', '<bpmn:manualTask id="x" />'],
    ['a none intermediate throw event', '<bpmn:intermediateThrowEvent id="x" />'],
  ] as const) {
    it(`should pass through ${kind} without waiting`, async () => {
      await h.deploy(around(xml));
      const key = await h.start('p');
      expect((await h.lifecycle(key)).filter((e) => e.startsWith('x:'))).to.deep.equal(passThrough);
      expect((await h.state(key)).status).to.equal('completed');
    });
  }

  for (const [kind, xml] of [
    ['a send task', `<bpmn:sendTask id="x">${job('send-notice')}</bpmn:sendTask>`],
    ['a business-rule task', `<bpmn:businessRuleTask id="x">${job('send-notice')}</bpmn:businessRuleTask>`],
    ['a script task with a task definition', `<bpmn:scriptTask id="x">${job('send-notice')}</bpmn:scriptTask>`],
    [
      'a message intermediate throw event',
      `<bpmn:intermediateThrowEvent id="x">${job('send-notice')}<bpmn:messageEventDefinition id="md" /></bpmn:intermediateThrowEvent>`,
    ],
  ] as const) {
    it(`should wait at ${kind} for its job and continue with the job's variables`, async () => {
      // given
      await h.deploy(around(xml));
      const key = await h.start('p', { code: 'H56-260213-0042' });
      expect((await h.state(key)).active).to.deep.equal(['x']);
      // when a worker takes the job and completes it
      const [activated] = await h.engine.activateJobs({ type: 'send-notice', worker: 'sms' });
      expect(activated).to.deep.include({ elementId: 'x', retries: 2, variables: { code: 'H56-260213-0042' } });
      await h.engine.completeJob(activated!.key, { sent: true });
      // then
      expect((await h.lifecycle(key)).filter((e) => e.startsWith('x:'))).to.deep.equal(passThrough);
      expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { code: 'H56-260213-0042', sent: true } });
    });
  }

  it('should end at a message end event only once its job is completed', async () => {
    await h.deploy(
      processXml('p', `<bpmn:startEvent id="s" /><bpmn:endEvent id="x">${job('send-notice')}<bpmn:messageEventDefinition id="md" /></bpmn:endEvent>${flow('s', 'x')}`),
    );
    const key = await h.start('p');
    expect((await h.state(key)).status).to.equal('active');
    await h.completeJob('x', {}, key);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should evaluate a zeebe:script expression and store its result', async () => {
    // given a fee of 2,000đ per page for pages 1–2 and 1,000đ from page 3
    await h.deploy(
      around(`<bpmn:scriptTask id="x"><bpmn:extensionElements>
        <zeebe:script expression="=min([pages, 2]) * 2000 + max([pages - 2, 0]) * 1000" resultVariable="fee" />
      </bpmn:extensionElements></bpmn:scriptTask>`),
    );
    // when
    const key = await h.start('p', { pages: 5 });
    // then
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { pages: 5, fee: 7000 } });
  });

  it('should raise an incident when a zeebe:script expression fails, and run it again once resolved', async () => {
    // given
    await h.deploy(around(`<bpmn:scriptTask id="x"><bpmn:extensionElements><zeebe:script expression="=assert(pages, pages != null)" resultVariable="checked" /></bpmn:extensionElements></bpmn:scriptTask>`));
    const key = await h.start('p');
    const [incident] = await h.engine.listIncidents({ rootKey: key, state: 'open' });
    expect(incident).to.deep.include({ elementId: 'x', type: 'EXTRACT_VALUE_ERROR' });
    // when the data is fixed and the incident resolved
    await h.engine.setVariables(key, key, { pages: 3 });
    await h.engine.resolveIncident(incident!.key);
    // then
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { pages: 3, checked: 3 } });
  });
});

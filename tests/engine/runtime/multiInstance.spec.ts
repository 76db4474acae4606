import { expect } from 'chai';
import {
  callActivity,
  childInstances,
  createHarness,
  flow,
  ioMapping,
  loop,
  loopedUserTask,
  openIncidents,
  processXml,
  userTask,
  type Harness,
} from './harness.js';

/** start → review (multi-instance user task) → end. */
const reviewXml = (loopXml: string, extra = '') =>
  processXml('p', `<bpmn:startEvent id="s" />${loopedUserTask('review', loopXml, extra)}<bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'e')}`);

/** The result each iteration reports is local to it, so iterations completed in any order don't overwrite each other. */
const LOCAL_RESULT = ioMapping([['=null', 'result']]);

describe('engine/runtime: multi-instance activities', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const openReviews = (rootKey: string) => h.engine.listUserTasks({ state: 'created', rootKey, elementId: 'review' });
  const localsOf = async (rootKey: string, elementInstanceKey: string) => (await h.engine.getTree(rootKey))!.variables[elementInstanceKey];

  it('should create one task per item with the item and the loop counter as local variables', async () => {
    // given
    await h.deploy(reviewXml(loop({ collection: '=documents', element: 'document' })));
    // when
    const key = await h.start('p', { documents: ['cccd', 'so-ho-khau', 'giay-khai-sinh'] });
    // then
    expect(await h.lifecycle(key)).to.deep.equal([
      'p:ACTIVATING', 'p:ACTIVATED', 's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
      'review:ACTIVATING', 'review:ACTIVATED',
      'review:ACTIVATING', 'review:ACTIVATED', 'review:ACTIVATING', 'review:ACTIVATED', 'review:ACTIVATING', 'review:ACTIVATED',
    ]);
    const tasks = await openReviews(key);
    const locals = await Promise.all(tasks.map((t) => localsOf(key, t.elementInstanceKey)));
    expect(locals).to.deep.equal([
      { document: 'cccd', loopCounter: 1 },
      { document: 'so-ho-khau', loopCounter: 2 },
      { document: 'giay-khai-sinh', loopCounter: 3 },
    ]);
    expect((await h.state(key)).variables).to.deep.equal({ documents: ['cccd', 'so-ho-khau', 'giay-khai-sinh'] });
  });

  it('should collect the output elements in item order even when the iterations complete out of order', async () => {
    // given
    await h.deploy(reviewXml(loop({ collection: '=documents', element: 'document', outputCollection: 'results', outputElement: '=result' }), LOCAL_RESULT));
    const key = await h.start('p', { documents: ['a', 'b', 'c'] });
    const [first, second, third] = await openReviews(key);
    // when
    await h.engine.completeUserTask(third!.key, { result: 'C' });
    await h.engine.completeUserTask(first!.key, { result: 'A' });
    await h.engine.completeUserTask(second!.key, { result: 'B' });
    // then
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { documents: ['a', 'b', 'c'], results: ['A', 'B', 'C'] } });
    expect((await h.lifecycle(key)).slice(-10)).to.deep.equal([
      'review:COMPLETING', 'review:COMPLETED', 'review:COMPLETING', 'review:COMPLETED',
      'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
  });

  it('should start the next item of a sequential loop only after the previous one completes', async () => {
    // given
    await h.deploy(reviewXml(loop({ collection: '=documents', element: 'document', sequential: true })));
    const key = await h.start('p', { documents: ['a', 'b'] });
    const [first, ...others] = await openReviews(key);
    expect(others).to.deep.equal([]);
    expect(await localsOf(key, first!.elementInstanceKey)).to.deep.equal({ document: 'a', loopCounter: 1 });
    // when
    await h.engine.completeUserTask(first!.key);
    // then
    const [next, ...rest] = await openReviews(key);
    expect(rest).to.deep.equal([]);
    expect(await localsOf(key, next!.elementInstanceKey)).to.deep.equal({ document: 'b', loopCounter: 2 });
    await h.engine.completeUserTask(next!.key);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should run an embedded sub-process once per item', async () => {
    // given
    const inner = `<bpmn:startEvent id="subStart" />${userTask('check')}<bpmn:endEvent id="subEnd" />${flow('subStart', 'check')}${flow('check', 'subEnd')}`;
    const sub = `<bpmn:subProcess id="perAgency">${inner}${loop({ collection: '=agencies', element: 'agency' })}</bpmn:subProcess>`;
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${sub}<bpmn:endEvent id="e" />${flow('s', 'perAgency')}${flow('perAgency', 'e')}`));
    // when
    const key = await h.start('p', { agencies: ['cong-an', 'thue'] });
    // then
    const checks = await h.engine.listUserTasks({ state: 'created', rootKey: key, elementId: 'check' });
    expect(checks).to.have.length(2);
    const tree = (await h.engine.getTree(key))!;
    const agencyOf = (elementInstanceKey: string) => tree.variables[tree.elements[elementInstanceKey]!.parentKey!]!.agency;
    expect(checks.map((t) => agencyOf(t.elementInstanceKey))).to.deep.equal(['cong-an', 'thue']);
    for (const task of checks) await h.engine.completeUserTask(task.key);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it('should call a process once per item and collect what each called instance returns', async () => {
    // given
    await h.deploy(processXml('child', `<bpmn:startEvent id="cs" />${userTask('childTask')}<bpmn:endEvent id="ce" />${flow('cs', 'childTask')}${flow('childTask', 'ce')}`));
    // Without an output mapping every child variable would merge back, the body's output collection included (as in Zeebe).
    const call = callActivity('call', 'child', {
      extra: ioMapping([], [['=fee', 'fee']]),
      body: loop({ collection: '=agencies', element: 'agency', outputCollection: 'fees', outputElement: '=fee' }),
    });
    await h.deploy(processXml('p', `<bpmn:startEvent id="s" />${call}<bpmn:endEvent id="e" />${flow('s', 'call')}${flow('call', 'e')}`));
    const key = await h.start('p', { agencies: ['cong-an', 'thue'] });
    const children = await childInstances(h, key);
    expect(await Promise.all(children.map(async (c) => (await h.state(c.key)).variables.agency))).to.deep.equal(['cong-an', 'thue']);
    // when
    const tasks = await h.engine.listUserTasks({ state: 'created', rootKey: key, elementId: 'childTask' });
    await h.engine.completeUserTask(tasks[1]!.key, { fee: 20 });
    await h.engine.completeUserTask(tasks[0]!.key, { fee: 10 });
    // then
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { agencies: ['cong-an', 'thue'], fees: [10, 20] } });
  });

  it('should complete at once with an empty output collection when the input collection is empty', async () => {
    // given
    await h.deploy(reviewXml(loop({ collection: '=documents', element: 'document', outputCollection: 'results', outputElement: '=result' })));
    // when
    const key = await h.start('p', { documents: [] });
    // then
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { documents: [], results: [] } });
    expect(await h.lifecycle(key)).to.deep.equal([
      'p:ACTIVATING', 'p:ACTIVATED', 's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
      'review:ACTIVATING', 'review:ACTIVATED', 'review:COMPLETING', 'review:COMPLETED',
      'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
  });

  it('should raise an incident when the input collection is not a list and run the loop once it is fixed', async () => {
    // given
    await h.deploy(reviewXml(loop({ collection: '=documents', element: 'document' })));
    const key = await h.start('p', { documents: 'cccd' });
    const [incident] = await openIncidents(h, key);
    expect(incident).to.deep.include({ type: 'EXTRACT_VALUE_ERROR', elementId: 'review' });
    expect(await openReviews(key)).to.deep.equal([]);
    // when
    await h.engine.setVariables(key, key, { documents: ['cccd'] });
    await h.engine.resolveIncident(incident!.key);
    // then
    expect(await openReviews(key)).to.have.length(1);
    expect((await h.state(key)).status).to.equal('active');
  });

  it('should terminate the remaining iterations once the completion condition holds', async () => {
    // given
    await h.deploy(reviewXml(loop({ collection: '=members', element: 'member', completionCondition: '=numberOfCompletedInstances >= 2' })));
    const key = await h.start('p', { members: ['a', 'b', 'c'] });
    const [first, second] = await openReviews(key);
    await h.engine.completeUserTask(first!.key);
    expect(await openReviews(key)).to.have.length(2);
    // when
    await h.engine.completeUserTask(second!.key);
    // then
    const lifecycle = await h.lifecycle(key);
    expect(lifecycle.slice(-12)).to.deep.equal([
      'review:COMPLETING', 'review:COMPLETED',
      'review:TERMINATING', 'review:TERMINATED',
      'review:COMPLETING', 'review:COMPLETED',
      'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
      'p:COMPLETING', 'p:COMPLETED',
    ]);
    expect(await openReviews(key)).to.deep.equal([]);
    expect((await h.state(key)).status).to.equal('completed');
  });

  it("should evaluate the completion condition in the completing iteration's scope, so it sees the iteration's item", async () => {
    // given a review by every member that ends as soon as the chair has reviewed
    await h.deploy(reviewXml(loop({ collection: '=members', element: 'member', completionCondition: '=member = "chair"' })));
    const key = await h.start('p', { members: ['a', 'chair', 'b'] });
    const reviews = await openReviews(key);
    // when a plain member completes, nothing ends; when the chair completes, the loop ends
    await h.engine.completeUserTask(reviews[0]!.key);
    expect(await openReviews(key)).to.have.length(2);
    await h.engine.completeUserTask(reviews[1]!.key);
    // then
    expect(await openReviews(key)).to.deep.equal([]);
    expect((await h.state(key)).status).to.equal('completed');
  });
});

import { expect } from 'chai';
import type { Variables } from '../../../engine/runtime/state.js';
import { createHarness, flow, ioMapping, processXml, serviceTask, subProcess, userTask, type Harness } from './harness.js';

/** start → the given element (id `step`) → end. */
const around = (element: string) => processXml('p', `<bpmn:startEvent id="s" />${element}<bpmn:endEvent id="e" />${flow('s', 'step')}${flow('step', 'e')}`);

/** start → sub-process `step` (with the given extension elements) holding start → inner element (id `inner`) → end. */
const insideSubProcess = (inner: string, subExtensions = '') =>
  around(subProcess('step', `<bpmn:startEvent id="subStart" />${inner}<bpmn:endEvent id="subEnd" />${flow('subStart', 'inner')}${flow('inner', 'subEnd')}`, subExtensions));

describe('engine/runtime: variables and their scopes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Variables by the element id of their scope (the process id for the instance itself). */
  async function scopes(rootKey: string): Promise<Record<string, Variables>> {
    const tree = (await h.engine.getTree(rootKey))!;
    const byElement: Record<string, Variables> = {};
    for (const [scopeKey, variables] of Object.entries(tree.variables)) {
      const elementId = scopeKey === rootKey ? 'p' : tree.elements[scopeKey]?.elementId;
      if (elementId && Object.keys(variables).length) byElement[elementId] = variables;
    }
    return byElement;
  }

  const scopeKeyOf = async (rootKey: string, elementId: string) =>
    Object.values((await h.engine.getTree(rootKey))!.elements).find((e) => e.elementId === elementId)!.key;

  it('should keep the variables an input mapping creates local to the element', async () => {
    // given
    await h.deploy(around(userTask('step', ioMapping([['=fee * 2', 'doubleFee']]))));
    const key = await h.start('p', { fee: 50000 });
    expect(await scopes(key)).to.deep.equal({ p: { fee: 50000 }, step: { doubleFee: 100000 } });
    // when
    await h.completeTask('step', {}, key);
    // then
    expect((await h.state(key)).variables).to.deep.equal({ fee: 50000 });
  });

  it('should propagate only what the output mappings produce, from the flow scope outwards', async () => {
    // given
    await h.deploy(around(userTask('step', ioMapping([], [['=decision', 'outcome']]))));
    const key = await h.start('p');
    // when
    await h.completeTask('step', { decision: 'approved', draft: 'x' }, key);
    // then
    expect((await h.state(key)).variables).to.deep.equal({ outcome: 'approved' });
  });

  it('should write an output mapping into the enclosing sub-process when it already has the variable', async () => {
    // given
    const inner = `<bpmn:startEvent id="subStart" />${userTask('inner', ioMapping([], [['=decision', 'outcome']]))}${userTask('sign')}<bpmn:endEvent id="subEnd" />
      ${flow('subStart', 'inner')}${flow('inner', 'sign')}${flow('sign', 'subEnd')}`;
    await h.deploy(around(subProcess('step', inner, ioMapping([['=null', 'outcome']]))));
    const key = await h.start('p');
    // when
    await h.completeTask('inner', { decision: 'approved' }, key);
    // then
    expect(await scopes(key)).to.deep.equal({ step: { outcome: 'approved' } });
    await h.completeTask('sign', {}, key);
    expect((await h.state(key)).variables).to.deep.equal({});
  });

  it('should merge job variables into the nearest scope that has them, else into the process instance', async () => {
    // given
    await h.deploy(insideSubProcess(serviceTask('inner', 'lookup'), ioMapping([['=0', 'attempts']])));
    const key = await h.start('p', { attempts: 5 });
    // when
    await h.completeJob('inner', { attempts: 1, receipt: 'R-1' }, key);
    // then
    const variables = (await h.engine.history(key)).filter((e) => e.valueType === 'VARIABLE').map((e) => `${e.intent}:${String(e.value.name)}=${JSON.stringify(e.value.value)}`);
    expect(variables).to.deep.equal(['CREATED:attempts=5', 'CREATED:attempts=0', 'UPDATED:attempts=1', 'CREATED:receipt="R-1"']);
    expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { attempts: 5, receipt: 'R-1' } });
  });

  it('should merge a dotted output mapping target into the existing object', async () => {
    // given
    await h.deploy(around(userTask('step', ioMapping([], [['=true', 'applicant.verified'], ['=verifiedBy', 'applicant.check.by']]))));
    const key = await h.start('p', { applicant: { name: 'Lê Văn C', age: 30 } });
    // when
    await h.completeTask('step', { verifiedBy: 'canbo01' }, key);
    // then
    expect((await h.state(key)).variables).to.deep.equal({ applicant: { name: 'Lê Văn C', age: 30, verified: true, check: { by: 'canbo01' } } });
  });

  it('should set variables on the scope itself when local and from the scope outwards otherwise', async () => {
    // given
    await h.deploy(insideSubProcess(userTask('inner'), ioMapping([['="draft"', 'status']])));
    const key = await h.start('p', { status: 'new' });
    const sub = await scopeKeyOf(key, 'step');
    // when
    await h.engine.setVariables(key, sub, { status: 'checked', checkedBy: 'canbo01' });
    await h.engine.setVariables(key, sub, { note: 'local only' }, { local: true });
    // then
    expect(await scopes(key)).to.deep.equal({
      p: { status: 'new', checkedBy: 'canbo01' },
      step: { status: 'checked', note: 'local only' },
    });
  });
});

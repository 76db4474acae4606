import { expect } from 'chai';
import { sequentialIds } from '../../../engine/runtime/clock.js';
import { Engine } from '../../../engine/runtime/Engine.js';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import type { ModelProblem } from '../../../engine/model/types.js';
import { createHarness, flow, processXml, serviceTask, userTask, type Harness } from './harness.js';

/** v1: start → review → end. */
const V1 = processXml('p', `<bpmn:startEvent id="s" />${userTask('review')}<bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'e')}`);

/** v2 adds a signing step after the review. */
const V2 = processXml(
  'p',
  `<bpmn:startEvent id="s" />${userTask('review')}${userTask('sign')}<bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'sign')}${flow('sign', 'e')}`,
);

describe('engine/runtime: process versions', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('should reuse the key and version when the identical resource is deployed again', async () => {
    // given
    const [first] = await h.engine.deploy(V1, 'p.bpmn');
    // when
    const [again] = await h.engine.deploy(V1, 'p.bpmn');
    // then
    expect(first).to.deep.include({ processId: 'p', version: 1, isNew: true });
    expect(again).to.deep.equal({ key: first!.key, processId: 'p', version: 1, isNew: false });
    expect(await h.engine.listProcesses()).to.have.length(1);
  });

  it('should deploy a changed model as the next version', async () => {
    // given
    const [v1] = await h.engine.deploy(V1);
    // when
    const [v2] = await h.engine.deploy(V2);
    // then
    expect(v2).to.deep.include({ processId: 'p', version: 2, isNew: true });
    expect(v2!.key).to.not.equal(v1!.key);
  });

  it('should keep an instance started on version 1 on version 1 after version 2 is deployed', async () => {
    // given
    await h.engine.deploy(V1);
    const key = await h.start('p');
    await h.engine.deploy(V2);
    // when
    await h.completeTask('review', {}, key);
    // then
    expect(await h.engine.getInstance(key)).to.deep.include({ status: 'completed', version: 1 });
    expect((await h.lifecycle(key)).slice(-8)).to.deep.equal([
      'review:COMPLETING', 'review:COMPLETED', 'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED', 'p:COMPLETING', 'p:COMPLETED',
    ]);
  });

  it('should continue an instance on its own version in an engine that only finds the definitions in the database', async () => {
    // given
    await h.engine.deploy(V1);
    const key = await h.start('p');
    await h.engine.deploy(V2);
    const restarted = await Engine.create({ db: h.db, clock: h.clock, ids: sequentialIds('r') });
    const [task] = await restarted.listUserTasks({ state: 'created', rootKey: key });
    // when
    await restarted.completeUserTask(task!.key);
    // then
    expect((await restarted.getInstance(key))!).to.deep.include({ status: 'completed', version: 1 });
    expect(await h.lifecycle(key)).to.not.include('sign:ACTIVATING');
  });

  it('should start new instances on the newest version', async () => {
    // given
    await h.engine.deploy(V1);
    await h.engine.deploy(V2);
    const key = await h.start('p');
    // when
    await h.completeTask('review', {}, key);
    // then
    expect(await h.engine.getInstance(key)).to.deep.include({ version: 2, status: 'active' });
    expect((await h.state(key)).active).to.deep.equal(['sign']);
  });

  it('should reject an invalid model with its problems by element id and deploy nothing', async () => {
    // given
    const invalid = processXml(
      'bad',
      `<bpmn:startEvent id="s" /><bpmn:serviceTask id="noType" />${serviceTask('ok', 'fine')}<bpmn:endEvent id="e" />${flow('s', 'noType')}${flow('noType', 'ok')}${flow('ok', 'e')}`,
    );
    // when
    const refused = await h.engine.deploy(invalid, 'bad.bpmn').then(
      () => undefined,
      (error: unknown) => error,
    );
    // then
    expect(refused).to.be.instanceOf(EngineError).and.to.have.property('code', 'MODEL_REJECTED');
    const problems = (refused as EngineError).details.problems as readonly ModelProblem[];
    expect(problems.map((p) => p.elementId)).to.deep.equal(['noType']);
    expect((refused as EngineError).message).to.contain('bad.bpmn').and.contain('noType: ');
    expect(await h.engine.listProcesses()).to.deep.equal([]);
  });
});

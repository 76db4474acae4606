import { expect } from 'chai';
import { createHarness, flow, openIncidents, processXml, userTask, type Harness } from './harness.js';

/** s → g (exclusive) → a | b, with optional default flow `toB` */
const exclusiveProcess = (conditionToA: string, options: { conditionToB?: string; withDefault?: boolean } = {}) =>
  processXml(
    'p',
    `<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" ${options.withDefault ? 'default="toB"' : ''} />
     <bpmn:endEvent id="a" /><bpmn:endEvent id="b" />
     ${flow('s', 'g')}${flow('g', 'a', { id: 'toA', condition: conditionToA })}
     ${flow('g', 'b', { id: 'toB', ...(options.conditionToB ? { condition: options.conditionToB } : {}) })}`,
  );

describe('engine/runtime: gateways', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('exclusive gateway', () => {
    it('should take the default flow when no condition is true', async () => {
      // given
      await h.deploy(exclusiveProcess('=amount > 100', { withDefault: true }));
      // when
      const key = await h.start('p', { amount: 5 });
      // then
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'g:ACTIVATING', 'g:ACTIVATED', 'g:COMPLETING', 'g:COMPLETED',
        'b:ACTIVATING', 'b:ACTIVATED', 'b:COMPLETING', 'b:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      const taken = (await h.engine.history(key)).filter((e) => e.intent === 'SEQUENCE_FLOW_TAKEN' && e.value.sourceElementId === 'g');
      expect(taken.map((e) => e.elementId)).to.deep.equal(['toB']);
    });

    it('should raise a CONDITION_ERROR incident naming the gateway when no condition is true and there is no default flow', async () => {
      // given
      await h.deploy(exclusiveProcess('=amount > 100', { conditionToB: '=amount > 50' }));
      // when
      const key = await h.start('p', { amount: 5 });
      // then
      expect((await h.state(key)).status).to.equal('incident');
      const incidents = await openIncidents(h, key);
      expect(incidents.map((i) => [i.type, i.elementId])).to.deep.equal([['CONDITION_ERROR', 'g']]);
      expect(incidents[0]!.message).to.contain("gateway 'g'");
      expect((await h.lifecycle(key)).slice(-2)).to.deep.equal(['s:COMPLETED', 'g:ACTIVATING']);
    });

    it('should continue from the gateway once the data is fixed and the incident resolved', async () => {
      // given
      await h.deploy(exclusiveProcess('=amount > 100', { conditionToB: '=amount > 50' }));
      const key = await h.start('p', { amount: 5 });
      const [incident] = await openIncidents(h, key);
      // when
      await h.engine.setVariables(key, key, { amount: 500 });
      await h.engine.resolveIncident(incident!.key);
      // then
      expect((await h.state(key)).status).to.equal('completed');
      expect((await h.lifecycle(key)).filter((e) => e.startsWith('g:') || e.startsWith('a:'))).to.deep.equal([
        'g:ACTIVATING', 'g:ACTIVATED', 'g:COMPLETING', 'g:COMPLETED',
        'a:ACTIVATING', 'a:ACTIVATED', 'a:COMPLETING', 'a:COMPLETED',
      ]);
    });

    it('should raise a CONDITION_ERROR incident naming the flow when a condition is not a boolean', async () => {
      // given
      await h.deploy(exclusiveProcess('=decision', { withDefault: true }));
      // when
      const key = await h.start('p', { decision: 'yes' });
      // then
      const incidents = await openIncidents(h, key);
      expect(incidents.map((i) => [i.type, i.elementId])).to.deep.equal([['CONDITION_ERROR', 'g']]);
      expect(incidents[0]!.message).to.contain("flow 'toA'").and.contain('yes');
    });

    it('should raise a CONDITION_ERROR incident when a condition refers to a missing variable', async () => {
      // given
      await h.deploy(exclusiveProcess('=approved', { withDefault: true }));
      // when
      const key = await h.start('p', {});
      // then
      const incidents = await openIncidents(h, key);
      expect(incidents.map((i) => i.type)).to.deep.equal(['CONDITION_ERROR']);
      expect(incidents[0]!.message).to.contain("flow 'toA'");
    });
  });

  describe('inclusive gateway', () => {
    /** fork → short (one task) | long (two tasks) | never (false) → join → e */
    const inclusiveProcess = () =>
      processXml(
        'p',
        `<bpmn:startEvent id="s" /><bpmn:inclusiveGateway id="fork" /><bpmn:inclusiveGateway id="join" />
         ${userTask('short')}${userTask('long1')}${userTask('long2')}${userTask('never')}<bpmn:endEvent id="e" />
         ${flow('s', 'fork')}
         ${flow('fork', 'short', { condition: '=needsShort' })}${flow('fork', 'long1', { condition: '=needsLong' })}${flow('fork', 'never', { condition: '=false' })}
         ${flow('short', 'join')}${flow('long1', 'long2')}${flow('long2', 'join')}${flow('never', 'join')}${flow('join', 'e')}`,
      );

    it('should activate every branch whose condition is true', async () => {
      // given
      await h.deploy(inclusiveProcess());
      // when
      const key = await h.start('p', { needsShort: true, needsLong: true });
      // then
      expect((await h.state(key)).active.sort()).to.deep.equal(['long1', 'short']);
    });

    it('should wait at the join until every taken branch arrives, including one that passes through further tasks', async () => {
      // given
      await h.deploy(inclusiveProcess());
      const key = await h.start('p', { needsShort: true, needsLong: true });
      // when
      await h.completeTask('short', {}, key);
      await h.completeTask('long1', {}, key);
      const beforeLast = await h.state(key);
      await h.completeTask('long2', {}, key);
      // then
      expect(beforeLast.active).to.deep.equal(['long2']);
      const lifecycle = await h.lifecycle(key);
      expect(lifecycle.slice(lifecycle.indexOf('long2:COMPLETING'))).to.deep.equal([
        'long2:COMPLETING', 'long2:COMPLETED',
        'join:ACTIVATING', 'join:ACTIVATED', 'join:COMPLETING', 'join:COMPLETED',
        'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(lifecycle.filter((e) => e === 'join:ACTIVATING')).to.have.length(1);
      expect((await h.state(key)).status).to.equal('completed');
    });
  });

  describe('parallel gateway', () => {
    it('should join three branches once, after the last one arrives', async () => {
      // given
      await h.deploy(
        processXml(
          'p',
          `<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" /><bpmn:parallelGateway id="join" />
           ${userTask('t1')}${userTask('t2')}${userTask('t3')}<bpmn:endEvent id="e" />
           ${flow('s', 'fork')}${flow('fork', 't1')}${flow('fork', 't2')}${flow('fork', 't3')}
           ${flow('t1', 'join')}${flow('t2', 'join')}${flow('t3', 'join')}${flow('join', 'e')}`,
        ),
      );
      const key = await h.start('p');
      // when
      await h.completeTask('t2', {}, key);
      await h.completeTask('t3', {}, key);
      const beforeLast = await h.state(key);
      await h.completeTask('t1', {}, key);
      // then
      expect(beforeLast.active).to.deep.equal(['t1']);
      const lifecycle = await h.lifecycle(key);
      expect(lifecycle.slice(lifecycle.indexOf('t1:COMPLETING'))).to.deep.equal([
        't1:COMPLETING', 't1:COMPLETED',
        'join:ACTIVATING', 'join:ACTIVATED', 'join:COMPLETING', 'join:COMPLETED',
        'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect((await h.state(key)).status).to.equal('completed');
    });
  });
});

import { expect } from 'chai';
import {
  boundaryEvent,
  catchEvent,
  createHarness,
  definitionsXml,
  flow,
  instancesOf,
  messageDefinition,
  messageRoot,
  processXml,
  serviceTask,
  startEvent,
  subscriptionRows,
  timerDefinition,
  timerRows,
  userTask,
  type Harness,
} from './harness.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** s → wait (a timer catch) → e */
const timerCatchProcess = (kind: 'duration' | 'date' | 'cycle', value: string) =>
  processXml('p', `<bpmn:startEvent id="s" />${catchEvent('wait', timerDefinition(kind, value))}<bpmn:endEvent id="e" />${flow('s', 'wait')}${flow('wait', 'e')}`);

/** s → review (user task, with a timer boundary `b` → late) → done */
const boundaryProcess = (kind: 'duration' | 'date' | 'cycle', value: string, interrupting: boolean) =>
  processXml(
    'p',
    `<bpmn:startEvent id="s" />${userTask('review')}<bpmn:endEvent id="done" />
     ${boundaryEvent('b', 'review', timerDefinition(kind, value), interrupting)}<bpmn:endEvent id="late" />
     ${flow('s', 'review')}${flow('review', 'done')}${flow('b', 'late')}`,
  );

async function timerEvents(h: Harness, rootKey: string): Promise<string[]> {
  return (await h.engine.history(rootKey)).filter((e) => e.valueType === 'TIMER').map((e) => `${e.elementId}:${e.intent}`);
}

async function dueAtOfCreatedTimer(h: Harness, rootKey: string): Promise<unknown> {
  return (await h.engine.history(rootKey)).find((e) => e.valueType === 'TIMER' && e.intent === 'CREATED')?.value.dueAt;
}

async function taskRow(h: Harness, rootKey: string, elementId: string): Promise<{ state: string }> {
  const { rows } = await h.db.query<{ state: string }>('SELECT state FROM engine_user_tasks WHERE root_key = $1 AND element_id = $2', [rootKey, elementId]);
  return rows[0]!;
}

describe('engine/runtime: timers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('intermediate timer catch event', () => {
    it('should wait for a static duration and then continue', async () => {
      // given
      await h.deploy(timerCatchProcess('duration', 'PT1H'));
      const key = await h.start('p');
      expect(await dueAtOfCreatedTimer(h, key)).to.equal('2026-02-13T11:00:00.000+07:00');
      // when
      await h.advance(HOUR - 1);
      const before = await h.state(key);
      await h.advance(1);
      // then
      expect(before).to.deep.include({ status: 'active', active: ['wait'] });
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'wait:ACTIVATING', 'wait:ACTIVATED', 'wait:COMPLETING', 'wait:COMPLETED',
        'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(await timerEvents(h, key)).to.deep.equal(['wait:CREATED', 'wait:TRIGGERED']);
    });

    it('should evaluate a FEEL duration with the variables of the instance when the event activates', async () => {
      // given
      await h.deploy(timerCatchProcess('duration', '=duration(delay)'));
      // when
      const key = await h.start('p', { delay: 'PT30M' });
      // then
      expect(await dueAtOfCreatedTimer(h, key)).to.equal('2026-02-13T10:30:00.000+07:00');
      await h.advance(30 * MINUTE);
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should wait until a static date', async () => {
      // given
      await h.deploy(timerCatchProcess('date', '2026-02-14T08:00:00+07:00'));
      const key = await h.start('p');
      // when
      await h.advance(22 * HOUR - 1);
      const before = (await h.state(key)).status;
      await h.advance(1);
      // then
      expect(before).to.equal('active');
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should wait until a FEEL working-day date that skips Tết 2026', async () => {
      // given: received Friday 13 Feb 2026 at 10:00; 16–20 Feb are Tết holidays
      await h.deploy(timerCatchProcess('date', '=add working days(now(), 3)'));
      // when
      const key = await h.start('p');
      // then
      expect(await dueAtOfCreatedTimer(h, key)).to.equal('2026-02-25T10:00:00.000+07:00');
      await h.advance(12 * 24 * HOUR - 1);
      expect((await h.state(key)).status).to.equal('active');
      await h.advance(1);
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should fire timers due within one advance in the order they fall due', async () => {
      // given: two branches waiting 2h and 1h, and a chained 30-minute wait after the 1h one
      await h.deploy(
        processXml(
          'p',
          `<bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" />
           ${catchEvent('twoHours', timerDefinition('duration', 'PT2H'))}${catchEvent('oneHour', timerDefinition('duration', 'PT1H'))}
           ${catchEvent('halfHourMore', timerDefinition('duration', 'PT30M'))}
           <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
           ${flow('s', 'fork')}${flow('fork', 'twoHours')}${flow('fork', 'oneHour')}${flow('oneHour', 'halfHourMore')}
           ${flow('twoHours', 'e1')}${flow('halfHourMore', 'e2')}`,
        ),
      );
      const key = await h.start('p');
      // when
      await h.advance(3 * HOUR);
      // then
      const triggered = (await h.engine.history(key)).filter((e) => e.valueType === 'TIMER' && e.intent === 'TRIGGERED');
      expect(triggered.map((e) => [e.elementId, e.at.toISOString()])).to.deep.equal([
        ['oneHour', '2026-02-13T04:00:00.000Z'],
        ['halfHourMore', '2026-02-13T04:30:00.000Z'],
        ['twoHours', '2026-02-13T05:00:00.000Z'],
      ]);
      expect((await h.state(key)).status).to.equal('completed');
    });
  });

  describe('timer boundary event', () => {
    it('should terminate the task and take the boundary path when an interrupting timer fires', async () => {
      // given
      await h.deploy(boundaryProcess('duration', 'PT1H', true));
      const key = await h.start('p');
      // when
      await h.advance(HOUR);
      // then
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'review:ACTIVATING', 'review:ACTIVATED',
        'review:TERMINATING', 'review:TERMINATED',
        'b:ACTIVATING', 'b:ACTIVATED', 'b:COMPLETING', 'b:COMPLETED',
        'late:ACTIVATING', 'late:ACTIVATED', 'late:COMPLETING', 'late:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(await taskRow(h, key, 'review')).to.deep.include({ state: 'canceled' });
      expect(await h.engine.listUserTasks({ state: 'created', rootKey: key })).to.deep.equal([]);
    });

    it('should leave the task open when a non-interrupting timer fires', async () => {
      // given
      await h.deploy(boundaryProcess('duration', 'PT1H', false));
      const key = await h.start('p');
      // when
      await h.advance(HOUR);
      // then
      const lifecycle = await h.lifecycle(key);
      expect(lifecycle).to.include('late:COMPLETED').and.not.include('review:TERMINATING');
      expect(await h.state(key)).to.deep.include({ status: 'active', active: ['review'] });
      await h.completeTask('review', {}, key);
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should fire a non-interrupting R3/PT1H cycle exactly three times', async () => {
      // given
      await h.deploy(boundaryProcess('cycle', 'R3/PT1H', false));
      const key = await h.start('p');
      // when
      await h.advance(10 * HOUR);
      // then
      const triggered = (await h.engine.history(key)).filter((e) => e.valueType === 'TIMER' && e.intent === 'TRIGGERED');
      expect(triggered.map((e) => e.at.toISOString())).to.deep.equal(['2026-02-13T04:00:00.000Z', '2026-02-13T05:00:00.000Z', '2026-02-13T06:00:00.000Z']);
      expect((await h.lifecycle(key)).filter((e) => e === 'late:COMPLETED')).to.have.length(3);
      expect(await timerRows(h, key)).to.deep.equal([]);
      expect((await h.state(key)).active).to.deep.equal(['review']);
    });

    it('should stop a non-interrupting cycle when the task completes between repetitions', async () => {
      // given
      await h.deploy(boundaryProcess('cycle', 'R3/PT1H', false));
      const key = await h.start('p');
      await h.advance(HOUR);
      // when
      await h.completeTask('review', {}, key);
      await h.advance(5 * HOUR);
      // then
      expect(await timerEvents(h, key)).to.deep.equal(['b:CREATED', 'b:TRIGGERED', 'b:CREATED', 'b:CANCELED']);
      expect(await timerRows(h, key)).to.deep.equal([]);
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should cancel the job of a service task that an interrupting timer terminates', async () => {
      // given
      await h.deploy(
        processXml(
          'p',
          `<bpmn:startEvent id="s" />${serviceTask('work', 'stamp')}<bpmn:endEvent id="done" />
           ${boundaryEvent('b', 'work', timerDefinition('duration', 'PT1H'), true)}<bpmn:endEvent id="late" />
           ${flow('s', 'work')}${flow('work', 'done')}${flow('b', 'late')}`,
        ),
      );
      const key = await h.start('p');
      // when
      await h.advance(HOUR);
      // then
      expect((await h.engine.history(key)).filter((e) => e.valueType === 'JOB').map((e) => e.intent)).to.deep.equal(['CREATED', 'CANCELED']);
      expect(await h.engine.activateJobs({ type: 'stamp', worker: 'w' })).to.deep.equal([]);
    });

    it('should cancel the timer when the task completes first, so it never fires', async () => {
      // given
      await h.deploy(boundaryProcess('duration', 'PT1H', true));
      const key = await h.start('p');
      expect(await timerRows(h, key)).to.have.length(1);
      // when
      await h.advance(30 * MINUTE);
      await h.completeTask('review', {}, key);
      await h.advance(2 * HOUR);
      // then
      expect(await timerRows(h, key)).to.deep.equal([]);
      expect(await timerEvents(h, key)).to.deep.equal(['b:CREATED', 'b:CANCELED']);
      expect(await h.lifecycle(key)).to.include('done:COMPLETED').and.not.include('b:ACTIVATING');
    });
  });

  describe('timer start event', () => {
    it('should create an instance when a start date falls due', async () => {
      // given
      await h.deploy(processXml('p', `${startEvent('s', timerDefinition('date', '2026-02-14T08:00:00+07:00'))}<bpmn:endEvent id="e" />${flow('s', 'e')}`));
      // when
      await h.advance(22 * HOUR - 1);
      const before = await instancesOf(h, 'p');
      await h.advance(1);
      // then
      expect(before).to.deep.equal([]);
      const started = await instancesOf(h, 'p');
      expect(started).to.have.length(1);
      expect(await h.lifecycle(started[0]!.key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(await timerRows(h)).to.deep.equal([]);
    });

    it('should create one instance per repetition of a start cycle', async () => {
      // given
      await h.deploy(processXml('p', `${startEvent('s', timerDefinition('cycle', 'R2/PT1H'))}${userTask('t')}${flow('s', 't')}`));
      // when
      await h.advance(5 * HOUR);
      // then
      expect(await instancesOf(h, 'p')).to.have.length(2);
      expect(await timerRows(h)).to.deep.equal([]);
    });

    it('should keep the start timer when the identical resource is deployed again', async () => {
      // given
      const xml = processXml('p', `${startEvent('s', timerDefinition('cycle', 'R/PT1H'))}${userTask('t')}${flow('s', 't')}`);
      await h.deploy(xml);
      const before = await timerRows(h);
      // when
      await h.deploy(xml);
      // then
      expect(await timerRows(h)).to.deep.equal(before);
    });

    it('should replace the start timers of the previous version on redeploy', async () => {
      // given
      await h.deploy(processXml('p', `${startEvent('s', timerDefinition('cycle', 'R/PT1H'))}${userTask('t')}${flow('s', 't')}`));
      await h.advance(HOUR);
      // when
      await h.deploy(processXml('p', `${startEvent('s2', timerDefinition('cycle', 'R/PT2H'))}${userTask('t')}${flow('s2', 't')}`));
      await h.advance(4 * HOUR);
      // then: one instance of v1 before the redeploy, then one of v2 every two hours
      const timers = await timerRows(h);
      expect(timers.map((t) => t.elementId)).to.deep.equal(['s2']);
      expect((await instancesOf(h, 'p')).map((i) => i.version)).to.deep.equal([1, 2, 2]);
    });
  });

  describe('event-based gateway', () => {
    it('should take the timer path when the timer fires before the message and remove the message subscription', async () => {
      // given
      await h.deploy(
        definitionsXml(messageRoot('m', 'payment', '=orderId'), {
          id: 'p',
          content: `<bpmn:startEvent id="s" /><bpmn:eventBasedGateway id="g" />
            ${catchEvent('paid', messageDefinition('m'))}${catchEvent('timeout', timerDefinition('duration', 'PT1H'))}
            <bpmn:endEvent id="okEnd" /><bpmn:endEvent id="timeoutEnd" />
            ${flow('s', 'g')}${flow('g', 'paid')}${flow('g', 'timeout')}${flow('paid', 'okEnd')}${flow('timeout', 'timeoutEnd')}`,
        }),
      );
      const key = await h.start('p', { orderId: 'o-1' });
      expect(await subscriptionRows(h, key)).to.have.length(1);
      // when
      await h.advance(HOUR);
      // then
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'g:ACTIVATING', 'g:ACTIVATED', 'g:COMPLETING', 'g:COMPLETED',
        'timeout:ACTIVATING', 'timeout:ACTIVATED', 'timeout:COMPLETING', 'timeout:COMPLETED',
        'timeoutEnd:ACTIVATING', 'timeoutEnd:ACTIVATED', 'timeoutEnd:COMPLETING', 'timeoutEnd:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(await subscriptionRows(h, key)).to.deep.equal([]);
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1' });
      expect(published.correlatedInstances).to.deep.equal([]);
    });
  });
});

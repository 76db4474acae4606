import { expect } from 'chai';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import {
  boundaryEvent,
  catchEvent,
  createHarness,
  definitionsXml,
  flow,
  instancesOf,
  messageDefinition,
  messageRoot,
  openIncidents,
  receiveTask,
  startEvent,
  startMessageRoot,
  subscriptionRows,
  timerDefinition,
  timerRows,
  userTask,
  type Harness,
} from './harness.js';

const HOUR = 3_600_000;

/** s → wait (receive task or message catch on message 'payment' keyed by orderId) → e */
const waitingProcess = (wait: 'receiveTask' | 'catch') =>
  definitionsXml(messageRoot('m', 'payment', '=orderId'), {
    id: 'p',
    content: `<bpmn:startEvent id="s" />${wait === 'receiveTask' ? receiveTask('wait', 'm') : catchEvent('wait', messageDefinition('m'))}
      <bpmn:endEvent id="e" />${flow('s', 'wait')}${flow('wait', 'e')}`,
  });

/** s → review (user task with a message boundary `cancelled` → withdrawn) → done */
const boundaryProcess = (interrupting: boolean) =>
  definitionsXml(messageRoot('m', 'withdraw', '=fileId'), {
    id: 'p',
    content: `<bpmn:startEvent id="s" />${userTask('review')}<bpmn:endEvent id="done" />
      ${boundaryEvent('cancelled', 'review', messageDefinition('m'), interrupting)}<bpmn:endEvent id="withdrawn" />
      ${flow('s', 'review')}${flow('review', 'done')}${flow('cancelled', 'withdrawn')}`,
  });

const gatewayProcess = () =>
  definitionsXml(messageRoot('m', 'payment', '=orderId'), {
    id: 'p',
    content: `<bpmn:startEvent id="s" /><bpmn:eventBasedGateway id="g" />
      ${catchEvent('paid', messageDefinition('m'))}${catchEvent('timeout', timerDefinition('duration', 'PT1H'))}
      <bpmn:endEvent id="okEnd" /><bpmn:endEvent id="timeoutEnd" />
      ${flow('s', 'g')}${flow('g', 'paid')}${flow('g', 'timeout')}${flow('paid', 'okEnd')}${flow('timeout', 'timeoutEnd')}`,
  });

async function bufferedMessages(h: Harness): Promise<number> {
  const { rows } = await h.db.query<{ n: number }>('SELECT count(*)::int AS n FROM engine_messages');
  return rows[0]!.n;
}

describe('engine/runtime: messages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('correlation', () => {
    it('should complete a receive task when a message with its correlation key is published', async () => {
      // given
      await h.deploy(waitingProcess('receiveTask'));
      const key = await h.start('p', { orderId: 'o-1' });
      expect(await subscriptionRows(h, key)).to.deep.equal([{ elementId: 'wait', messageName: 'payment', correlationKey: 'o-1' }]);
      // when
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1' });
      // then
      expect(published.correlatedInstances).to.deep.equal([key]);
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'wait:ACTIVATING', 'wait:ACTIVATED', 'wait:COMPLETING', 'wait:COMPLETED',
        'e:ACTIVATING', 'e:ACTIVATED', 'e:COMPLETING', 'e:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(await subscriptionRows(h, key)).to.deep.equal([]);
    });

    it('should correlate an intermediate message catch event only to the instance with the same correlation key', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      const first = await h.start('p', { orderId: 'o-1' });
      const second = await h.start('p', { orderId: 'o-2' });
      // when
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-2' });
      // then
      expect(published.correlatedInstances).to.deep.equal([second]);
      expect((await h.state(first)).active).to.deep.equal(['wait']);
      expect((await h.state(second)).status).to.equal('completed');
    });

    it('should keep the correlation key evaluated at activation when the variable changes afterwards', async () => {
      // given
      await h.deploy(waitingProcess('receiveTask'));
      const key = await h.start('p', { orderId: 'o-1' });
      await h.engine.setVariables(key, key, { orderId: 'o-2' });
      // when
      const toNew = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-2' });
      const toOld = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1' });
      // then
      expect(toNew.correlatedInstances).to.deep.equal([]);
      expect(toOld.correlatedInstances).to.deep.equal([key]);
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should correlate by a numeric correlation key as its string form', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      const key = await h.start('p', { orderId: 42 });
      // when
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: '42' });
      // then
      expect(published.correlatedInstances).to.deep.equal([key]);
    });

    it('should merge the message variables into the process instance', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      const key = await h.start('p', { orderId: 'o-1', amount: 1 });
      // when
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', variables: { amount: 250_000, paidBy: 'bank' } });
      // then
      expect((await h.state(key)).variables).to.deep.equal({ orderId: 'o-1', amount: 250_000, paidBy: 'bank' });
    });

    it('should correlate a message to the oldest waiting instance only when two instances of the process wait on the same key', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      const older = await h.start('p', { orderId: 'same' });
      const newer = await h.start('p', { orderId: 'same' });
      // when
      const first = await h.engine.publishMessage({ name: 'payment', correlationKey: 'same' });
      // then
      expect(first.correlatedInstances).to.deep.equal([older]);
      expect((await h.state(newer)).active).to.deep.equal(['wait']);
      const second = await h.engine.publishMessage({ name: 'payment', correlationKey: 'same' });
      expect(second.correlatedInstances).to.deep.equal([newer]);
    });

    it('should correlate one message to a waiting instance of each process', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      await h.deploy(waitingProcess('receiveTask').replace('id="p"', 'id="q"'));
      const ofP = await h.start('p', { orderId: 'o-1' });
      const ofQ = await h.start('q', { orderId: 'o-1' });
      // when
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1' });
      // then
      expect([...published.correlatedInstances].sort()).to.deep.equal([ofP, ofQ].sort());
    });

    it('should raise an EXTRACT_VALUE_ERROR incident when the correlation key evaluates to null', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      // when
      const key = await h.start('p', {});
      // then
      expect((await h.state(key)).status).to.equal('incident');
      const incidents = await openIncidents(h, key);
      expect(incidents.map((i) => [i.type, i.elementId])).to.deep.equal([['EXTRACT_VALUE_ERROR', 'wait']]);
      expect(incidents[0]!.message).to.contain("correlation key of 'wait'");
      expect(await subscriptionRows(h, key)).to.deep.equal([]);
    });

    it('should open the subscription once the correlation key is set and the incident resolved', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      const key = await h.start('p', {});
      const [incident] = await openIncidents(h, key);
      // when
      await h.engine.setVariables(key, key, { orderId: 'o-9' });
      await h.engine.resolveIncident(incident!.key);
      // then
      expect(await subscriptionRows(h, key)).to.deep.equal([{ elementId: 'wait', messageName: 'payment', correlationKey: 'o-9' }]);
      expect((await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-9' })).correlatedInstances).to.deep.equal([key]);
    });
  });

  describe('buffering', () => {
    it('should correlate a message published before the subscription opens while its time to live lasts', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR, variables: { paid: true } });
      await h.advance(HOUR - 1);
      // when
      const key = await h.start('p', { orderId: 'o-1' });
      // then
      expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { orderId: 'o-1', paid: true } });
    });

    it('should NOT correlate a buffered message once its time to live has passed', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR });
      await h.advance(HOUR);
      // when
      const expired = await h.engine.expireMessages();
      const key = await h.start('p', { orderId: 'o-1' });
      // then
      expect(expired).to.equal(1);
      expect(await bufferedMessages(h)).to.equal(0);
      expect((await h.state(key)).active).to.deep.equal(['wait']);
    });

    it('should drop a message with no time to live when nothing waits for it', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      // when
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1' });
      const key = await h.start('p', { orderId: 'o-1' });
      // then
      expect(published.correlatedInstances).to.deep.equal([]);
      expect(await bufferedMessages(h)).to.equal(0);
      expect((await h.state(key)).active).to.deep.equal(['wait']);
    });

    it('should refuse a second message with the same id while the first is buffered', async () => {
      // given
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR, messageId: 'receipt-7' });
      // when
      const error = await rejectionOf(h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR, messageId: 'receipt-7' }));
      // then
      expect(error).to.be.instanceOf(EngineError);
      expect(error.code).to.equal('DUPLICATE_MESSAGE');
      expect(await bufferedMessages(h)).to.equal(1);
    });

    it('should accept the same message id again once the first message expired', async () => {
      // given
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR, messageId: 'receipt-7' });
      await h.advance(HOUR);
      await h.engine.expireMessages();
      // when
      const again = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR, messageId: 'receipt-7' });
      // then
      expect(again.messageKey).to.be.a('string');
      expect(await bufferedMessages(h)).to.equal(1);
    });
  });

    it('should correlate a buffered message to one instance of a process only', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR });
      // when
      const first = await h.start('p', { orderId: 'o-1' });
      const second = await h.start('p', { orderId: 'o-1' });
      // then
      expect((await h.state(first)).status).to.equal('completed');
      expect((await h.state(second)).active).to.deep.equal(['wait']);
    });

    it('should NOT correlate a buffered message again to a process it was already correlated to when published', async () => {
      // given
      await h.deploy(waitingProcess('catch'));
      const waiting = await h.start('p', { orderId: 'o-1' });
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR });
      // when
      const later = await h.start('p', { orderId: 'o-1' });
      // then
      expect(published.correlatedInstances).to.deep.equal([waiting]);
      expect(await bufferedMessages(h)).to.equal(1);
      expect((await h.state(later)).active).to.deep.equal(['wait']);
    });

  describe('message boundary event', () => {
    it('should terminate the task and take the boundary path when an interrupting message arrives', async () => {
      // given
      await h.deploy(boundaryProcess(true));
      const key = await h.start('p', { fileId: 'HS-1' });
      // when
      await h.engine.publishMessage({ name: 'withdraw', correlationKey: 'HS-1', variables: { reason: 'withdrawn by applicant' } });
      // then
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'review:ACTIVATING', 'review:ACTIVATED',
        'review:TERMINATING', 'review:TERMINATED',
        'cancelled:ACTIVATING', 'cancelled:ACTIVATED', 'cancelled:COMPLETING', 'cancelled:COMPLETED',
        'withdrawn:ACTIVATING', 'withdrawn:ACTIVATED', 'withdrawn:COMPLETING', 'withdrawn:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect((await h.state(key)).variables).to.deep.equal({ fileId: 'HS-1', reason: 'withdrawn by applicant' });
    });

    it('should keep the task and the subscription open when a non-interrupting message arrives', async () => {
      // given
      await h.deploy(boundaryProcess(false));
      const key = await h.start('p', { fileId: 'HS-1' });
      // when
      await h.engine.publishMessage({ name: 'withdraw', correlationKey: 'HS-1' });
      await h.engine.publishMessage({ name: 'withdraw', correlationKey: 'HS-1' });
      // then
      expect((await h.lifecycle(key)).filter((e) => e === 'withdrawn:COMPLETED')).to.have.length(2);
      expect(await h.state(key)).to.deep.include({ status: 'active', active: ['review'] });
      expect(await subscriptionRows(h, key)).to.have.length(1);
      await h.completeTask('review', {}, key);
      expect(await subscriptionRows(h, key)).to.deep.equal([]);
    });
  });

  describe('message start event', () => {
    it('should create an instance with the message variables', async () => {
      // given
      await h.deploy(
        definitionsXml(startMessageRoot('m', 'application-received'), {
          id: 'p',
          content: `${startEvent('s', messageDefinition('m'))}${userTask('t')}${flow('s', 't')}`,
        }),
      );
      // when
      const published = await h.engine.publishMessage({ name: 'application-received', correlationKey: '', variables: { applicant: 'Nguyễn Văn A' } });
      // then
      const instances = await instancesOf(h, 'p');
      expect(published.correlatedInstances).to.deep.equal(instances.map((i) => i.key));
      expect(instances).to.have.length(1);
      expect(await h.state(instances[0]!.key)).to.deep.include({ status: 'active', variables: { applicant: 'Nguyễn Văn A' }, active: ['t'] });
      expect((await h.lifecycle(instances[0]!.key)).slice(0, 6)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED', 's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
      ]);
    });

    it('should NOT start a second instance for the same correlation key while the first is active', async () => {
      // given
      await h.deploy(
        definitionsXml(startMessageRoot('m', 'application-received'), {
          id: 'p',
          content: `${startEvent('s', messageDefinition('m'))}${userTask('t')}${flow('s', 't')}`,
        }),
      );
      const first = await h.engine.publishMessage({ name: 'application-received', correlationKey: 'HS-1' });
      // when
      const duplicate = await h.engine.publishMessage({ name: 'application-received', correlationKey: 'HS-1' });
      const other = await h.engine.publishMessage({ name: 'application-received', correlationKey: 'HS-2' });
      // then
      expect(first.correlatedInstances).to.have.length(1);
      expect(duplicate.correlatedInstances).to.deep.equal([]);
      expect(other.correlatedInstances).to.have.length(1);
      await h.completeTask('t', {}, first.correlatedInstances[0]);
      const afterEnd = await h.engine.publishMessage({ name: 'application-received', correlationKey: 'HS-1' });
      expect(afterEnd.correlatedInstances).to.have.length(1);
    });

    it('should stop starting instances by message once a version without the message start event is deployed', async () => {
      // given
      await h.deploy(
        definitionsXml(startMessageRoot('m', 'application-received'), {
          id: 'p',
          content: `${startEvent('s', messageDefinition('m'))}${userTask('t')}${flow('s', 't')}`,
        }),
      );
      await h.deploy(definitionsXml('', { id: 'p', content: `<bpmn:startEvent id="s" />${userTask('t')}${flow('s', 't')}` }));
      // when
      const published = await h.engine.publishMessage({ name: 'application-received', correlationKey: 'HS-1' });
      // then
      expect(published.correlatedInstances).to.deep.equal([]);
      expect(await instancesOf(h, 'p')).to.deep.equal([]);
    });
  });

  describe('event-based gateway', () => {
    it('should take the message path when the message arrives before the timer and cancel the timer', async () => {
      // given
      await h.deploy(gatewayProcess());
      const key = await h.start('p', { orderId: 'o-1' });
      expect(await timerRows(h, key)).to.have.length(1);
      // when
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', variables: { paid: true } });
      // then
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'g:ACTIVATING', 'g:ACTIVATED', 'g:COMPLETING', 'g:COMPLETED',
        'paid:ACTIVATING', 'paid:ACTIVATED', 'paid:COMPLETING', 'paid:COMPLETED',
        'okEnd:ACTIVATING', 'okEnd:ACTIVATED', 'okEnd:COMPLETING', 'okEnd:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect(await timerRows(h, key)).to.deep.equal([]);
      expect((await h.state(key)).variables).to.deep.equal({ orderId: 'o-1', paid: true });
      await h.advance(2 * HOUR);
      expect(await h.lifecycle(key)).to.not.include('timeout:ACTIVATING');
    });

    it('should take the message path at once when a buffered message is waiting as the gateway activates', async () => {
      // given
      await h.deploy(gatewayProcess());
      await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1', timeToLiveMs: HOUR });
      // when
      const key = await h.start('p', { orderId: 'o-1' });
      // then
      expect(await h.lifecycle(key)).to.include('okEnd:COMPLETED').and.not.include('timeout:ACTIVATING');
      expect(await timerRows(h, key)).to.deep.equal([]);
      expect((await h.state(key)).status).to.equal('completed');
    });

    it('should take the timer path when the timer fires first and NOT correlate a later message', async () => {
      // given
      await h.deploy(gatewayProcess());
      const key = await h.start('p', { orderId: 'o-1' });
      // when
      await h.advance(HOUR);
      const published = await h.engine.publishMessage({ name: 'payment', correlationKey: 'o-1' });
      // then
      expect(published.correlatedInstances).to.deep.equal([]);
      expect(await subscriptionRows(h, key)).to.deep.equal([]);
      expect(await h.lifecycle(key)).to.include('timeoutEnd:COMPLETED').and.not.include('paid:ACTIVATING');
    });
  });
});

import { expect } from 'chai';
import type { ExecutableProcess } from '../../../engine/model/index.js';
import { endEvent, flow, parseProcess, processXml, readFixture, serviceTask, startEvent } from './modelFixtures.js';

describe('model: gateways', () => {
  let process: ExecutableProcess;

  before(async () => {
    process = await parseProcess(readFixture('gateways.bpmn'));
  });

  it('should parse a parallel fork and join with their flows', () => {
    expect(process.elements.fork).to.deep.include({ kind: 'parallelGateway', incoming: ['flow_to_fork'], outgoing: ['flow_to_legal', 'flow_to_tax'] });
    expect(process.elements.join).to.deep.include({ kind: 'parallelGateway', incoming: ['flow_legal_done', 'flow_tax_done'] });
  });

  it('should parse an exclusive gateway with its default flow', () => {
    expect(process.elements.decide).to.include({ kind: 'exclusiveGateway', name: 'Đủ điều kiện?', defaultFlow: 'flow_not_eligible' });
  });

  it('should strip the leading = from a flow condition', () => {
    expect(process.flows.flow_eligible).to.deep.equal({ id: 'flow_eligible', sourceId: 'decide', targetId: 'await_reply', condition: 'legalOk and taxOk' });
  });

  it('should leave the condition out of a default flow', () => {
    expect(process.flows.flow_not_eligible).to.deep.equal({ id: 'flow_not_eligible', sourceId: 'decide', targetId: 'not_eligible' });
  });

  it('should parse an event-based gateway leading to message and timer catch events', () => {
    expect(process.elements.await_reply).to.deep.include({ kind: 'eventBasedGateway', outgoing: ['flow_to_reply', 'flow_to_timeout'] });
    expect(process.elements.reply_received.event?.type).to.equal('message');
    expect(process.elements.reply_timeout.event?.type).to.equal('timer');
  });

  it('should not compute upstream elements for parallel or exclusive gateways', () => {
    expect(process.elements.join).not.to.have.property('upstream');
  });

  describe('inclusive join', () => {
    let inclusive: ExecutableProcess;

    before(async () => {
      inclusive = await parseProcess(readFixture('inclusive-join.bpmn'));
    });

    it('should list the elements from which a token can still reach a joining inclusive gateway', () => {
      expect(inclusive.elements.gather.upstream).to.deep.equal([
        'start',
        'split',
        'ask_justice',
        'justice_late',
        'chase_justice',
        'ask_construction',
        'skip_review',
      ]);
    });

    it('should count a boundary event route as a way from its activity to the join', () => {
      expect(inclusive.elements.gather.upstream).to.include.members(['ask_justice', 'justice_late', 'chase_justice']);
    });

    it('should leave elements after the join out of its upstream', () => {
      expect(inclusive.elements.gather.upstream).not.to.include.members(['gather', 'summarise', 'end']);
    });

    it('should not compute upstream elements for an inclusive gateway with one incoming flow', () => {
      expect(inclusive.elements.split).to.include({ defaultFlow: 'flow_no_review' });
      expect(inclusive.elements.split).not.to.have.property('upstream');
    });

    it('should accept a condition written without a leading =', () => {
      expect(inclusive.flows.flow_to_construction.condition).to.equal('needsConstructionOpinion');
    });
  });
});

describe('model: inclusive join in a loop', () => {
  it('should count elements that reach the join again through a loop, but not through the join itself', async () => {
    // given
    const xml = processXml(
      [
        startEvent('start'),
        '<bpmn:inclusiveGateway id="split" />',
        serviceTask('a'),
        serviceTask('b'),
        '<bpmn:inclusiveGateway id="join" />',
        '<bpmn:exclusiveGateway id="again" default="f_done" />',
        serviceTask('rework'),
        endEvent('end'),
        flow('f0', 'start', 'split'),
        flow('f_a', 'split', 'a', '=x'),
        flow('f_b', 'split', 'b', '=y'),
        flow('f_a_join', 'a', 'join'),
        flow('f_b_join', 'b', 'join'),
        flow('f_check', 'join', 'again'),
        flow('f_rework', 'again', 'rework', '=retry'),
        flow('f_loop', 'rework', 'split'),
        flow('f_done', 'again', 'end'),
      ].join('\n'),
    );

    // when
    const process = await parseProcess(xml);

    // then
    expect(process.elements.join.upstream).to.deep.equal(['start', 'split', 'a', 'b', 'again', 'rework']);
  });
});

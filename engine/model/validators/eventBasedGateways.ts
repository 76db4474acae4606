import { describeKind } from '../describe.js';
import { elementsOf } from '../ProcessDraft.js';
import type { Validator } from './Validator.js';

/**
 * As in Zeebe: an event-based gateway waits for at least two intermediate timer or
 * message catch events, and each of them is reached from the gateway only.
 */
export const eventBasedGateways: Validator = (process, ctx) => {
  for (const gateway of elementsOf(process)) {
    if (gateway.kind !== 'eventBasedGateway') continue;
    const label = describeKind(gateway.kind, gateway.id);
    if (gateway.outgoing.length < 2) {
      ctx.report(gateway.id, 'event-gateway-too-few-flows', `Expected at least two outgoing sequence flows on ${label}, but found ${gateway.outgoing.length}`);
    }
    for (const flowId of gateway.outgoing) {
      const targetId = process.flows.get(flowId)?.targetId;
      const target = targetId === undefined ? undefined : process.elements.get(targetId);
      if (!target) continue;
      const targetLabel = describeKind(target.kind, target.id);
      const type = target.event?.type;
      if (target.kind !== 'intermediateCatchEvent' || (type !== 'timer' && type !== 'message')) {
        ctx.report(gateway.id, 'invalid-event-gateway-target', `Expected every sequence flow leaving ${label} to reach an intermediate timer or message catch event, but '${flowId}' reaches ${targetLabel}`);
      } else if (target.incoming.length !== 1) {
        ctx.report(target.id, 'event-gateway-target-shared', `Expected ${targetLabel} after ${label} to have that gateway's flow as its only incoming sequence flow, but it has ${target.incoming.length}`);
      }
    }
  }
};

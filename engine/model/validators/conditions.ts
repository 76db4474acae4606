import { describeKind } from '../describe.js';
import { elementsOf } from '../ProcessDraft.js';
import type { Validator } from './Validator.js';

const CHOOSING = new Set(['exclusiveGateway', 'inclusiveGateway']);

/**
 * Conditions are evaluated only on flows leaving exclusive and inclusive gateways. Such a
 * gateway with several outgoing flows needs a condition on each flow except its default.
 */
export const conditions: Validator = (process, ctx) => {
  for (const flow of process.flows.values()) {
    const source = flow.sourceId === undefined ? undefined : process.elements.get(flow.sourceId);
    if (flow.condition !== undefined && source && !CHOOSING.has(source.kind)) {
      ctx.report(
        flow.id,
        'unsupported-conditional-flow',
        `Expected no condition on sequence flow '${flow.id}': conditions are only evaluated on flows leaving exclusive and inclusive gateways, but it leaves ${describeKind(source.kind, source.id)}`,
      );
    }
  }

  for (const gateway of elementsOf(process)) {
    if (!CHOOSING.has(gateway.kind)) continue;
    const label = describeKind(gateway.kind, gateway.id);
    if (gateway.defaultFlow !== undefined) {
      if (!gateway.outgoing.includes(gateway.defaultFlow)) {
        ctx.report(gateway.id, 'invalid-default-flow', `Expected the default flow '${gateway.defaultFlow}' of ${label} to be one of its outgoing sequence flows`);
      } else if (process.flows.get(gateway.defaultFlow)?.condition !== undefined) {
        ctx.report(gateway.defaultFlow, 'condition-on-default-flow', `Expected no condition on sequence flow '${gateway.defaultFlow}': it is the default flow of ${label}, taken when no other condition holds`);
      }
    }
    if (gateway.outgoing.length < 2) continue;
    for (const flowId of gateway.outgoing) {
      if (flowId === gateway.defaultFlow || process.flows.get(flowId)?.condition !== undefined) continue;
      ctx.report(flowId, 'missing-condition', `Expected a condition on sequence flow '${flowId}' leaving ${label}, because the gateway has several outgoing flows and '${flowId}' is not its default flow`);
    }
  }
};

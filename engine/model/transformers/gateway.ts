import { nodeOf } from '../ModdleNode.js';
import type { ElementKind } from '../types.js';
import { baseDraft, type Transformer } from './Transformer.js';

type GatewayKind = Extract<ElementKind, 'exclusiveGateway' | 'parallelGateway' | 'inclusiveGateway' | 'eventBasedGateway'>;

/** Gateways carry no data of their own; the rules about their flows need the whole graph and run later. */
export function gateway(kind: GatewayKind): Transformer {
  return (input) => {
    const draft = baseDraft(input, kind);
    if (kind === 'exclusiveGateway' || kind === 'inclusiveGateway') {
      draft.defaultFlow = nodeOf(input.node, 'default')?.id;
    }
    return draft;
  };
}

import { elementsOf, type ProcessDraft } from '../ProcessDraft.js';
import type { ElementDraft } from '../transformers/Transformer.js';

/**
 * For each joining inclusive gateway, the elements of its scope from which a token can
 * still arrive without passing through the gateway. A token waiting in an activity can
 * leave through the activity's boundary events, so a boundary event's host counts as
 * one of its predecessors.
 */
export function fillUpstream(process: ProcessDraft): void {
  const predecessors = predecessorMap(process);
  const order = new Map(process.order.map((id, index) => [id, index]));
  for (const gateway of elementsOf(process)) {
    if (gateway.kind !== 'inclusiveGateway' || gateway.incoming.length < 2) continue;
    const seen = new Set<string>();
    const queue = [...(predecessors.get(gateway.id) ?? [])];
    while (queue.length > 0) {
      const id = queue.pop() as string;
      if (id === gateway.id || seen.has(id)) continue;
      seen.add(id);
      queue.push(...(predecessors.get(id) ?? []));
    }
    gateway.upstream = [...seen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
}

function predecessorMap(process: ProcessDraft): Map<string, string[]> {
  const predecessors = new Map<string, string[]>();
  const add = (element: ElementDraft, predecessor: string): void => {
    predecessors.set(element.id, [...(predecessors.get(element.id) ?? []), predecessor]);
  };
  for (const element of elementsOf(process)) {
    for (const flowId of element.incoming) {
      const source = process.flows.get(flowId)?.sourceId;
      if (source !== undefined) add(element, source);
    }
    if (element.kind === 'boundaryEvent' && element.attachedTo !== undefined) add(element, element.attachedTo);
  }
  return predecessors;
}

import { describeKind } from '../describe.js';
import { describeScope, type FlowDraft, type ProcessDraft } from '../ProcessDraft.js';
import type { TransformContext } from '../TransformContext.js';
import type { ElementDraft } from '../transformers/Transformer.js';

/** Fills incoming/outgoing in flow document order and checks that each flow joins two flow nodes of one scope. */
export function linkFlows(process: ProcessDraft, ctx: TransformContext): void {
  for (const flow of process.flows.values()) {
    const source = endpoint(process, flow, 'sourceRef', flow.sourceId, ctx);
    const target = endpoint(process, flow, 'targetRef', flow.targetId, ctx);
    if (!source || !target) continue;
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
    if (source.scopeId !== flow.scopeId || target.scopeId !== flow.scopeId) {
      ctx.report(
        flow.id,
        'flow-crosses-scope',
        `Expected sequence flow '${flow.id}' to connect elements of ${describeScope(process, flow.scopeId)}, where it is defined, ` +
          `but it connects ${describeKind(source.kind, source.id)} in ${describeScope(process, source.scopeId)} ` +
          `to ${describeKind(target.kind, target.id)} in ${describeScope(process, target.scopeId)}`,
      );
    }
  }
}

function endpoint(process: ProcessDraft, flow: FlowDraft, property: string, id: string | undefined, ctx: TransformContext): ElementDraft | undefined {
  if (id === undefined) {
    if (!ctx.isUnresolved(flow.id, property)) {
      ctx.report(flow.id, 'invalid-flow-reference', `Expected a ${property} on sequence flow '${flow.id}'`);
    }
    return undefined;
  }
  const element = process.elements.get(id);
  if (!element && !process.flowNodeIds.has(id)) {
    ctx.report(flow.id, 'invalid-flow-reference', `Expected the ${property} of sequence flow '${flow.id}' to be a flow node of ${process.label}, but '${id}' is not one`);
  }
  return element;
}

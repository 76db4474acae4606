import { nodeOf } from '../ModdleNode.js';
import { readIoMappings, type MappingSupport } from '../readers/readIoMappings.js';
import { readMultiInstance } from '../readers/readMultiInstance.js';
import type { ElementKind } from '../types.js';
import type { ElementDraft, TransformerInput } from './Transformer.js';

const BOTH: MappingSupport = { inputs: true, outputs: true };
const OUTPUTS: MappingSupport = { inputs: false, outputs: true };
const NONE: MappingSupport = { inputs: false, outputs: false };

/** Where Zeebe applies variable mappings (the allowedIn of the Zeebe descriptor). */
const MAPPINGS: { readonly [K in ElementKind]: MappingSupport } = {
  startEvent: OUTPUTS,
  endEvent: BOTH,
  intermediateCatchEvent: OUTPUTS,
  intermediateThrowEvent: BOTH,
  boundaryEvent: OUTPUTS,
  task: NONE,
  manualTask: NONE,
  userTask: BOTH,
  serviceTask: BOTH,
  sendTask: BOTH,
  scriptTask: BOTH,
  businessRuleTask: BOTH,
  receiveTask: OUTPUTS,
  exclusiveGateway: NONE,
  parallelGateway: NONE,
  inclusiveGateway: NONE,
  eventBasedGateway: NONE,
  subProcess: BOTH,
  eventSubProcess: BOTH,
  callActivity: BOTH,
};

/**
 * What every element kind shares, applied after its own transformer, as Zeebe chains
 * its flow-node and activity transformers: variable mappings and multi-instance loops.
 */
export function applyCommonAspects(draft: ElementDraft, input: TransformerInput): void {
  const { node, owner, ctx } = input;
  const mappings = readIoMappings(owner, node, ctx, MAPPINGS[draft.kind]);
  draft.inputs = mappings.inputs;
  draft.outputs = mappings.outputs;
  if (draft.kind === 'eventSubProcess') {
    if (nodeOf(node, 'loopCharacteristics')) {
      ctx.report(owner.id, 'unsupported-attribute', `Expected no loop on ${owner.label}: an event sub-process runs once each time its start event is triggered`);
    }
    return;
  }
  draft.multiInstance = readMultiInstance(owner, node, ctx);
}

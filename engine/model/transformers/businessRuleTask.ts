import { extensionValues } from '../ModdleNode.js';
import { readJobDefinition, requireJobDefinition } from '../readers/readJobDefinition.js';
import { baseDraft, type Transformer } from './Transformer.js';

/**
 * Only the job-worker form runs here. A zeebe:calledDecision is left unread, so the
 * extension check rejects it with the DMN reason instead of a missing task definition.
 */
export const businessRuleTask: Transformer = (input) => {
  const { node, owner, ctx } = input;
  const draft = baseDraft(input, 'businessRuleTask');
  const callsDecision = extensionValues(node).some((extension) => extension.$type === 'zeebe:CalledDecision');
  draft.job = callsDecision ? readJobDefinition(owner, node, ctx) : requireJobDefinition(owner, node, ctx);
  return draft;
};

import { findEventDefinition, readThrownMessage, reportMisplacedDefinition } from '../readers/eventDefinitions.js';
import { requireJobDefinition } from '../readers/readJobDefinition.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const intermediateThrowEvent: Transformer = (input) => {
  const { node, owner, ctx } = input;
  const draft = baseDraft(input, 'intermediateThrowEvent');
  const found = findEventDefinition(owner, node, ctx);
  if (found?.type === 'none') {
    draft.event = { type: 'none' };
  } else if (found?.type === 'message') {
    draft.job = requireJobDefinition(owner, node, ctx);
    draft.event = { type: 'message', message: readThrownMessage(owner, found.node, ctx) };
  } else if (found) {
    reportMisplacedDefinition(owner, found, 'no event definition or a message event definition', ctx);
  }
  return draft;
};

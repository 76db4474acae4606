import { findEventDefinition, readError, readThrownMessage, reportMisplacedDefinition } from '../readers/eventDefinitions.js';
import { requireJobDefinition } from '../readers/readJobDefinition.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const endEvent: Transformer = (input) => {
  const { node, owner, ctx } = input;
  const draft = baseDraft(input, 'endEvent');
  const found = findEventDefinition(owner, node, ctx);
  if (!found) return draft;
  switch (found.type) {
    case 'none':
      draft.event = { type: 'none' };
      break;
    case 'terminate':
      draft.event = { type: 'terminate' };
      break;
    case 'error': {
      const error = readError(owner, found.node, ctx, 'throw');
      draft.event = error && { type: 'error', error };
      break;
    }
    case 'message':
      draft.job = requireJobDefinition(owner, node, ctx);
      draft.event = { type: 'message', message: readThrownMessage(owner, found.node, ctx) };
      break;
    default:
      reportMisplacedDefinition(owner, found, 'no event definition or an error, terminate or message event definition', ctx);
  }
  return draft;
};

import { findEventDefinition, reportMisplacedDefinition } from '../readers/eventDefinitions.js';
import { readCatchDefinition } from './readCatchDefinition.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const intermediateCatchEvent: Transformer = (input) => {
  const { node, owner, ctx } = input;
  const draft = baseDraft(input, 'intermediateCatchEvent');
  const found = findEventDefinition(owner, node, ctx);
  if (!found) return draft;
  if (found.type !== 'timer' && found.type !== 'message') {
    reportMisplacedDefinition(owner, found, 'a timer or message event definition', ctx);
    return draft;
  }
  draft.event = readCatchDefinition(owner, found, ctx);
  return draft;
};

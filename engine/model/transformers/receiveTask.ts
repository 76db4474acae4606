import { readMessage } from '../readers/eventDefinitions.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const receiveTask: Transformer = (input) => {
  const draft = baseDraft(input, 'receiveTask');
  draft.message = readMessage(input.owner, input.node, input.ctx, { correlationKey: 'required' });
  return draft;
};

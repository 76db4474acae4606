import { readMessage } from '../readers/eventDefinitions.js';
import { baseDraft, type Transformer } from './Transformer.js';

/** A receive task waits like an intermediate message catch event, so its message is kept in `event` too. */
export const receiveTask: Transformer = (input) => {
  const draft = baseDraft(input, 'receiveTask');
  const message = readMessage(input.owner, input.node, input.ctx, { correlationKey: 'required' });
  draft.event = message && { type: 'message', message };
  return draft;
};

import { readCallActivity } from '../readers/readCallActivity.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const callActivity: Transformer = (input) => {
  const draft = baseDraft(input, 'callActivity');
  draft.callActivity = readCallActivity(input.owner, input.node, input.ctx);
  return draft;
};

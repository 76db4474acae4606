import { readUserTask } from '../readers/readUserTask.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const userTask: Transformer = (input) => {
  const draft = baseDraft(input, 'userTask');
  draft.userTask = readUserTask(input.owner, input.node, input.ctx);
  return draft;
};

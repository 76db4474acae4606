import { booleanOf, nodeOf } from '../ModdleNode.js';
import { findEventDefinition, reportMisplacedDefinition } from '../readers/eventDefinitions.js';
import { readCatchDefinition } from './readCatchDefinition.js';
import { baseDraft, type Transformer } from './Transformer.js';

export const boundaryEvent: Transformer = (input) => {
  const { node, owner, ctx } = input;
  const draft = baseDraft(input, 'boundaryEvent');
  draft.cancelActivity = booleanOf(node, 'cancelActivity') ?? true;
  draft.attachedTo = nodeOf(node, 'attachedToRef')?.id;
  if (draft.attachedTo === undefined && !ctx.isUnresolved(owner.id, 'attachedToRef')) {
    ctx.report(owner.id, 'invalid-attachment', `Expected ${owner.label} to be attached to an activity with attachedToRef`);
  }

  const found = findEventDefinition(owner, node, ctx);
  if (!found) return draft;
  if (found.type !== 'timer' && found.type !== 'message' && found.type !== 'error') {
    reportMisplacedDefinition(owner, found, 'a timer, message or error event definition', ctx);
    return draft;
  }
  if (found.type === 'error' && !draft.cancelActivity) {
    ctx.report(owner.id, 'non-interrupting-error-boundary', `Expected ${owner.label} to be interrupting (cancelActivity="true"): an error always ends the activity that throws it`);
  }
  draft.event = readCatchDefinition(owner, found, ctx);
  return draft;
};

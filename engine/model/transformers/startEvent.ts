import { booleanOf } from '../ModdleNode.js';
import { describeDefinition, findEventDefinition, type DefinitionType } from '../readers/eventDefinitions.js';
import { readCatchDefinition } from './readCatchDefinition.js';
import { baseDraft, type ScopeKind, type Transformer } from './Transformer.js';

const EXPECTED: { readonly [K in ScopeKind]: { readonly types: readonly (DefinitionType | 'none')[]; readonly words: string } } = {
  process: { types: ['none', 'timer', 'message'], words: 'a none, timer or message start event' },
  subProcess: { types: ['none'], words: 'a none start event' },
  eventSubProcess: { types: ['timer', 'message', 'error'], words: 'a timer, message or error start event' },
};

export const startEvent: Transformer = (input) => {
  const { node, owner, scope, ctx } = input;
  const draft = baseDraft(input, 'startEvent');
  const interrupting = booleanOf(node, 'isInterrupting') ?? true;
  if (scope.kind === 'eventSubProcess') {
    draft.interrupting = interrupting;
  } else if (!interrupting) {
    ctx.report(owner.id, 'unsupported-attribute', `Expected no isInterrupting="false" on ${owner.label}: only start events of event sub-processes can be non-interrupting`);
  }

  const found = findEventDefinition(owner, node, ctx);
  if (!found) return draft;
  if (found.type === 'error' && scope.kind !== 'eventSubProcess') {
    ctx.report(owner.id, 'error-start-outside-event-sub-process', `Expected error start events only in event sub-processes, but ${owner.label} is in ${scope.label}`);
    return draft;
  }
  const expected = EXPECTED[scope.kind];
  if (!expected.types.includes(found.type)) {
    ctx.report(owner.id, 'invalid-start-event', `Expected ${expected.words} in ${scope.label}, but ${owner.label} has ${describeDefinition(found)}`);
    return draft;
  }
  if (found.type === 'error' && !interrupting) {
    ctx.report(owner.id, 'non-interrupting-error-start', `Expected ${owner.label} to be interrupting: an error always ends the scope it is thrown in`);
  }
  draft.event = readCatchDefinition(owner, found, ctx, { correlationKey: scope.kind === 'process' ? 'unused' : 'required' });
  return draft;
};

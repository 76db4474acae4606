import type { FoundDefinition, MessageOptions } from '../readers/eventDefinitions.js';
import { readError, readMessage, readTimer } from '../readers/eventDefinitions.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { EventDefinition } from '../types.js';

/** The executable definition of a catching event whose definition type was already accepted. */
export function readCatchDefinition(
  owner: Owner,
  found: FoundDefinition,
  ctx: TransformContext,
  message: MessageOptions = { correlationKey: 'required' },
): EventDefinition | undefined {
  switch (found.type) {
    case 'none':
      return { type: 'none' };
    case 'terminate':
      return { type: 'terminate' };
    case 'timer': {
      const timer = readTimer(owner, found.node, ctx);
      return timer && { type: 'timer', timer };
    }
    case 'message': {
      const definition = readMessage(owner, found.node, ctx, message);
      return definition && { type: 'message', message: definition };
    }
    case 'error': {
      const error = readError(owner, found.node, ctx, 'catch');
      return error && { type: 'error', error };
    }
  }
}

import { requireJobDefinition } from '../readers/readJobDefinition.js';
import type { ElementKind } from '../types.js';
import { baseDraft, type Transformer } from './Transformer.js';

/** Service and send tasks are jobs for workers. */
export function jobTask(kind: Extract<ElementKind, 'serviceTask' | 'sendTask'>): Transformer {
  return (input) => {
    const draft = baseDraft(input, kind);
    draft.job = requireJobDefinition(input.owner, input.node, input.ctx);
    return draft;
  };
}

import { describeKind } from '../describe.js';
import type { ElementKind } from '../types.js';
import { baseDraft, type Transformer } from './Transformer.js';

/** Embedded and event sub-processes are scopes: their children are transformed in their own scope. */
export function subProcess(kind: Extract<ElementKind, 'subProcess' | 'eventSubProcess'>): Transformer {
  return (input) => {
    const draft = baseDraft(input, kind);
    const scope = { id: draft.id, kind, label: describeKind(kind, draft.id) };
    draft.children = input.transformScope(input.node, scope);
    return draft;
  };
}

import type { ElementKind } from '../types.js';
import { baseDraft, type Transformer } from './Transformer.js';

/** Undefined and manual tasks pass the token straight through. */
export function passThroughTask(kind: Extract<ElementKind, 'task' | 'manualTask'>): Transformer {
  return (input) => baseDraft(input, kind);
}

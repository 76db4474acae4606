import { describeKind } from './describe.js';
import type { ElementDraft } from './transformers/Transformer.js';

/** A sequence flow as read, before its ends are checked. */
export interface FlowDraft {
  readonly id: string;
  /** The scope whose flowElements hold the flow. */
  readonly scopeId: string;
  readonly sourceId?: string;
  readonly targetId?: string;
  readonly condition?: string;
}

/** A process while it is being built: every element and flow, nested ones included. */
export interface ProcessDraft {
  readonly id: string;
  /** "process 'procedure_1'". */
  readonly label: string;
  readonly elements: Map<string, ElementDraft>;
  /** Element ids in document order, each scope before its children. */
  readonly order: string[];
  readonly flows: Map<string, FlowDraft>;
  /** Every flow node met, rejected ones included, so a flow to a rejected element is not reported again. */
  readonly flowNodeIds: Set<string>;
  children: string[];
}

export function createProcessDraft(id: string, label: string): ProcessDraft {
  return { id, label, elements: new Map(), order: [], flows: new Map(), flowNodeIds: new Set(), children: [] };
}

/** "sub-process 'x'" or "process 'p'": how messages name a scope. */
export function describeScope(process: ProcessDraft, scopeId: string): string {
  const scope = process.elements.get(scopeId);
  return scope ? describeKind(scope.kind, scope.id) : process.label;
}

/** Elements in document order. */
export function elementsOf(process: ProcessDraft): ElementDraft[] {
  return process.order.flatMap((id) => process.elements.get(id) ?? []);
}

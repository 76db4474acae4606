import { stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { ElementKind, ExecutableElement, Mapping } from '../types.js';

export type ScopeKind = 'process' | 'subProcess' | 'eventSubProcess';

/** The flow scope an element is transformed in. */
export interface ScopeRef {
  readonly id: string;
  readonly kind: ScopeKind;
  /** "sub-process 'appraise'". */
  readonly label: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An element while the process is being built; frozen into an `ExecutableElement` at the end. */
export interface ElementDraft extends Mutable<ExecutableElement> {
  incoming: string[];
  outgoing: string[];
  boundaryEvents: string[];
  inputs: Mapping[];
  outputs: Mapping[];
  children?: string[];
  eventSubProcesses?: string[];
  upstream?: string[];
}

export interface TransformerInput {
  readonly node: ModdleNode;
  readonly owner: Owner;
  readonly scope: ScopeRef;
  readonly ctx: TransformContext;
  /** Transforms the flow elements of a nested scope and returns the ids of its direct children. */
  readonly transformScope: (container: ModdleNode, scope: ScopeRef) => string[];
}

/** Reads one BPMN element kind into a draft; problems go to the context, never thrown. */
export type Transformer = (input: TransformerInput) => ElementDraft;

export function baseDraft(input: TransformerInput, kind: ElementKind): ElementDraft {
  return {
    id: input.owner.id,
    name: stringOf(input.node, 'name'),
    kind,
    scopeId: input.scope.id,
    incoming: [],
    outgoing: [],
    inputs: [],
    outputs: [],
    boundaryEvents: [],
  };
}

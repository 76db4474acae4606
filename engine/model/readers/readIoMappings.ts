import { nodesOf, stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { Mapping } from '../types.js';

/** Which mapping directions an element kind applies. */
export interface MappingSupport {
  readonly inputs: boolean;
  readonly outputs: boolean;
}

export interface IoMappings {
  readonly inputs: Mapping[];
  readonly outputs: Mapping[];
}

// Zeebe creates the local variable with null when an input mapping has no source.
const NULL_SOURCE = { kind: 'feel', source: 'null' } as const;

/** Reads `zeebe:ioMapping`; mappings in a direction the element does not apply are rejected. */
export function readIoMappings(owner: Owner, node: ModdleNode, ctx: TransformContext, support: MappingSupport): IoMappings {
  const ioMapping = ctx.extension(owner, node, 'zeebe:IoMapping');
  if (!ioMapping) return { inputs: [], outputs: [] };
  return {
    inputs: readDirection(owner, nodesOf(ioMapping, 'inputParameters'), ctx, 'input', support.inputs),
    outputs: readDirection(owner, nodesOf(ioMapping, 'outputParameters'), ctx, 'output', support.outputs),
  };
}

function readDirection(owner: Owner, parameters: ModdleNode[], ctx: TransformContext, direction: 'input' | 'output', supported: boolean): Mapping[] {
  if (parameters.length === 0) return [];
  if (!supported) {
    ctx.report(owner.id, 'unsupported-io-mapping', `Expected no zeebe:${direction} mappings on ${owner.label}: ${direction} mappings are not applied to this kind of element`);
    return [];
  }
  const mappings: Mapping[] = [];
  for (const parameter of parameters) {
    const target = ctx.staticValue(owner, stringOf(parameter, 'target'), `target of a zeebe:${direction} mapping`);
    const source = ctx.expression(owner, stringOf(parameter, 'source'), `source of the zeebe:${direction} mapping to '${target ?? '?'}'`);
    if (target === undefined) {
      ctx.report(owner.id, 'missing-mapping-target', `Expected a target variable on every zeebe:${direction} mapping of ${owner.label}`);
      continue;
    }
    if (source === undefined && direction === 'output') {
      ctx.report(owner.id, 'missing-mapping-source', `Expected a source expression on the zeebe:output mapping to '${target}' of ${owner.label}`);
      continue;
    }
    mappings.push({ source: source ?? NULL_SOURCE, target });
  }
  return mappings;
}

import { booleanOf, stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { CallActivityDefinition } from '../types.js';

/** Reads `zeebe:calledElement`; both propagation flags default to true, as in Zeebe. */
export function readCallActivity(owner: Owner, node: ModdleNode, ctx: TransformContext): CallActivityDefinition | undefined {
  const calledElement = ctx.extension(owner, node, 'zeebe:CalledElement');
  const processId = calledElement ? ctx.expression(owner, stringOf(calledElement, 'processId'), 'called process id') : undefined;
  if (!calledElement || !processId) {
    ctx.report(owner.id, 'missing-called-element', `Expected a zeebe:calledElement with a processId on ${owner.label}`);
    return undefined;
  }
  return {
    processId,
    propagateAllChildVariables: booleanOf(calledElement, 'propagateAllChildVariables') ?? true,
    propagateAllParentVariables: booleanOf(calledElement, 'propagateAllParentVariables') ?? true,
  };
}

import { stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { ScriptDefinition } from '../types.js';

/** Reads `zeebe:script` (a FEEL expression evaluated by the engine); undefined when absent or incomplete. */
export function readScript(owner: Owner, node: ModdleNode, ctx: TransformContext): ScriptDefinition | undefined {
  const script = ctx.extension(owner, node, 'zeebe:Script');
  if (!script) return undefined;
  const expression = ctx.feel(owner, stringOf(script, 'expression'), 'script expression');
  const resultVariable = ctx.staticValue(owner, stringOf(script, 'resultVariable'), 'script result variable');
  if (expression === undefined || resultVariable === undefined) {
    ctx.report(owner.id, 'incomplete-script', `Expected both an expression and a resultVariable on the zeebe:script of ${owner.label}`);
    return undefined;
  }
  return { expression, resultVariable };
}

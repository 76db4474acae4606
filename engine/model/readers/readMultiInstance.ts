import { checkForeignAttributes } from '../checks/checkForeignAttributes.js';
import { checkUnreadExtensions } from '../checks/checkUnreadExtensions.js';
import { checkUnsupportedProperties } from '../checks/checkUnsupportedProperties.js';
import { booleanOf, nodeOf, stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { MultiInstanceDefinition } from '../types.js';

/**
 * Reads `bpmn:multiInstanceLoopCharacteristics` with its `zeebe:loopCharacteristics`.
 * Returns undefined when the activity has no loop or the loop cannot run.
 */
export function readMultiInstance(owner: Owner, node: ModdleNode, ctx: TransformContext): MultiInstanceDefinition | undefined {
  const loop = nodeOf(node, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    ctx.report(owner.id, 'unsupported-standard-loop', `Expected a multi-instance loop on ${owner.label}, but found a standard loop, which is not supported`);
    return undefined;
  }
  checkUnsupportedProperties(owner, loop, ctx.report);
  checkForeignAttributes(owner, loop, ctx.report);
  const characteristics = ctx.extension(owner, loop, 'zeebe:LoopCharacteristics');
  checkUnreadExtensions(owner, loop, ctx.report, ctx.wasRead);

  const read = (property: string): string | undefined => (characteristics ? stringOf(characteristics, property) : undefined);
  const inputCollection = ctx.expression(owner, read('inputCollection'), 'multi-instance input collection');
  const inputElement = ctx.staticValue(owner, read('inputElement'), 'multi-instance input element');
  const outputCollection = ctx.staticValue(owner, read('outputCollection'), 'multi-instance output collection');
  const outputElement = ctx.expression(owner, read('outputElement'), 'multi-instance output element');
  const completion = nodeOf(loop, 'completionCondition');
  const completionCondition = completion ? ctx.feel(owner, stringOf(completion, 'body'), 'completion condition') : undefined;

  if ((outputCollection === undefined) !== (outputElement === undefined)) {
    ctx.report(owner.id, 'incomplete-output-collection', `Expected both an outputCollection and an outputElement, or neither, on the multi-instance loop of ${owner.label}`);
  }
  if (!inputCollection) {
    ctx.report(owner.id, 'missing-input-collection', `Expected a zeebe:loopCharacteristics with an inputCollection on the multi-instance loop of ${owner.label}`);
    return undefined;
  }
  return {
    sequential: booleanOf(loop, 'isSequential') ?? false,
    inputCollection,
    inputElement,
    outputCollection,
    outputElement,
    completionCondition,
  };
}

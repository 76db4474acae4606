import { checkForeignAttributes } from './checks/checkForeignAttributes.js';
import { checkUnreadExtensions } from './checks/checkUnreadExtensions.js';
import { checkUnsupportedProperties } from './checks/checkUnsupportedProperties.js';
import { describeNode, xmlName } from './describe.js';
import { nodeOf, nodesOf, stringOf, type ModdleNode } from './ModdleNode.js';
import type { Owner } from './Owner.js';
import type { ProcessDraft } from './ProcessDraft.js';
import type { TransformContext } from './TransformContext.js';
import { applyCommonAspects } from './transformers/commonAspects.js';
import type { ScopeRef, TransformerInput } from './transformers/Transformer.js';
import { kindOf, TRANSFORMERS } from './transformers/transformers.js';

/** Flow elements that only document data; they have no tokens. */
const DOCUMENTARY = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/** Why an element that BPMN allows in a process is not executed. */
const UNSUPPORTED_ELEMENTS: Readonly<Record<string, string>> = {
  'bpmn:ComplexGateway': 'complex gateways are not supported; use exclusive, inclusive or parallel gateways',
  'bpmn:Transaction': 'transactions are not supported',
  'bpmn:AdHocSubProcess': 'ad-hoc sub-processes are not supported',
  'bpmn:ImplicitThrowEvent': 'implicit throw events are not supported',
};

/** Transforms the flow elements of one scope into `process`; returns the ids of its direct children. */
export function transformScope(container: ModdleNode, scope: ScopeRef, ctx: TransformContext, process: ProcessDraft): string[] {
  const children: string[] = [];
  for (const node of nodesOf(container, 'flowElements')) {
    if (!node.id) {
      ctx.report(scope.id, 'invalid-bpmn-content', `Expected an id on every element of ${scope.label}, but a ${xmlName(node.$type)} has none`);
      continue;
    }
    if (node.$type === 'bpmn:SequenceFlow') {
      readSequenceFlow(node, scope, ctx, process);
      continue;
    }
    if (DOCUMENTARY.has(node.$type)) continue;

    const owner: Owner = { id: node.id, label: describeNode(node) };
    process.flowNodeIds.add(owner.id);
    const kind = kindOf(node);
    if (!kind) {
      const reason = UNSUPPORTED_ELEMENTS[node.$type] ?? 'this element is not executed';
      ctx.report(owner.id, 'unsupported-element', `Expected no ${owner.label} in ${scope.label}: ${reason}`);
      continue;
    }
    checkUnsupportedProperties(owner, node, ctx.report);
    checkForeignAttributes(owner, node, ctx.report);
    process.order.push(owner.id);
    const input: TransformerInput = {
      node,
      owner,
      scope,
      ctx,
      transformScope: (nested, nestedScope) => transformScope(nested, nestedScope, ctx, process),
    };
    const element = TRANSFORMERS[kind](input);
    applyCommonAspects(element, input);
    checkUnreadExtensions(owner, node, ctx.report, ctx.wasRead);
    process.elements.set(owner.id, element);
    children.push(owner.id);
  }
  return children;
}

function readSequenceFlow(node: ModdleNode, scope: ScopeRef, ctx: TransformContext, process: ProcessDraft): void {
  const id = node.id as string;
  const owner: Owner = { id, label: describeNode(node) };
  checkUnsupportedProperties(owner, node, ctx.report);
  checkForeignAttributes(owner, node, ctx.report);
  checkUnreadExtensions(owner, node, ctx.report, ctx.wasRead);
  const conditionExpression = nodeOf(node, 'conditionExpression');
  const body = conditionExpression ? stringOf(conditionExpression, 'body') : undefined;
  if (conditionExpression && !body?.trim()) {
    ctx.report(id, 'empty-expression', `Expected a FEEL condition in the conditionExpression of ${owner.label}, but it is empty`);
  }
  process.flows.set(id, {
    id,
    scopeId: scope.id,
    sourceId: nodeOf(node, 'sourceRef')?.id,
    targetId: nodeOf(node, 'targetRef')?.id,
    condition: ctx.feel(owner, body, 'condition'),
  });
}

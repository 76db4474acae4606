import type { ModdleNode } from '../ModdleNode.js';
import { isForeignAttribute } from '../isForeignAttribute.js';
import type { Owner } from '../Owner.js';
import type { Report } from '../problems.js';

/**
 * Attributes from namespaces we do not know (Camunda 7's `camunda:asyncBefore`, vendor
 * extensions) would be dropped without a trace; they are rejected instead.
 * Unknown attributes in known namespaces already arrive as moddle warnings.
 */
export function checkForeignAttributes(owner: Owner, node: ModdleNode, report: Report): void {
  for (const name of Object.keys(node.$attrs ?? {})) {
    if (!isForeignAttribute(name, node)) continue;
    report(owner.id, 'unsupported-attribute', `Expected only BPMN and Zeebe attributes on ${owner.label}, but found '${name}', which is not executed`);
  }
}

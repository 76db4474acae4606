import type { ModdleNode } from './ModdleNode.js';

/**
 * Prefixes moddle normalises for the packages it knows; unknown attributes in these
 * namespaces arrive as parser warnings instead.
 */
const KNOWN_PREFIXES = new Set(['xmlns', 'xml', 'xsi', 'bpmn', 'bpmndi', 'dc', 'di', 'zeebe', 'bioc', 'color']);

/** Namespaces that only carry modeler metadata. */
const DOCUMENTARY_NAMESPACES = new Set(['http://camunda.org/schema/modeler/1.0']);

/**
 * Whether an attribute comes from a namespace the engine does not read (Camunda 7's
 * `camunda:`, vendor extensions). Prefixes are resolved against the `xmlns` declarations
 * of the node and its ancestors.
 */
export function isForeignAttribute(name: string, node: ModdleNode): boolean {
  const colon = name.indexOf(':');
  if (name === 'xmlns' || colon < 0) return false;
  const prefix = name.slice(0, colon);
  if (KNOWN_PREFIXES.has(prefix)) return false;
  for (let current: ModdleNode | undefined = node; current; current = current.$parent) {
    const uri = current.$attrs?.[`xmlns:${prefix}`];
    if (uri !== undefined) return !DOCUMENTARY_NAMESPACES.has(uri);
  }
  return true;
}

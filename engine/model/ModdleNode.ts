/**
 * The slice of a bpmn-moddle element that the transformers read.
 *
 * Moddle objects are typed loosely on purpose: the model is only walked once,
 * at deploy, and every value is checked before it reaches an executable record.
 */
export interface ModdleNode {
  readonly $type: string;
  readonly id?: string;
  /** Attributes moddle does not know (foreign namespaces); `xmlns` declarations included. */
  readonly $attrs?: Readonly<Record<string, string>>;
  readonly $parent?: ModdleNode;
  readonly [property: string]: unknown;
}

export function isModdleNode(value: unknown): value is ModdleNode {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** A string property (defaults included), or undefined. */
export function stringOf(node: ModdleNode, property: string): string | undefined {
  const value = node[property];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean property (defaults from the meta-model included), or undefined. */
export function booleanOf(node: ModdleNode, property: string): boolean | undefined {
  const value = node[property];
  return typeof value === 'boolean' ? value : undefined;
}

export function nodeOf(node: ModdleNode, property: string): ModdleNode | undefined {
  const value = node[property];
  return isModdleNode(value) ? value : undefined;
}

export function nodesOf(node: ModdleNode, property: string): ModdleNode[] {
  const value = node[property];
  return Array.isArray(value) ? value.filter(isModdleNode) : [];
}

/** Whether the XML set the property itself (moddle serves meta-model defaults from the prototype). */
export function isExplicit(node: ModdleNode, property: string): boolean {
  return Object.prototype.hasOwnProperty.call(node, property);
}

/** Properties the XML set on the node, without moddle's `$` bookkeeping. */
export function explicitProperties(node: ModdleNode): string[] {
  return Object.keys(node).filter((key) => !key.startsWith('$'));
}

/** The children of `<bpmn:extensionElements>`. */
export function extensionValues(node: ModdleNode): ModdleNode[] {
  const container = nodeOf(node, 'extensionElements');
  return container ? nodesOf(container, 'values') : [];
}

/** The id of the node or of its closest ancestor that has one. */
export function nearestId(node: ModdleNode | undefined): string | undefined {
  for (let current = node; current; current = current.$parent) {
    if (typeof current.id === 'string' && current.id !== '') return current.id;
  }
  return undefined;
}

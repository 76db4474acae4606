/**
 * Which schemas describe the value at a JSON pointer of the data. ajv reports where the
 * data failed, not which property schema named the field, and a title usually sits next
 * to a `$ref` in another file: walking the raw schemas finds it.
 */

export type SchemaNode = Readonly<Record<string, unknown>>;

/** A schema document by its URI (no fragment), or undefined when there is none. */
export type SchemaDocuments = (uri: string) => SchemaNode | undefined;

export interface Field {
  /** The field as the user knows it: its title, followed by the list entries it sits in. */
  readonly label: string;
  /** Every schema that applies at the path: the property's own schema first, then what it references or combines. */
  readonly nodes: readonly SchemaNode[];
}

interface Located {
  readonly node: SchemaNode;
  /** URI of the document the node is in, against which its `$ref` resolves. */
  readonly base: string;
}

interface ListEntry {
  readonly title: string;
  readonly index: number;
}

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;
const BRANCHES = ['then', 'else'] as const;

export function resolveField(documents: SchemaDocuments, rootUri: string, path: string): Field {
  const root = documents(rootUri);
  let here = root ? expand([{ node: root, base: rootUri }], documents) : [];
  const lists: ListEntry[] = [];
  let name: string | undefined;

  for (const segment of parsePointer(path)) {
    const index = /^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : undefined;
    const isListEntry = index !== undefined && here.some(({ node }) => isSchema(node.items) || Array.isArray(node.prefixItems));
    if (isListEntry) lists.push({ title: titleOf(here) ?? name ?? '', index });
    // An entry of a list is named by the list; any other segment is the property's own name.
    name = isListEntry ? undefined : segment;
    here = expand(children(here, segment, index), documents);
  }

  return { label: labelOf(titleOf(here) ?? name, lists), nodes: here.map(({ node }) => node) };
}

function labelOf(own: string | undefined, lists: readonly ListEntry[]): string {
  const entries = lists.map(({ title, index }) => `${title}, mục ${index + 1}`).join('; ');
  if (own === undefined) return entries === '' ? 'Dữ liệu biểu mẫu' : entries;
  return entries === '' ? own : `${own} (${entries})`;
}

function children(here: readonly Located[], segment: string, index: number | undefined): Located[] {
  const found: Located[] = [];
  for (const { node, base } of here) {
    const properties = node.properties;
    if (isSchema(properties) && Object.hasOwn(properties, segment) && isSchema(properties[segment])) {
      found.push({ node: properties[segment], base });
    }
    if (index === undefined) continue;
    const prefixItems = node.prefixItems;
    const positional = Array.isArray(prefixItems) ? prefixItems[index] : undefined;
    if (isSchema(positional)) found.push({ node: positional, base });
    else if (isSchema(node.items)) found.push({ node: node.items, base });
  }
  return found;
}

/** The nodes themselves, then (breadth first) what they reference and the subschemas that apply alongside them. */
function expand(start: readonly Located[], documents: SchemaDocuments): Located[] {
  const seen = new Set<SchemaNode>();
  const queue = [...start];
  const result: Located[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next.node)) continue;
    seen.add(next.node);
    result.push(next);
    const { node, base } = next;
    if (typeof node.$ref === 'string') {
      const target = dereference(node.$ref, base, documents);
      if (target) queue.push(target);
    }
    for (const keyword of COMBINATORS) {
      const list = node[keyword];
      if (Array.isArray(list)) queue.push(...list.filter(isSchema).map((sub) => ({ node: sub, base })));
    }
    for (const keyword of BRANCHES) {
      const branch = node[keyword];
      if (isSchema(branch)) queue.push({ node: branch, base });
    }
  }
  return result;
}

function dereference(ref: string, base: string, documents: SchemaDocuments): Located | undefined {
  const url = new URL(ref, base);
  const fragment = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const document = documents(url.href);
  if (!document) return undefined;
  let node: unknown = document;
  for (const segment of parsePointer(fragment)) {
    node = isSchema(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return isSchema(node) ? { node, base: url.href } : undefined;
}

function titleOf(here: readonly Located[]): string | undefined {
  for (const { node } of here) if (typeof node.title === 'string') return node.title;
  return undefined;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function isSchema(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { FormRegistry } from '../../../forms/index.js';

type Node = Record<string, unknown>;

/** Where form files sit for resolving their relative `$ref`s; never fetched. */
const BASE = 'https://forms.invalid/';
const SUFFIX = '.schema.json';

/** Keywords the browser's form renderer does not need, or (a 2020-12 `$schema`) cannot read. */
const DROPPED = new Set(['$schema', '$comment', '$defs', '$ref']);
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);

/**
 * A form's schema with every `$ref` replaced by what it points at, so a browser form
 * renders it without the other files. Keywords written next to a `$ref` win over the
 * target's (a property's own `title` over the definition's); `properties` and `x-ui` are merged.
 */
export function inlineSchema(forms: FormRegistry, formId: string): Node {
  return inline(forms.schema(formId) as Node, `${BASE}${formId}${SUFFIX}`, forms, 0);
}

function inline(node: Node, base: string, forms: FormRegistry, depth: number): Node {
  if (depth > 64) throw new Error(`Expected the form at ${base} to nest less than 64 levels deep`);
  const result: Node = typeof node.$ref === 'string' ? inlineTarget(node.$ref, base, forms, depth) : {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && isNode(value)) {
      const inherited = isNode(result[key]) ? (result[key] as Node) : {};
      result[key] = { ...inherited, ...mapValues(value, (child) => (isNode(child) ? inline(child, base, forms, depth + 1) : child)) };
    } else if (SCHEMA_VALUED.has(key) && isNode(value)) result[key] = inline(value, base, forms, depth + 1);
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) result[key] = value.map((child: unknown) => (isNode(child) ? inline(child, base, forms, depth + 1) : child));
    else if (key === 'x-ui' && isNode(value) && isNode(result[key])) result[key] = { ...(result[key] as Node), ...value };
    else result[key] = value;
  }
  return result;
}

function inlineTarget(ref: string, base: string, forms: FormRegistry, depth: number): Node {
  const url = new URL(ref, base);
  const pointer = decodeURIComponent(url.hash.slice(1));
  url.hash = '';
  const id = url.href.startsWith(BASE) && url.href.endsWith(SUFFIX) ? url.href.slice(BASE.length, -SUFFIX.length) : undefined;
  if (!id || !forms.has(id)) throw new Error(`Expected «${ref}» in ${base} to name a form file, but there is none`);
  let node: unknown = forms.schema(id);
  for (const segment of pointer.split('/').slice(1)) node = isNode(node) ? node[segment.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  if (!isNode(node)) throw new Error(`Expected «${ref}» in ${base} to point at a schema`);
  return inline(node, url.href, forms, depth + 1);
}

function mapValues(node: Node, change: (value: unknown) => unknown): Node {
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, change(value)]));
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

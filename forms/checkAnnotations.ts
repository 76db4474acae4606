/**
 * What the meta-schemas of `x-ui` and `x-enumNames` cannot see because it depends on the
 * neighbouring keywords: the names must match the enum one for one, and the field order
 * may only list fields the object has. A mismatch would show the wrong label in the UI.
 */

/** Keywords whose values are data, not schemas: nothing inside them is checked. */
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['enum', 'const', 'default', 'examples', 'x-ui', 'x-message', 'x-enumNames']);

/** Every problem found in one form, each stating what was expected; empty when there is none. */
export function checkAnnotations(id: string, schema: unknown): string[] {
  const problems: string[] = [];
  visit(schema, '', (node, pointer) => problems.push(...problemsOf(node, `${id}#${pointer}`)));
  return problems;
}

function problemsOf(node: Readonly<Record<string, unknown>>, where: string): string[] {
  const problems: string[] = [];
  const names = node['x-enumNames'];
  if (Array.isArray(names)) {
    const values = node.enum;
    if (!Array.isArray(values)) problems.push(`Expected x-enumNames at ${where} to sit next to an enum, but there is none`);
    else if (values.length !== names.length) {
      problems.push(`Expected x-enumNames at ${where} to name each of the ${values.length} enum values, but got ${names.length} names`);
    }
  }
  const ui = node['x-ui'];
  const order = typeof ui === 'object' && ui !== null ? (ui as Record<string, unknown>).order : undefined;
  if (Array.isArray(order)) {
    const properties = typeof node.properties === 'object' && node.properties !== null ? Object.keys(node.properties) : [];
    const unknown = order.filter((name) => !properties.includes(String(name)));
    if (unknown.length > 0) {
      problems.push(`Expected x-ui.order at ${where} to list properties among ${properties.join(', ')}, but got ${unknown.join(', ')}`);
    }
  }
  return problems;
}

function visit(value: unknown, pointer: string, check: (node: Readonly<Record<string, unknown>>, pointer: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(item, `${pointer}/${index}`, check));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  check(node, pointer);
  for (const [key, child] of Object.entries(node)) {
    if (!DATA_KEYWORDS.has(key)) visit(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`, check);
  }
}

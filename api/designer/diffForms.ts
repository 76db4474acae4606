import { changesBetween, type Change } from './diffModel.js';

type Node = Readonly<Record<string, unknown>>;
type Facts = Readonly<Record<string, unknown>>;

export interface FieldRef {
  readonly path: string;
  readonly title: string | null;
}

export interface FormDiff {
  readonly added: FieldRef[];
  readonly removed: FieldRef[];
  readonly changed: (FieldRef & { readonly changes: Change[] })[];
}

/**
 * Two submission forms compared field by field. A field's path is its JSON pointer in
 * the data, e.g. `/mother/name`; a `*` segment stands for every entry of a list.
 */
export function diffForms(before: Node | undefined, after: Node | undefined): FormDiff {
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  const refOf = (path: string, facts: Facts): FieldRef => ({ path, title: (facts.title as string | null) ?? null });
  return {
    added: [...now].filter(([path]) => !old.has(path)).map(([path, facts]) => refOf(path, facts)),
    removed: [...old].filter(([path]) => !now.has(path)).map(([path, facts]) => refOf(path, facts)),
    changed: [...now]
      .filter(([path]) => old.has(path))
      .map(([path, facts]) => ({ ...refOf(path, facts), changes: changesBetween(old.get(path)!, facts) }))
      .filter((field) => field.changes.length > 0),
  };
}

function fieldsOf(schema: Node | undefined): Map<string, Facts> {
  const fields = new Map<string, Facts>();
  if (schema) collect(schema, '', fields);
  return fields;
}

function collect(node: Node, pointer: string, fields: Map<string, Facts>): void {
  const properties = asNode(node.properties);
  const required = Array.isArray(node.required) ? (node.required as unknown[]) : [];
  for (const [name, value] of Object.entries(properties ?? {})) {
    const field = asNode(value);
    if (!field) continue;
    const path = `${pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    fields.set(path, factsOf(field, required.includes(name)));
    if (field.properties) collect(field, path, fields);
    const items = asNode(field.items);
    if (items?.properties) collect(items, `${path}/*`, fields);
  }
}

function factsOf(field: Node, required: boolean): Facts {
  const ui = asNode(field['x-ui']);
  return {
    title: field.title ?? null,
    type: field.type ?? null,
    required,
    widget: ui?.widget ?? null,
    enum: field.enum ?? null,
    pattern: field.pattern ?? null,
    visibleWhen: ui?.visibleWhen ?? null,
  };
}

function asNode(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : undefined;
}

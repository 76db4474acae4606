/** A JSON Schema as plain data. */
export type Schema = { readonly [key: string]: unknown };

/** Keywords whose values are combined rather than overridden when a property sits next to a `$ref`. */
const MERGED_OBJECTS = new Set(['x-ui', 'x-message']);

/**
 * One form with every `$ref` replaced by what it points at, followed across the
 * files it references, for a form renderer that reads one self-contained schema.
 * Keywords written next to a `$ref` win over the referenced definition's (the
 * property's own title, a tighter `maxLength`); `required` lists are joined and
 * the `x-ui` / `x-message` hints merged, as the forms' README describes.
 */
export function inlineRefs(forms: Readonly<Record<string, Schema>>, id: string): Schema {
  const root = forms[id];
  if (!root) throw new Error(`Expected form '${id}' among ${Object.keys(forms).join(', ')}`);
  // Definitions are reached through the references; the form itself is what is drawn.
  const body = Object.fromEntries(Object.entries(root).filter(([key]) => key !== '$defs'));
  return inline(forms, id, body, 0) as Schema;
}

function inline(forms: Readonly<Record<string, Schema>>, formId: string, value: unknown, depth: number): unknown {
  if (depth > 50) throw new Error(`Expected the references of form '${formId}' to end, but they go deeper than 50 levels`);
  if (Array.isArray(value)) return value.map((item) => inline(forms, formId, item, depth));
  if (typeof value !== 'object' || value === null) return value;
  const node = value as Schema;
  const own = Object.fromEntries(Object.entries(node).filter(([key]) => key !== '$ref').map(([key, child]) => [key, inline(forms, formId, child, depth)]));
  if (typeof node.$ref !== 'string') return own;
  const target = resolve(forms, formId, node.$ref);
  const resolved = inline(forms, target.formId, target.schema, depth + 1) as Schema;
  return mergeNextToRef(resolved, own);
}

function mergeNextToRef(resolved: Schema, own: Record<string, unknown>): Schema {
  const merged: Record<string, unknown> = { ...resolved, ...own };
  for (const key of MERGED_OBJECTS) {
    if (isObject(resolved[key]) && isObject(own[key])) merged[key] = { ...resolved[key], ...own[key] };
  }
  if (Array.isArray(resolved.required) && Array.isArray(own.required)) merged.required = [...new Set([...resolved.required, ...own.required])];
  return merged;
}

/** The schema a `$ref` written in form `formId` points at: `../common/defs.schema.json#/$defs/date` or `#/$defs/text`. */
export function resolve(forms: Readonly<Record<string, Schema>>, formId: string, ref: string): { formId: string; schema: Schema } {
  const [file = '', pointer = ''] = ref.split('#');
  const targetId = file === '' ? formId : formIdOf(formId, file);
  const document = forms[targetId];
  if (!document) throw new Error(`Expected form '${targetId}' (referenced as '${ref}' in '${formId}') to be given`);
  let schema: unknown = document;
  for (const part of pointer.split('/').filter(Boolean)) {
    schema = (schema as Record<string, unknown> | undefined)?.[decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  if (!isObject(schema)) throw new Error(`Expected '${ref}' in form '${formId}' to point at a schema`);
  return { formId: targetId, schema };
}

function formIdOf(from: string, file: string): string {
  const path = new URL(file, `https://forms.invalid/${from}.schema.json`).pathname.slice(1);
  return decodeURIComponent(path.replace(/\.schema\.json$/, ''));
}

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What the live preview needs from a form schema, without React: the schema rjsf draws
 * (shared definitions copied in, `x-enumNames` as titled options) and the uiSchema derived
 * from the `x-ui` hints, the same hints the portal reads. Pure functions over plain records.
 */
import { ADDRESS_PARTS, isObject, type Schema } from './model.js';

const DEFS_FILE = '../common/defs.schema.json';

/** The form with its `$ref`s to the shared definitions pointing into its own `$defs`, which get a copy of them. */
export function drawableSchemaOf(schema: Schema, defs: Schema): Schema {
  const local = localised(schema) as Schema;
  const shared = localised(isObject(defs.$defs) ? defs.$defs : {}) as Schema;
  return { ...local, $defs: { ...shared, ...(isObject(local.$defs) ? local.$defs : {}) } };
}

function localised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localised);
  if (!isObject(value)) return value;
  const node: Schema = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith(`${DEFS_FILE}#`)) node.$ref = child.slice(DEFS_FILE.length);
    else if (key === 'x-ui' || key === 'x-message' || key === 'x-enumNames' || key === 'enum' || key === 'const' || key === 'default') node[key] = child;
    else node[key] = localised(child);
  }
  // rjsf names the options of an enum from `oneOf` titles; validation stays with the original schema.
  if (Array.isArray(node.enum) && Array.isArray(node['x-enumNames']) && node.enum.length === node['x-enumNames'].length) {
    const names = node['x-enumNames'] as unknown[];
    node.oneOf = node.enum.map((value, index) => ({ const: value, title: String(names[index]) }));
    delete node.enum;
  }
  return node;
}

/** The hints of one property, its own over those of the definition it references. */
export function hintsOf(property: Schema, root: Schema): Schema {
  const own = isObject(property['x-ui']) ? property['x-ui'] : {};
  const target = referenced(property, root);
  return target ? { ...hintsOf(target, root), ...own } : own;
}

function referenced(node: Schema, root: Schema): Schema | undefined {
  if (typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return undefined;
  let here: unknown = root;
  for (const segment of node.$ref.slice(2).split('/')) here = isObject(here) ? here[segment] : undefined;
  return isObject(here) ? here : undefined;
}

/** The node's own keywords over those of what it references: enough to tell an object or an array. */
function resolved(node: Schema, root: Schema): Schema {
  const target = referenced(node, root);
  return target ? { ...resolved(target, root), ...node } : node;
}

/** Widgets of our own the preview registers with rjsf by these names. */
export const CUSTOM_WIDGETS = { attachment: 'AttachmentWidget', province: 'ProvinceWidget' } as const;

const RJSF_WIDGETS: Readonly<Record<string, string>> = {
  textarea: 'textarea',
  select: 'select',
  radio: 'radio',
  checkbox: 'checkbox',
  hidden: 'hidden',
  email: 'email',
  tel: 'text',
  attachment: CUSTOM_WIDGETS.attachment,
};

/** Marks a field the current data hides; the stylesheet leaves it out. */
export const HIDDEN_CLASS = 'fb-hidden';

export interface UiTexts {
  /** The empty first entry of a list, so that nothing is chosen for the applicant. */
  readonly choose: string;
}

/** The uiSchema of an object from the `x-ui` hints; a field whose `visibleWhen` the data does not meet is hidden. */
export function uiSchemaOf(object: Schema, data: unknown, texts: UiTexts, root: Schema = object): Schema {
  const node = resolved(object, root);
  const properties = isObject(node.properties) ? node.properties : {};
  const values = isObject(data) ? data : {};
  const order = isObject(node['x-ui']) && Array.isArray(node['x-ui'].order) ? (node['x-ui'].order as string[]) : [];
  const ui: Schema = { 'ui:order': [...order.filter((key) => key in properties), '*'] };
  for (const [key, child] of Object.entries(properties)) {
    if (isObject(child)) ui[key] = propertyUi(child, values[key], values, texts, root);
  }
  return ui;
}

function propertyUi(property: Schema, value: unknown, siblings: Schema, texts: UiTexts, root: Schema): Schema {
  const node = resolved(property, root);
  const hints = hintsOf(property, root);
  const ui: Schema = node.type === 'object' ? uiSchemaOf(node, value, texts, root) : {};
  if (node.type === 'array' && isObject(node.items)) {
    const entries = Array.isArray(value) ? value : [];
    ui.items = uiSchemaOf(node.items, entries[0], texts, root);
  }
  if (isAddress(node)) (ui.province as Schema)['ui:widget'] = CUSTOM_WIDGETS.province;
  const widget = typeof hints.widget === 'string' ? RJSF_WIDGETS[hints.widget] : undefined;
  if (widget) ui['ui:widget'] = widget;
  if (typeof hints.placeholder === 'string') ui['ui:placeholder'] = hints.placeholder;
  else if (Array.isArray(node.oneOf) && hints.widget !== 'radio') ui['ui:placeholder'] = texts.choose;
  if (typeof hints.help === 'string') ui['ui:help'] = hints.help;
  if (!isVisible(hints.visibleWhen, siblings)) ui['ui:classNames'] = HIDDEN_CLASS;
  return ui;
}

function isAddress(node: Schema): boolean {
  return node.type === 'object' && isObject(node.properties) && ADDRESS_PARTS.every((part) => part in (node.properties as Schema));
}

/** `visibleWhen` met: every field it names has one of the listed values. */
export function isVisible(condition: unknown, siblings: Schema): boolean {
  if (!isObject(condition)) return true;
  return Object.entries(condition).every(([key, allowed]) => Array.isArray(allowed) && allowed.some((v) => Object.is(v, siblings[key])));
}

/** The data as a portal would send it: no empty strings, no empty objects, no holes. */
export function submittedData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => submittedData(item) ?? {});
  if (!isObject(value)) return value === '' || value === null ? undefined : value;
  const entries = Object.entries(value)
    .map(([key, child]) => [key, submittedData(child)] as const)
    .filter(([, child]) => child !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** A JSON Schema object as the server sends it (references already inlined). */
export type Schema = Record<string, unknown>;

/** rjsf's uiSchema, built from our `x-ui` hints. */
export type UiSchema = Record<string, unknown>;

interface XUi {
  readonly widget?: string;
  readonly placeholder?: string;
  readonly help?: string;
  readonly order?: readonly string[];
  readonly visibleWhen?: Readonly<Record<string, readonly unknown[]>>;
}

const WIDGETS: Readonly<Record<string, string>> = { textarea: 'textarea', radio: 'radio', select: 'select', checkbox: 'checkbox', hidden: 'hidden', date: 'dmyDate', email: 'email', tel: 'text', money: 'updown', number: 'updown' };

function xUi(schema: Schema): XUi {
  const hints = schema['x-ui'];
  return typeof hints === 'object' && hints !== null ? (hints as XUi) : {};
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The form as it shows for the data typed so far: a property whose `x-ui.visibleWhen`
 * names sibling values it does not have is left out, so it is neither shown nor sent.
 */
export function visibleSchema(schema: Schema, data: Record<string, unknown>): Schema {
  if (!isSchema(schema.properties)) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).filter(([, property]) => {
      const when = isSchema(property) ? xUi(property).visibleWhen : undefined;
      return !when || Object.entries(when).every(([field, values]) => values.includes(data[field]));
    }),
  );
  return { ...schema, properties };
}

/** Only the values of the fields the form shows: hidden fields' earlier answers are not sent. */
export function visibleData(schema: Schema, data: Record<string, unknown>): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => key in properties && value !== undefined && value !== ''));
}

/** rjsf's uiSchema from `x-ui` (widget, placeholder, help, order) and `x-enumNames`, for an object and its properties. */
export function uiSchemaOf(schema: Schema): UiSchema {
  const hints = xUi(schema);
  const ui: UiSchema = {};
  const widget = hints.widget ? WIDGETS[hints.widget] : schema.format === 'date' ? 'dmyDate' : undefined;
  if (widget) ui['ui:widget'] = widget;
  if (hints.placeholder) ui['ui:placeholder'] = hints.placeholder;
  if (hints.help) ui['ui:help'] = hints.help;
  if (Array.isArray(schema['x-enumNames'])) ui['ui:enumNames'] = schema['x-enumNames'];
  if (isSchema(schema.properties)) {
    if (hints.order) ui['ui:order'] = [...hints.order, '*'];
    for (const [name, property] of Object.entries(schema.properties)) if (isSchema(property)) ui[name] = uiSchemaOf(property);
  }
  if (isSchema(schema.items)) ui.items = uiSchemaOf(schema.items);
  return ui;
}

/** Server field errors (`/formData/reason`) as rjsf's error tree (`{reason: {__errors: [...]}}`); the rest are returned apart. */
export function errorTree(fields: readonly { path: string; message: string }[], prefix = '/formData'): { tree: Record<string, unknown>; others: string[] } {
  const tree: Record<string, unknown> = {};
  const others: string[] = [];
  for (const { path, message } of fields) {
    if (!path.startsWith(`${prefix}/`)) {
      others.push(message);
      continue;
    }
    let node = tree;
    for (const segment of path.slice(prefix.length + 1).split('/')) node = (node[segment] ??= {}) as Record<string, unknown>;
    node.__errors = [...((node.__errors as string[] | undefined) ?? []), message];
  }
  return { tree, others };
}

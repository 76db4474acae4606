import type { Schema } from './inlineRefs.js';

/** The form renderer's hints (react-jsonschema-form's `ui:` keys), one object per property. */
export type UiSchema = { [key: string]: unknown };

interface UiHints {
  readonly widget?: string;
  readonly placeholder?: string;
  readonly help?: string;
  readonly order?: readonly string[];
  readonly visibleWhen?: Readonly<Record<string, readonly unknown[]>>;
}

/** The forms' `x-ui.widget` names and the renderer's widgets that draw them. */
const WIDGETS: Readonly<Record<string, UiSchema>> = {
  text: { 'ui:widget': 'text' },
  textarea: { 'ui:widget': 'textarea' },
  date: { 'ui:widget': 'dayMonthYear' },
  select: { 'ui:widget': 'select' },
  radio: { 'ui:widget': 'radio' },
  checkbox: { 'ui:widget': 'checkbox' },
  number: { 'ui:widget': 'updown' },
  money: { 'ui:widget': 'updown' },
  tel: { 'ui:widget': 'text', 'ui:inputType': 'tel', 'ui:autocomplete': 'tel' },
  email: { 'ui:widget': 'email', 'ui:autocomplete': 'email' },
  hidden: { 'ui:widget': 'hidden' },
};

/**
 * The renderer's hints from a form's own annotations: `x-ui` (widget, placeholder,
 * help, order, visibleWhen) and `x-enumNames` for the options' labels. `visibleWhen`
 * depends on what is typed, so the hints are drawn again from the current data.
 */
export function uiSchemaFor(schema: Schema, data: unknown, parentData?: unknown): UiSchema {
  const hints = (schema['x-ui'] ?? {}) as UiHints;
  const ui: UiSchema = { ...(hints.widget ? WIDGETS[hints.widget] : {}) };
  if (hints.placeholder) ui['ui:placeholder'] = hints.placeholder;
  if (hints.help) ui['ui:help'] = hints.help;
  if (Array.isArray(schema['x-enumNames'])) ui['ui:enumNames'] = schema['x-enumNames'];
  if (hints.visibleWhen && !isVisible(hints.visibleWhen, parentData)) ui['ui:widget'] = 'hidden';
  const properties = schema.properties as Readonly<Record<string, Schema>> | undefined;
  if (properties) {
    if (hints.order) ui['ui:order'] = [...hints.order, '*'];
    const values = isRecord(data) ? data : {};
    for (const [name, property] of Object.entries(properties)) ui[name] = uiSchemaFor(property, values[name], values);
  }
  if (isRecord(schema.items)) ui.items = uiSchemaFor(schema.items, undefined, data);
  return ui;
}

/** Shown only while each named sibling holds one of the listed values. */
export function isVisible(visibleWhen: Readonly<Record<string, readonly unknown[]>>, parentData: unknown): boolean {
  const siblings = isRecord(parentData) ? parentData : {};
  return Object.entries(visibleWhen).every(([name, values]) => values.includes(siblings[name]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

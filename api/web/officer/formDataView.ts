import { formatMoney } from '../../documents/formatters.js';

type Node = Record<string, unknown>;

/** One line of a form as an officer reads it: the field's title and its value, or a group of lines. */
export interface FieldLine {
  readonly label: string;
  readonly value?: string;
  readonly lines?: readonly FieldLine[];
}

export interface ValueWords {
  readonly yes: string;
  readonly no: string;
  /** The label of a list's entry: `{label}, mục {n}`. */
  entry(label: string, n: number): string;
}

/**
 * The applicant's data laid out by the form that collected it (an inlined schema):
 * fields in the form's order under their Vietnamese titles, enum values by their
 * names, dates dd/MM/yyyy, money in đồng. Data the form does not describe is shown
 * under its own key rather than hidden.
 */
export function formDataView(schema: Node, data: unknown, words: ValueWords): FieldLine[] {
  return isNode(data) ? objectLines(schema, data, words) : [];
}

function objectLines(schema: Node, data: Node, words: ValueWords): FieldLine[] {
  const properties = isNode(schema.properties) ? schema.properties : {};
  const order = Array.isArray((schema['x-ui'] as Node | undefined)?.order) ? ((schema['x-ui'] as Node).order as string[]) : [];
  const keys = [...new Set([...order, ...Object.keys(properties), ...Object.keys(data)])].filter((key) => data[key] !== undefined && data[key] !== null && data[key] !== '');
  return keys.map((key) => line(isNode(properties[key]) ? (properties[key] as Node) : {}, key, data[key], words));
}

function line(schema: Node, key: string, value: unknown, words: ValueWords): FieldLine {
  const label = typeof schema.title === 'string' ? schema.title : key;
  if (isNode(value)) return { label, lines: objectLines(schema, value, words) };
  if (Array.isArray(value)) {
    const items = isNode(schema.items) ? schema.items : {};
    if (value.some(isNode)) return { label, lines: value.map((entry, i) => ({ label: words.entry(label, i + 1), lines: isNode(entry) ? objectLines(items, entry, words) : [] })) };
    return { label, value: value.map((entry) => text(items, entry, words)).join('; ') };
  }
  return { label, value: text(schema, value, words) };
}

function text(schema: Node, value: unknown, words: ValueWords): string {
  if (Array.isArray(schema.enum) && Array.isArray(schema['x-enumNames'])) {
    const index = schema.enum.indexOf(value);
    if (index >= 0 && typeof schema['x-enumNames'][index] === 'string') return schema['x-enumNames'][index];
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number' && (schema['x-ui'] as Node | undefined)?.widget === 'money') return formatMoney(value);
  if (typeof value === 'string' && schema.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return String(value);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

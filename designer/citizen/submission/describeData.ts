import type { Schema } from './inlineRefs.js';

/** One line of the review: a section heading (a group of fields) or a field with its value as read. */
export interface ReviewLine {
  readonly label: string;
  /** Undefined for a section heading. */
  readonly value?: string;
  readonly depth: number;
}

/** How values read: booleans and dates in the page's words. */
export interface ReadingWords {
  readonly yes: string;
  readonly no: string;
  readonly date: (isoDate: string) => string;
}

/**
 * What the applicant typed, as the review step shows it: fields in the form's order
 * under their titles, option codes under their names (`x-enumNames`), dates as
 * dd/MM/yyyy, groups as headings; fields left blank are left out.
 */
export function describeData(schema: Schema, data: unknown, words: ReadingWords, depth = 0): ReviewLine[] {
  const properties = (schema.properties ?? {}) as Readonly<Record<string, Schema>>;
  const values = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const order = ((schema['x-ui'] as { order?: string[] } | undefined)?.order ?? []).filter((name) => name in properties);
  const names = [...order, ...Object.keys(properties).filter((name) => !order.includes(name))];
  return names.flatMap((name) => linesOf(properties[name]!, name, values[name], words, depth));
}

function linesOf(schema: Schema, name: string, value: unknown, words: ReadingWords, depth: number): ReviewLine[] {
  if (value === undefined || value === null || value === '') return [];
  const label = typeof schema.title === 'string' ? schema.title : name;
  if (schema.properties && typeof value === 'object' && !Array.isArray(value)) {
    const inner = describeData(schema, value, words, depth + 1);
    return inner.length ? [{ label, depth }, ...inner] : [];
  }
  if (Array.isArray(value)) {
    const items = (schema.items ?? {}) as Schema;
    return [{ label, depth }, ...value.flatMap((item, index) => linesOf(items, `${index + 1}`, item, words, depth + 1).map((line, i) => (i === 0 && line.value !== undefined ? { ...line, label: `${index + 1}. ${line.label}` } : line)))];
  }
  return [{ label, value: readValue(schema, value, words), depth }];
}

export function readValue(schema: Schema, value: unknown, words: ReadingWords): string {
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const options = schema.enum as readonly unknown[] | undefined;
  const names = schema['x-enumNames'] as readonly string[] | undefined;
  if (options && names && options.indexOf(value) >= 0) return names[options.indexOf(value)] ?? String(value);
  if (schema.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return words.date(value);
  return String(value);
}

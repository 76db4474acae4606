import type { ErrorObject } from 'ajv';
import type { FieldError } from '../api/errors.js';
import type { Field, SchemaNode } from './resolveField.js';
import { displayValue, fillTemplate, type MessageContext, usefulness, vietnameseMessage } from './vietnameseMessage.js';

/** `if` only says that its `then` failed; the failures inside `then` are the ones worth reading. */
const SUMMARY_KEYWORDS: ReadonlySet<string> = new Set(['if']);

/**
 * ajv's failures as one Vietnamese message per field: a person fixes one thing at a time,
 * and a field showing "required" and "wrong format" at once only confuses.
 */
export function toFieldErrors(errors: readonly ErrorObject[], fieldAt: (path: string) => Field): FieldError[] {
  const bestByPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    const path = pathOf(error);
    const best = bestByPath.get(path);
    if (!best || usefulness(error.keyword) < usefulness(best.keyword)) bestByPath.set(path, error);
  }
  return [...bestByPath].map(([path, error]) => ({ path, message: messageOf(error, fieldAt(path)) }));
}

function messageOf(error: ErrorObject, field: Field): string {
  const context: MessageContext = {
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
    label: field.label,
    nameOf: (value) => nameOf(value, field.nodes),
  };
  const template = customTemplate(error.keyword, field.nodes);
  return template === undefined ? vietnameseMessage(context) : fillTemplate(template, context);
}

/**
 * The first `x-message` for this failure among the field's schemas, the property's own
 * before the definition it references. A plain string covers every failure of the value
 * but not its absence, which the parent object reports and the generic message says well.
 */
function customTemplate(keyword: string, nodes: readonly SchemaNode[]): string | undefined {
  for (const node of nodes) {
    const custom = node['x-message'];
    if (typeof custom === 'string' && keyword !== 'required') return custom;
    if (typeof custom === 'object' && custom !== null) {
      const template = (custom as Record<string, unknown>)[keyword];
      if (typeof template === 'string') return template;
    }
  }
  return undefined;
}

function nameOf(value: unknown, nodes: readonly SchemaNode[]): string {
  for (const node of nodes) {
    const values = node.enum;
    const names = node['x-enumNames'];
    if (!Array.isArray(values) || !Array.isArray(names)) continue;
    const index = values.findIndex((candidate) => Object.is(candidate, value));
    if (index !== -1 && typeof names[index] === 'string') return names[index];
  }
  return displayValue(value);
}

/** Where the problem is in the data: a missing or unexpected property is pointed at itself, not at its parent. */
function pathOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const property = params.missingProperty ?? params.additionalProperty ?? params.unevaluatedProperty;
  return typeof property === 'string' ? `${error.instancePath}/${escapePointer(property)}` : error.instancePath;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

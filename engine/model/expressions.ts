import type { Expression } from './types.js';

/** A Zeebe attribute value: `=` makes it FEEL (the `=` is dropped), anything else is a static string. */
export function toExpression(raw: string): Expression {
  const value = raw.trim();
  return value.startsWith('=') ? { kind: 'feel', source: value.slice(1).trim() } : { kind: 'static', value };
}

/** A body that is always FEEL (conditions, completion conditions, scripts); the leading `=` is optional. */
export function toFeelSource(raw: string): string {
  const value = raw.trim();
  return value.startsWith('=') ? value.slice(1).trim() : value;
}

/**
 * JSON text with the keys of every object sorted (by UTF-16 code units) and no
 * whitespace: one text per value whatever order its keys were built in, so a hash
 * over it can be recomputed from what the database gives back.
 *
 * Follows JSON.stringify otherwise: `toJSON` is honoured, undefined and function
 * properties are left out, undefined in arrays and non-finite numbers become null.
 */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError(`Expected a value that JSON can represent, but got ${typeof value}.`);
  return text;
}

function write(input: unknown): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      throw new TypeError(`Expected a number, but got the bigint ${value}n; pass it as a string.`);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  // Object.keys puts integer-like keys first in numeric order; sorting restores one order for all.
  for (const key of Object.keys(record).sort()) {
    const member = write(record[key]);
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON: () => unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

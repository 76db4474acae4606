/**
 * The data without what was left blank: empty strings, unset values and objects
 * with nothing in them. A father's block the applicant never touched is then left
 * out instead of failing as a father without a name.
 */
export function pruneEmpty<T>(value: T): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.map((item) => pruneEmpty(item)).filter((item) => item !== undefined) as T;
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, child]) => [key, pruneEmpty(child)] as const).filter(([, child]) => child !== undefined);
  return entries.length === 0 ? undefined : (Object.fromEntries(entries) as T);
}

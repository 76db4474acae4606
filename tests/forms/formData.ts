import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The procedures whose submission forms ship, each with `fixtures/<code>.valid.json`. */
export const SUBMISSION_CODES = [
  'khai-sinh',
  'lien-thong-khai-sinh-thuong-tru-bhyt',
  'dang-ky-ho-kinh-doanh',
  'giay-phep-xay-dung-nha-o',
  'ly-lich-tu-phap',
  'doi-giay-phep-lai-xe',
  'chung-thuc-ban-sao',
] as const;

export type JsonObject = Record<string, unknown>;

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fresh copy of `fixtures/<name>.valid.json` (`applicant` or a procedure code), safe to change. */
export function validExample(name: string): JsonObject {
  return JSON.parse(readFileSync(join(fixtures, `${name}.valid.json`), 'utf8')) as JsonObject;
}

/** A copy of `data` with the value at the JSON pointer replaced, or removed when `value` is undefined. */
export function changed(data: JsonObject, pointer: string, value: unknown): JsonObject {
  const copy = structuredClone(data);
  const segments = pointer.split('/').slice(1);
  const last = segments.pop();
  if (last === undefined) throw new Error(`Expected a pointer below the root, but got '${pointer}'`);
  let parent: unknown = copy;
  for (const segment of segments) parent = (parent as Record<string, unknown>)[segment];
  if (typeof parent !== 'object' || parent === null) throw new Error(`Expected an object or array at the parent of '${pointer}'`);
  const container = parent as Record<string, unknown>;
  if (value === undefined) delete container[last];
  else container[last] = value;
  return copy;
}

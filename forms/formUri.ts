/**
 * Where a form lives for ajv. Files leave out `$id`: a form's id is its path under
 * forms/, and each one is registered under this base so that a `$ref` written as a
 * relative file path (`../common/defs.schema.json#/$defs/date`) resolves the way an
 * editor resolves it on disk. `.invalid` guarantees the address is never fetched.
 */
export const FORM_BASE_URI = 'https://forms.motcua.invalid/';

const SUFFIX = '.schema.json';

export function formUri(id: string): string {
  return `${FORM_BASE_URI}${id}${SUFFIX}`;
}

/** The form id of a schema file's path relative to forms/ (`khai-sinh/submission.schema.json` → `khai-sinh/submission`). */
export function formIdOfPath(relativePath: string): string | undefined {
  const posixPath = relativePath.split('\\').join('/');
  return posixPath.endsWith(SUFFIX) ? posixPath.slice(0, -SUFFIX.length) : undefined;
}

import type { ValidateFunction } from 'ajv';
import type { FieldError } from '../api/errors.js';
import { checkAnnotations } from './checkAnnotations.js';
import { createFormAjv } from './createFormAjv.js';
import { formUri } from './formUri.js';
import { resolveField } from './resolveField.js';
import { toFieldErrors } from './toFieldErrors.js';

/** A form's JSON Schema as written in its file. */
export type FormSchema = Readonly<Record<string, unknown>>;

/** The forms of the service by id (`khai-sinh/submission`, `steps/receive`, `common/applicant`…). */
export interface FormRegistry {
  has(id: string): boolean;
  /** The schema as written, for the UI to draw the form; `$ref`s point at other ids' files. */
  schema(id: string): FormSchema;
  /** Every id, sorted. */
  ids(): readonly string[];
  /** Vietnamese problems with `data`, at most one per field; empty when the data is valid. */
  validate(id: string, data: unknown): readonly FieldError[];
}

/**
 * Compiles every form at once, so a broken schema or a `$ref` to a missing file stops the
 * service at start rather than a citizen at submission. Throws when a form does not compile.
 */
export function createFormRegistry(schemas: Readonly<Record<string, FormSchema>>): FormRegistry {
  const ids = Object.freeze(Object.keys(schemas).sort());
  const problems = ids.flatMap((id) => checkAnnotations(id, schemas[id]));
  if (problems.length > 0) throw new Error(`Expected consistent form annotations, but:\n${problems.join('\n')}`);

  const frozen = new Map(ids.map((id) => [id, deepFreeze(structuredClone(schemas[id]))]));
  const documents = new Map([...frozen].map(([id, schema]) => [formUri(id), schema]));
  const ajv = createFormAjv();
  for (const [id, schema] of frozen) {
    if ('$id' in schema) throw new Error(`Expected form '${id}' to leave out $id (its id is its path), but it declares ${JSON.stringify(schema.$id)}`);
    ajv.addSchema({ ...schema, $id: formUri(id) });
  }
  const validators = new Map<string, ValidateFunction>();
  for (const id of ids) {
    try {
      const validator = ajv.getSchema(formUri(id));
      if (!validator) throw new Error('ajv did not keep it');
      validators.set(id, validator);
    } catch (cause) {
      throw new Error(`Expected form '${id}' to compile, but: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }

  const known = (id: string): string => {
    if (!frozen.has(id)) throw new Error(`Expected a form id among ${ids.join(', ')}, but got '${id}'`);
    return id;
  };

  return {
    has: (id) => frozen.has(id),
    schema: (id) => frozen.get(known(id)) as FormSchema,
    ids: () => ids,
    validate(id, data) {
      const validator = validators.get(known(id)) as ValidateFunction;
      if (validator(data)) return [];
      return toFieldErrors(validator.errors ?? [], (path) => resolveField((uri) => documents.get(uri), formUri(id), path));
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

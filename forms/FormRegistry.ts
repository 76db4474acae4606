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
  /**
   * What stops `schema` from being registered as `id` (compiled with the same ajv, so
   * `$ref`s to the other forms resolve); empty when it would compile. Registers nothing.
   */
  check(id: string, schema: unknown): readonly FieldError[];
  /**
   * Add a form while the service runs (a form built in the designer). Registering the
   * same schema again is a no-op; a bad schema, or another schema under a taken id,
   * throws `FormSchemaRejected` with one problem per place.
   */
  register(id: string, schema: FormSchema): void;
}

/** A schema the registry would not take, with the problems as JSON pointers into the schema. */
export class FormSchemaRejected extends Error {
  constructor(
    readonly id: string,
    readonly problems: readonly FieldError[],
  ) {
    super(`Expected form '${id}' to compile, but: ${problems.map((p) => `${p.path || '/'}: ${p.message}`).join('; ')}`);
    this.name = 'FormSchemaRejected';
  }
}

/**
 * Compiles every form at once, so a broken schema or a `$ref` to a missing file stops the
 * service at start rather than a citizen at submission. Throws when a form does not compile.
 */
export function createFormRegistry(schemas: Readonly<Record<string, FormSchema>>): FormRegistry {
  const initial = Object.keys(schemas).sort();
  const problems = initial.flatMap((id) => checkAnnotations(id, schemas[id]));
  if (problems.length > 0) throw new Error(`Expected consistent form annotations, but:\n${problems.join('\n')}`);

  const frozen = new Map(initial.map((id) => [id, deepFreeze(structuredClone(schemas[id]))]));
  const documents = new Map([...frozen].map(([id, schema]) => [formUri(id), schema]));
  const ajv = createFormAjv();
  for (const [id, schema] of frozen) {
    if ('$id' in schema) throw new Error(`Expected form '${id}' to leave out $id (its id is its path), but it declares ${JSON.stringify(schema.$id)}`);
    ajv.addSchema({ ...schema, $id: formUri(id) });
  }
  const validators = new Map<string, ValidateFunction>();
  for (const id of initial) {
    try {
      const validator = ajv.getSchema(formUri(id));
      if (!validator) throw new Error('ajv did not keep it');
      validators.set(id, validator);
    } catch (cause) {
      throw new Error(`Expected form '${id}' to compile, but: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }
  let ids: readonly string[] = Object.freeze(initial);

  const known = (id: string): string => {
    if (!frozen.has(id)) throw new Error(`Expected a form id among ${ids.join(', ')}, but got '${id}'`);
    return id;
  };

  /** Compile `schema` as `id`; keeps it in ajv only when `keep` and it compiled. */
  const compile = (id: string, schema: unknown, keep: boolean): { problems: FieldError[]; validator?: ValidateFunction } => {
    const found = schemaProblems(ajv, id, schema);
    if (found.length > 0) return { problems: found };
    const uri = formUri(id);
    try {
      ajv.addSchema({ ...(schema as FormSchema), $id: uri });
      const validator = ajv.getSchema(uri);
      if (!validator) throw new Error('ajv did not keep it');
      if (!keep) ajv.removeSchema(uri);
      return { problems: [], validator };
    } catch (cause) {
      ajv.removeSchema(uri);
      return { problems: [{ path: '', message: `Lược đồ biểu mẫu không biên dịch được: ${cause instanceof Error ? cause.message : String(cause)}` }] };
    }
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
    check(id, schema) {
      if (frozen.has(id)) return sameSchema(frozen.get(id), schema) ? [] : [{ path: '', message: `Mã biểu mẫu «${id}» đã được dùng cho một biểu mẫu khác.` }];
      return compile(id, schema, false).problems;
    },
    register(id, schema) {
      if (frozen.has(id)) {
        if (sameSchema(frozen.get(id), schema)) return;
        throw new FormSchemaRejected(id, [{ path: '', message: `Mã biểu mẫu «${id}» đã được dùng cho một biểu mẫu khác.` }]);
      }
      const kept = deepFreeze(structuredClone(schema));
      const compiled = compile(id, kept, true);
      if (!compiled.validator) throw new FormSchemaRejected(id, compiled.problems);
      frozen.set(id, kept);
      documents.set(formUri(id), kept);
      validators.set(id, compiled.validator);
      ids = Object.freeze([...ids, id].sort());
    },
  };
}

/** Problems ajv's meta-schemas and our annotation checks find, before compiling. */
function schemaProblems(ajv: ReturnType<typeof createFormAjv>, id: string, schema: unknown): FieldError[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ path: '', message: 'Lược đồ biểu mẫu phải là một đối tượng JSON Schema.' }];
  }
  if ('$id' in schema) return [{ path: '/$id', message: 'Lược đồ biểu mẫu không được khai báo $id: mã biểu mẫu do hệ thống đặt.' }];
  const problems: FieldError[] = checkAnnotations(id, schema).map((message) => ({ path: pointerOf(message), message: `Chú thích biểu mẫu không khớp: ${message}` }));
  if (!ajv.validateSchema(schema)) {
    for (const error of ajv.errors ?? []) {
      problems.push({ path: error.instancePath, message: `Lược đồ biểu mẫu không hợp lệ tại «${error.instancePath || '/'}»: ${error.message ?? error.keyword}.` });
    }
  }
  return problems;
}

/** The JSON pointer in a checkAnnotations message (`… at khai-sinh/submission#/properties/sex …`). */
function pointerOf(message: string): string {
  return /#(\/[^\s,]*)/.exec(message)?.[1] ?? '';
}

function sameSchema(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The preview's validator for rjsf: the messages come from the server's own form registry
 * (`forms/`: draft 2020-12, formats, `$data`, the `x-` keywords, Vietnamese messages with
 * `x-message`), so the designer sees what the applicant will see. rjsf's ajv8 validator,
 * set up the same way, only answers rjsf's own questions (which `if` branch applies).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type Ajv from 'ajv';
import { ErrorSchemaBuilder, type RJSFValidationError, type ValidationData, type ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
// The registry itself, not forms/index.ts: the index also reads files with node:fs.
import { createFormRegistry, type FormRegistry, type FormSchema } from '../../forms/FormRegistry.js';
import type { Schema } from './model.js';
import { submittedData } from './previewSchema.js';

/** The id the previewed form is registered under, beside the shared definitions, so its relative `$ref`s resolve. */
const PREVIEW_ID = 'preview/submission';
const ANNOTATIONS = ['x-ui', 'x-enumNames', 'x-message'];

export interface PreviewValidation {
  readonly validator: ValidatorType;
  /** Why the server would not take the schema; the preview then draws the form without checking it. */
  readonly problem?: string;
}

export function previewValidation(schema: Schema, defs: Schema): PreviewValidation {
  const rjsf = customizeValidator({
    AjvClass: Ajv2020 as unknown as typeof Ajv,
    ajvOptionsOverrides: { $data: true },
    extenderFn: (ajv) => {
      for (const keyword of ANNOTATIONS) ajv.addKeyword(keyword);
      return ajv;
    },
  });
  let registry: FormRegistry | undefined;
  let problem: string | undefined;
  try {
    registry = createFormRegistry({ 'common/defs': defs as FormSchema, [PREVIEW_ID]: schema as FormSchema });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const validator: ValidatorType = {
    validateFormData: (formData) => (registry ? validationData(registry, formData) : { errors: [], errorSchema: {} }),
    isValid: (part, formData, root) => rjsf.isValid(part, formData, root),
    rawValidation: (part, formData) => rjsf.rawValidation(part, formData),
    reset: () => rjsf.reset?.(),
  };
  return { validator, problem };
}

function validationData(registry: FormRegistry, formData: unknown): ValidationData<unknown> {
  const found = registry.validate(PREVIEW_ID, submittedData(formData) ?? {});
  const builder = new ErrorSchemaBuilder();
  const errors: RJSFValidationError[] = found.map(({ path, message }) => {
    const segments = path.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    builder.addErrors(message, segments.length > 0 ? segments : undefined);
    const property = segments.length > 0 ? `.${segments.join('.')}` : '';
    return { name: 'form', property, message, stack: message, params: {} };
  });
  return { errors, errorSchema: builder.ErrorSchema };
}

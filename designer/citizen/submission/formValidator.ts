import type { RJSFSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * The form renderer's own ajv, for what it decides from the schema (which branch of an
 * `if` applies, defaults). It speaks draft 2020-12 with `$data` like the forms' ajv;
 * the messages people read come from the forms' registry, not from this one.
 */
export const formValidator = customizeValidator<unknown, RJSFSchema>({
  AjvClass: Ajv2020 as never,
  ajvOptionsOverrides: { $data: true, strict: false },
});

/**
 * The forms' public face: JSON Schemas of the applicant's submissions and of the officers'
 * steps, and their validation into Vietnamese field messages. Import from here only.
 */
export { loadFormRegistry } from './loadFormRegistry.js';
export { createFormRegistry, FormSchemaRejected, type FormRegistry, type FormSchema } from './FormRegistry.js';

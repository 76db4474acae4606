import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { MESSAGE_KEYWORDS } from './vietnameseMessage.js';

/** Widgets a form may ask for in `x-ui.widget`; the UI falls back to the JSON type's default without one. */
export const UI_WIDGETS = ['text', 'textarea', 'date', 'select', 'radio', 'checkbox', 'number', 'money', 'tel', 'email', 'hidden', 'attachment'] as const;

const UI_HINTS_META = {
  type: 'object',
  properties: {
    widget: { enum: [...UI_WIDGETS] },
    placeholder: { type: 'string' },
    help: { type: 'string' },
    order: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    visibleWhen: { type: 'object', additionalProperties: { type: 'array', minItems: 1 } },
  },
  additionalProperties: false,
};

const ENUM_NAMES_META = { type: 'array', items: { type: 'string', minLength: 1 } };

const MESSAGE_META = {
  anyOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      propertyNames: { enum: [...MESSAGE_KEYWORDS] },
      additionalProperties: { type: 'string', minLength: 1 },
    },
  ],
};

/**
 * One ajv for every form, so `$ref` between files resolves. Strict mode stays on to
 * catch typos in schemas; the annotation keywords are declared with meta-schemas so a
 * misspelt hint fails at load instead of being silently ignored by the UI.
 */
export function createFormAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // `required` is added next to a `$ref` (a person whose birth date this form demands)
    // and inside `if`/`then` branches, away from the `properties` that define the field.
    strictRequired: false,
    // Relative comparisons between fields of one form, e.g. an expiry date after the issue date.
    $data: true,
  });
  // ajv-formats is CommonJS: seen from ESM the plugin is its `default` property.
  addFormatsModule.default(ajv);
  ajv.addKeyword({ keyword: 'x-ui', metaSchema: UI_HINTS_META });
  ajv.addKeyword({ keyword: 'x-enumNames', metaSchema: ENUM_NAMES_META });
  ajv.addKeyword({ keyword: 'x-message', metaSchema: MESSAGE_META });
  return ajv;
}

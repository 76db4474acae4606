/**
 * The form builder's field model and its two conversions: `schemaOf` writes a submission
 * form as `forms/README.md` describes it (Vietnamese titles, closed objects, `x-ui` hints,
 * `$ref`s to the shared definitions); `fieldsOf` reads one back. A property the builder did
 * not write exactly as it would is kept untouched as an "advanced" field, so opening and
 * saving a hand-written form never changes what the server validates.
 */

export type Schema = Record<string, unknown>;

export const SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** Where the shared definitions are, seen from a procedure's form (`forms/<code>/submission.schema.json`). */
export const DEFS = '../common/defs.schema.json#/$defs/';

export const FIELD_TYPES = [
  'text', 'longText', 'number', 'date', 'select', 'radio', 'checkbox',
  'idNumber', 'phone', 'email', 'address', 'attachment', 'group',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Settings a field may have besides its key, type, title and required flag. */
export const SETTINGS = [
  'help', 'placeholder', 'visibleWhen', 'minLength', 'maxLength', 'pattern', 'patternMessage',
  'minimum', 'maximum', 'integer', 'options', 'component', 'itemTitle', 'minItems', 'maxItems', 'fields',
] as const;
export type Setting = (typeof SETTINGS)[number];

export const KEY_PATTERN = /^[a-z][A-Za-z0-9]*$/;
export const ID_NUMBER_PATTERN = '^\\d{12}$';
export const ID_NUMBER_MESSAGE = '«{title}» phải gồm đúng 12 chữ số (số định danh cá nhân ghi trên thẻ căn cước)';
/** A mobile number (10 digits: 03, 05, 07, 08, 09) or a landline (11 digits: 02 and the area code), `+84` for the leading 0. */
export const PHONE_PATTERN = '^(?:0|\\+84)(?:[35789][0-9]{8}|2[0-9]{9})$';
export const PHONE_MESSAGE =
  '«{title}» phải là số di động 10 chữ số (ví dụ 0912345678) hoặc số cố định 11 chữ số (ví dụ 02363822123); có thể thay số 0 đầu bằng +84';
export const CHECKBOX_REQUIRED_MESSAGE = 'Cần đánh dấu «{title}»';

export interface Option {
  value: string;
  /** The Vietnamese name shown to the applicant (`x-enumNames`). */
  name: string;
}

/** Show the field only when a sibling field has one of these values (`x-ui.visibleWhen`). */
export interface VisibleWhen {
  field: string;
  values: Array<string | number | boolean>;
}

/**
 * One field of the form. Only the settings of its type are set (see `SETTINGS_OF`); an
 * `advanced` field carries its property schema as it was written and is not edited.
 */
export interface Field {
  key: string;
  type: FieldType | 'advanced';
  title: string;
  required: boolean;
  help?: string;
  placeholder?: string;
  visibleWhen?: VisibleWhen;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** The `x-message` shown when `pattern` fails; `{title}` is replaced by the field's title. */
  patternMessage?: string;
  minimum?: number;
  maximum?: number;
  /** Whole numbers only (`type: integer`). */
  integer?: boolean;
  options?: Option[];
  /** The code of the procedure component an attachment field is for. */
  component?: string;
  itemTitle?: string;
  minItems?: number;
  maxItems?: number;
  /** The fields of each entry of a repeatable group. */
  fields?: Field[];
  /** An advanced field's property schema, untouched. */
  schema?: Schema;
}

/** What a form keeps besides its fields: its title and what the builder does not write itself. */
export interface FormOptions {
  title?: string;
  /** Root keywords the builder does not write (`$comment`, `$defs`, other `x-ui` hints…), kept as they were. */
  kept?: Schema;
  /** `allOf` entries the builder did not write (rules between fields), kept as they were. */
  rules?: unknown[];
  /** Names in the root `required` that are not properties of the form. */
  otherRequired?: string[];
}

interface Kind {
  readonly settings: readonly Setting[];
  /** The property schema, without `title` and `x-ui` (added for every kind). */
  schema(field: Field): Schema;
  readonly widget?: string;
}

const TEXT_SETTINGS = ['help', 'placeholder', 'visibleWhen', 'minLength', 'maxLength', 'pattern', 'patternMessage'] as const;
const PLAIN_SETTINGS = ['help', 'placeholder', 'visibleWhen'] as const;

/** One entry per field type: the compiler demands a schema for every type the palette offers. */
const KINDS: { readonly [type in FieldType]: Kind } = {
  text: { settings: TEXT_SETTINGS, schema: (field) => textSchema('text', field) },
  longText: { settings: TEXT_SETTINGS, schema: (field) => textSchema('longText', field) },
  number: {
    settings: [...PLAIN_SETTINGS, 'minimum', 'maximum', 'integer'],
    schema: (field) => compact({ type: field.integer ? 'integer' : 'number', minimum: field.minimum, maximum: field.maximum }),
  },
  date: { settings: PLAIN_SETTINGS, schema: () => ({ $ref: `${DEFS}date` }) },
  select: { settings: [...PLAIN_SETTINGS, 'options'], schema: choiceSchema, widget: 'select' },
  radio: { settings: ['help', 'visibleWhen', 'options'], schema: choiceSchema, widget: 'radio' },
  checkbox: { settings: ['help', 'visibleWhen'], schema: checkboxSchema, widget: 'checkbox' },
  idNumber: {
    settings: PLAIN_SETTINGS,
    schema: () => ({ type: 'string', pattern: ID_NUMBER_PATTERN, 'x-message': { pattern: ID_NUMBER_MESSAGE } }),
  },
  phone: {
    settings: PLAIN_SETTINGS,
    schema: () => ({ type: 'string', pattern: PHONE_PATTERN, 'x-message': { pattern: PHONE_MESSAGE } }),
    widget: 'tel',
  },
  email: { settings: PLAIN_SETTINGS, schema: () => ({ $ref: `${DEFS}email` }) },
  address: { settings: ['help', 'visibleWhen'], schema: () => structuredClone(ADDRESS) },
  attachment: { settings: ['help', 'visibleWhen', 'component'], schema: (field) => ({ type: 'string', const: field.component ?? '' }), widget: 'attachment' },
  group: { settings: ['help', 'visibleWhen', 'itemTitle', 'minItems', 'maxItems', 'fields'], schema: groupSchema },
};

/** The settings each field type has, for the settings panel. */
export function settingsOf(type: Field['type']): readonly Setting[] {
  return type === 'advanced' ? [] : KINDS[type].settings;
}

/** The parts of an address: an object, since the definition `address` is one free-text line. */
export const ADDRESS_PARTS = ['province', 'commune', 'street'] as const;

const ADDRESS: Schema = {
  type: 'object',
  properties: {
    province: { $ref: `${DEFS}text`, title: 'Tỉnh, thành phố' },
    commune: { $ref: `${DEFS}text`, title: 'Xã, phường, đặc khu' },
    street: { $ref: `${DEFS}text`, title: 'Số nhà, đường, thôn, tổ dân phố' },
  },
  required: [...ADDRESS_PARTS],
  additionalProperties: false,
  'x-ui': { order: [...ADDRESS_PARTS] },
};

function textSchema(definition: 'text' | 'longText', field: Field): Schema {
  // Strict mode wants a type next to the length and pattern keywords.
  const typed = field.minLength !== undefined || field.maxLength !== undefined || field.pattern !== undefined;
  return compact({
    $ref: `${DEFS}${definition}`,
    type: typed ? 'string' : undefined,
    minLength: field.minLength,
    maxLength: field.maxLength,
    pattern: field.pattern,
    'x-message': field.pattern !== undefined && field.patternMessage ? { pattern: field.patternMessage } : undefined,
  });
}

function choiceSchema(field: Field): Schema {
  const options = field.options ?? [];
  return { type: 'string', enum: options.map((o) => o.value), 'x-enumNames': options.map((o) => o.name) };
}

/** A required checkbox must be ticked (a commitment), not merely present. */
function checkboxSchema(field: Field): Schema {
  if (!field.required) return { type: 'boolean', default: false };
  return { type: 'boolean', default: false, const: true, 'x-message': { const: CHECKBOX_REQUIRED_MESSAGE } };
}

function groupSchema(field: Field): Schema {
  return compact({
    type: 'array',
    minItems: field.minItems,
    maxItems: field.maxItems,
    items: compact({ title: field.itemTitle, ...objectSchemaOf(field.fields ?? [], []) }),
  });
}

/** The JSON Schema of a form: the root object of the fields, with what `options` kept. */
export function schemaOf(fields: readonly Field[], options: FormOptions = {}): Schema {
  const { 'x-ui': keptUi, ...kept } = options.kept ?? {};
  const object = objectSchemaOf(fields, options.rules ?? [], options.otherRequired ?? []);
  return compact({
    $schema: SCHEMA_DIALECT,
    title: options.title,
    ...kept,
    ...object,
    'x-ui': { ...(isObject(keptUi) ? keptUi : {}), ...(object['x-ui'] as Schema) },
  });
}

function objectSchemaOf(fields: readonly Field[], keptRules: readonly unknown[], otherRequired: readonly string[] = []): Schema {
  const required = fields.filter((f) => f.required && !isConditional(f)).map((f) => f.key);
  const rules = [...fields.filter((f) => f.required && isConditional(f)).map(ruleOf), ...keptRules];
  return compact({
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.key, propertySchemaOf(f)])),
    required: nonEmpty([...required, ...otherRequired]),
    additionalProperties: false,
    allOf: nonEmpty(rules),
    'x-ui': { order: fields.map((f) => f.key) },
  });
}

/** A field the server must require only while it is shown: `required` moves into an `if`/`then` rule. */
function isConditional(field: Field): boolean {
  return field.type !== 'advanced' && field.visibleWhen !== undefined;
}

function ruleOf(field: Field): Schema {
  const { field: on, values } = field.visibleWhen as VisibleWhen;
  const condition = values.length === 1 ? { const: values[0] } : { enum: values };
  return { if: { properties: { [on]: condition }, required: [on] }, then: { required: [field.key] } };
}

/** The schema of one field as a property of its object. */
export function propertySchemaOf(field: Field): Schema {
  if (field.type === 'advanced') return field.schema ?? {};
  const kind = KINDS[field.type];
  const ui = compact({
    widget: kind.widget,
    placeholder: field.placeholder,
    help: field.help,
    visibleWhen: field.visibleWhen ? { [field.visibleWhen.field]: field.visibleWhen.values } : undefined,
  });
  return compact({ title: field.title || undefined, ...kind.schema(field), 'x-ui': Object.keys(ui).length > 0 ? ui : undefined });
}

/** The fields of a form's root object, in the order of `x-ui.order`. */
export function fieldsOf(schema: Schema): Field[] {
  return readObject(schema).fields;
}

/** Everything of a form besides its fields, for `schemaOf` to write back. */
export function formOptionsOf(schema: Schema): FormOptions {
  const { title, additionalProperties, 'x-ui': ui } = schema;
  const kept = without(schema, ['$schema', 'title', 'type', 'properties', 'required', 'additionalProperties', 'allOf', 'x-ui']);
  const otherUi = without(isObject(ui) ? ui : {}, ['order']);
  const read = readObject(schema);
  return compact({
    title: typeof title === 'string' ? title : undefined,
    kept: nonEmptyObject({
      ...kept,
      ...(additionalProperties !== undefined && additionalProperties !== false ? { additionalProperties } : {}),
      ...(Object.keys(otherUi).length > 0 ? { 'x-ui': otherUi } : {}),
    }),
    rules: nonEmpty(read.rules),
    otherRequired: nonEmpty(read.otherRequired),
  });
}

interface ReadObject {
  fields: Field[];
  rules: unknown[];
  otherRequired: string[];
}

function readObject(schema: Schema): ReadObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(strings(schema.required));
  const rules = Array.isArray(schema.allOf) ? [...(schema.allOf as unknown[])] : [];
  const fields = orderedKeys(schema).map((key) => settle(readField(key, properties[key], required.has(key)), required.has(key), rules));
  const otherRequired = [...required].filter((name) => !Object.hasOwn(properties, name));
  return { fields, rules, otherRequired };
}

/**
 * A field's required flag as its object says it. A field shown on a condition is required
 * through the rule `ruleOf` writes, found among the object's rules and taken out of them;
 * a field whose flag the object contradicts is kept as an advanced field.
 */
function settle(field: Field, listed: boolean, rules: unknown[]): Field {
  if (field.type === 'advanced') return field;
  if (!isConditional(field)) return field.required === listed ? field : advancedField(field.key, propertySchemaOf(field), listed);
  const asRequired = { ...field, required: true };
  const index = rules.findIndex((rule) => sameJson(rule, ruleOf(asRequired)));
  const schema = propertySchemaOf(field);
  if (index === -1) return field.required ? advancedField(field.key, schema, false) : field;
  // A checkbox's schema depends on its flag: read back, it must still be the same schema.
  if (!sameJson(propertySchemaOf(asRequired), schema)) return field;
  rules.splice(index, 1);
  return asRequired;
}

function advancedField(key: string, schema: Schema, required: boolean): Field {
  return { key, type: 'advanced', title: typeof schema.title === 'string' ? schema.title : key, required, schema };
}

function orderedKeys(schema: Schema): string[] {
  const keys = Object.keys(isObject(schema.properties) ? schema.properties : {});
  const ui = isObject(schema['x-ui']) ? schema['x-ui'] : {};
  const order = strings(ui.order).filter((key) => keys.includes(key));
  return [...order, ...keys.filter((key) => !order.includes(key))];
}

/** The field a property is, when the builder would write it exactly so; else an advanced field. */
function readField(key: string, value: unknown, listed: boolean): Field {
  const property = isObject(value) ? value : {};
  const type = typeOf(property);
  if (type !== undefined) {
    // A ticked-only checkbox is required, whether its object lists it or a rule does.
    const required = listed || (type === 'checkbox' && property.const === true);
    const field = fieldOfType(type, key, property, required);
    const alwaysRequiredYetConditional = listed && field.visibleWhen !== undefined;
    if (!alwaysRequiredYetConditional && sameJson(propertySchemaOf(field), property)) return field;
  }
  return advancedField(key, property, listed);
}

/** The builder type a property looks like; `readField` then checks that it is written exactly so. */
function typeOf(property: Schema): FieldType | undefined {
  const ui = isObject(property['x-ui']) ? property['x-ui'] : {};
  const byRef: Record<string, FieldType> = { text: 'text', longText: 'longText', date: 'date', email: 'email' };
  if (typeof property.$ref === 'string') {
    return property.$ref.startsWith(DEFS) ? byRef[property.$ref.slice(DEFS.length)] : undefined;
  }
  switch (property.type) {
    case 'boolean': return 'checkbox';
    case 'number':
    case 'integer': return 'number';
    case 'array': return 'group';
    case 'object': return 'address';
    case 'string':
      if (ui.widget === 'attachment') return 'attachment';
      if (Array.isArray(property.enum)) return ui.widget === 'radio' ? 'radio' : 'select';
      if (property.pattern === ID_NUMBER_PATTERN) return 'idNumber';
      if (property.pattern === PHONE_PATTERN) return 'phone';
      return undefined;
    default: return undefined;
  }
}

function fieldOfType(type: FieldType, key: string, property: Schema, required: boolean): Field {
  const ui = isObject(property['x-ui']) ? property['x-ui'] : {};
  const message = isObject(property['x-message']) ? property['x-message'] : {};
  const items = isObject(property.items) ? property.items : {};
  const every: Omit<Field, 'key' | 'type' | 'title' | 'required'> = {
    help: text(ui.help),
    placeholder: text(ui.placeholder),
    visibleWhen: visibleWhenOf(ui.visibleWhen),
    minLength: count(property.minLength),
    maxLength: count(property.maxLength),
    pattern: text(property.pattern),
    patternMessage: text(message.pattern),
    minimum: finite(property.minimum),
    maximum: finite(property.maximum),
    integer: property.type === 'integer' ? true : undefined,
    options: optionsOf(property),
    component: text(property.const),
    itemTitle: text(items.title),
    minItems: count(property.minItems),
    maxItems: count(property.maxItems),
    fields: type === 'group' ? readObject(items).fields : undefined,
  };
  const settings = KINDS[type].settings;
  const chosen = Object.fromEntries(Object.entries(every).filter(([name, v]) => v !== undefined && settings.includes(name as Setting)));
  return { key, type, title: text(property.title) ?? '', required, ...chosen };
}

function visibleWhenOf(value: unknown): VisibleWhen | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1 || !Array.isArray(entries[0][1])) return undefined;
  return { field: entries[0][0], values: [...(entries[0][1] as VisibleWhen['values'])] };
}

function optionsOf(property: Schema): Option[] | undefined {
  const values = property.enum;
  const names = property['x-enumNames'];
  if (!Array.isArray(values) || !Array.isArray(names) || values.length !== names.length) return undefined;
  if (!values.every((v) => typeof v === 'string') || !names.every((n) => typeof n === 'string')) return undefined;
  return values.map((value: string, index) => ({ value, name: names[index] as string }));
}

/** Deep equality of JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

export function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function without(record: Schema, keys: readonly string[]): Schema {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function nonEmptyObject(record: Schema): Schema | undefined {
  return Object.keys(record).length > 0 ? record : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function count(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}

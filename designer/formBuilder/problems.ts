/**
 * What is wrong with the fields as the designer set them, before the schema is saved: each
 * problem names the field (by path), the setting, and a text key of `formBuilder.problem.*`
 * with its values, so the settings panel shows it under the right input.
 */
import { KEY_PATTERN, type Field } from './model.js';

export interface Problem {
  readonly path: readonly number[];
  /** The setting at fault: `key`, `title`, a setting name, or `options.<index>`. */
  readonly setting: string;
  readonly text: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export interface ProblemContext {
  /** The procedure's component codes an attachment may name; unchecked when not given. */
  readonly components?: readonly string[];
}

/** The longest text the shared definitions accept: a longer limit would never be reached. */
const LENGTH_CAPS: Readonly<Record<string, number>> = { text: 200, longText: 2000 };

export function problemsOf(fields: readonly Field[], context: ProblemContext = {}, at: readonly number[] = []): Problem[] {
  return fields.flatMap((field, index) => {
    const path = [...at, index];
    const own = fieldProblems(field, fields, context).map((p) => ({ ...p, path }));
    const inner = field.type === 'group' ? problemsOf(field.fields ?? [], context, path) : [];
    return [...own, ...inner];
  });
}

type Found = Omit<Problem, 'path'>;

function fieldProblems(field: Field, siblings: readonly Field[], context: ProblemContext): Found[] {
  return [
    ...keyProblems(field, siblings),
    ...(field.title.trim() === '' ? [{ setting: 'title', text: 'formBuilder.problem.titleMissing' }] : []),
    ...rangeProblems(field),
    ...patternProblems(field),
    ...optionProblems(field),
    ...visibilityProblems(field, siblings),
    ...componentProblems(field, context),
    ...(field.type === 'group' && (field.fields ?? []).length === 0 ? [{ setting: 'fields', text: 'formBuilder.problem.groupEmpty' }] : []),
  ];
}

function keyProblems(field: Field, siblings: readonly Field[]): Found[] {
  if (field.key === '') return [{ setting: 'key', text: 'formBuilder.problem.keyMissing' }];
  if (!KEY_PATTERN.test(field.key)) return [{ setting: 'key', text: 'formBuilder.problem.keyFormat' }];
  if (siblings.filter((f) => f.key === field.key).length > 1) return [{ setting: 'key', text: 'formBuilder.problem.keyDuplicate' }];
  return [];
}

function rangeProblems(field: Field): Found[] {
  const found: Found[] = [];
  const pairs = [['minLength', 'maxLength'], ['minimum', 'maximum'], ['minItems', 'maxItems']] as const;
  for (const [low, high] of pairs) {
    const [min, max] = [field[low], field[high]];
    if (min !== undefined && max !== undefined && min > max) found.push({ setting: high, text: 'formBuilder.problem.range', values: { min } });
  }
  const cap = LENGTH_CAPS[field.type];
  if (cap !== undefined && field.maxLength !== undefined && field.maxLength > cap) {
    found.push({ setting: 'maxLength', text: 'formBuilder.problem.lengthCap', values: { limit: cap } });
  }
  return found;
}

function patternProblems(field: Field): Found[] {
  if (field.pattern === undefined) {
    return field.patternMessage ? [{ setting: 'patternMessage', text: 'formBuilder.problem.messageWithoutPattern' }] : [];
  }
  try {
    new RegExp(field.pattern, 'u');
    return [];
  } catch {
    return [{ setting: 'pattern', text: 'formBuilder.problem.patternInvalid' }];
  }
}

function optionProblems(field: Field): Found[] {
  if (field.type !== 'select' && field.type !== 'radio') return [];
  const options = field.options ?? [];
  if (options.length === 0) return [{ setting: 'options', text: 'formBuilder.problem.optionsMissing' }];
  return options.flatMap((option, index) => {
    const setting = `options.${index}`;
    if (option.value.trim() === '') return [{ setting, text: 'formBuilder.problem.optionValueMissing' }];
    if (options.findIndex((o) => o.value === option.value) !== index) return [{ setting, text: 'formBuilder.problem.optionValueDuplicate' }];
    if (option.name.trim() === '') return [{ setting, text: 'formBuilder.problem.optionNameMissing' }];
    return [];
  });
}

function visibilityProblems(field: Field, siblings: readonly Field[]): Found[] {
  const condition = field.visibleWhen;
  if (!condition) return [];
  if (condition.field === field.key || !siblings.some((f) => f.key === condition.field)) {
    return [{ setting: 'visibleWhen', text: 'formBuilder.problem.visibleWhenField' }];
  }
  if (condition.values.length === 0) return [{ setting: 'visibleWhen', text: 'formBuilder.problem.visibleWhenValues' }];
  return [];
}

function componentProblems(field: Field, context: ProblemContext): Found[] {
  if (field.type !== 'attachment') return [];
  if (!field.component) return [{ setting: 'component', text: 'formBuilder.problem.componentMissing' }];
  if (context.components && !context.components.includes(field.component)) {
    return [{ setting: 'component', text: 'formBuilder.problem.componentUnknown', values: { code: field.component } }];
  }
  return [];
}

import type { FieldErrorProps, FieldTemplateProps, ObjectFieldTemplateProps, RegistryWidgetsType, TemplatesType, WidgetProps } from '@rjsf/utils';
import { ariaDescribedByIds, errorId, getUiOptions } from '@rjsf/utils';
import { createElement as h, type ChangeEvent } from 'react';
import { formatDate, parseDate } from '../../shared/format.js';
import { listButtonTemplates, type ListAction } from '../../shared/rjsfButtons.js';
import { t } from '../../shared/texts.js';

/**
 * How the forms look on the portal: a label above each field with its required mark,
 * groups as fieldsets with a legend, a radio group as a fieldset (its legend names
 * it), the field's message under it and tied to the input by `aria-describedby`.
 */
function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, schema, uiSchema, rawErrors } = props;
  if (hidden) return h('div', { hidden: true }, children);
  const invalid = (rawErrors?.length ?? 0) > 0;
  if (schema.type === 'object' || schema.type === 'array') return h('div', { className: 'form-group' }, children, errors, help);
  const widget = getUiOptions(uiSchema).widget;
  const mark = required ? h('span', { className: 'required-mark', 'aria-hidden': true }, ' *') : null;
  if (widget === 'radio') {
    return h(
      'fieldset',
      { className: `field choice${invalid ? ' invalid' : ''}`, 'aria-describedby': ariaDescribedByIds(id) },
      h('legend', null, label, mark),
      description, children, errors, help,
    );
  }
  return h(
    'div',
    { className: `field${invalid ? ' invalid' : ''}` },
    displayLabel && widget !== 'checkbox' ? h('label', { htmlFor: id }, label, mark) : null,
    displayLabel ? description : null,
    children, errors, help,
  );
}

function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const messages = errors.filter(Boolean);
  if (messages.length === 0) return null;
  return h('p', { id: errorId(fieldPathId), className: 'field-error' }, ...messages.map((message, index) => h('span', { key: index }, index ? ' ' : '', message)));
}

function ObjectFieldTemplate({ title, description, properties, fieldPathId }: ObjectFieldTemplateProps) {
  return h(
    'fieldset',
    { className: 'group', id: fieldPathId.$id },
    title ? h('legend', null, title) : null,
    description,
    ...properties.map((property) => property.content),
  );
}

/**
 * A date typed as dd/MM/yyyy and kept as yyyy-MM-dd. Text that is not a date yet is
 * kept as typed, so nothing is lost and the form's check names the mistake.
 */
function DayMonthYearWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, placeholder, htmlName } = props;
  const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : ((value as string | undefined) ?? '');
  return h('input', {
    id,
    name: htmlName || id,
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'off',
    placeholder: placeholder || t('citizen.form.datePlaceholder'),
    value: text,
    required,
    disabled,
    readOnly: readonly,
    'aria-describedby': ariaDescribedByIds(id),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const typed = event.target.value;
      onChange(typed.trim() === '' ? undefined : (parseDate(typed) ?? typed));
    },
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  });
}

const LIST_WORDS: Readonly<Record<ListAction, string>> = {
  add: 'citizen.form.add',
  remove: 'citizen.form.remove',
  moveUp: 'citizen.form.moveUp',
  moveDown: 'citizen.form.moveDown',
  copy: 'citizen.form.copy',
};

/** The buttons of a list (residences, extracts) say what they do; their names stay the words themselves. */
const LIST_TEMPLATES = listButtonTemplates({ word: (action) => t(LIST_WORDS[action]) });

export const FORM_TEMPLATES: Partial<TemplatesType> = { FieldTemplate, FieldErrorTemplate, ObjectFieldTemplate, ...LIST_TEMPLATES };
export const FORM_WIDGETS: RegistryWidgetsType = { dayMonthYear: DayMonthYearWidget };

import type { FieldErrorProps, FieldTemplateProps, ObjectFieldTemplateProps, RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { ariaDescribedByIds, errorId, getUiOptions } from '@rjsf/utils';
import { createElement as h } from 'react';
import { dateWidget } from '../../shared/dateWidget.js';
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
export const FORM_WIDGETS: RegistryWidgetsType = { dayMonthYear: dateWidget(() => t('citizen.form.datePlaceholder')) };

import { createElement as h, useEffect, useState, type ChangeEvent } from 'react';
import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { formatDate, parseDate } from './format.js';

/**
 * The rjsf widget for a date typed as dd/MM/yyyy and kept as the schema's yyyy-MM-dd.
 * Text that is not a date yet is passed on as typed, so nothing typed is lost and the
 * form's check names the mistake on the field; only a change of the value from outside
 * (undo, a restored draft) rewrites what is shown. Each page gives its own placeholder text.
 */
export function dateWidget(placeholder: () => string) {
  return function DateWidget(props: WidgetProps) {
    const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, rawErrors, htmlName } = props;
    const [text, setText] = useState(() => shown(value));
    useEffect(() => {
      if (typeof value === 'string' && isIsoDate(value) && parseDate(text) !== value) setText(formatDate(value));
      if (value === undefined && parseDate(text) !== undefined) setText('');
    }, [value]);
    return h('input', {
      id,
      name: htmlName || id,
      type: 'text',
      inputMode: 'numeric',
      autoComplete: 'off',
      className: 'form-control',
      placeholder: props.placeholder || placeholder(),
      value: text,
      required,
      disabled,
      readOnly: readonly,
      'aria-invalid': rawErrors?.length ? true : undefined,
      'aria-describedby': ariaDescribedByIds(id),
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        setText(event.target.value);
        const typed = event.target.value.trim();
        onChange(typed === '' ? undefined : (parseDate(typed) ?? typed));
      },
      onBlur: () => onBlur(id, value),
      onFocus: () => onFocus(id, value),
    });
  };
}

/** What the field shows for a value: a stored date as dd/MM/yyyy, anything else as it was typed. */
function shown(value: unknown): string {
  if (typeof value !== 'string') return '';
  return isIsoDate(value) ? formatDate(value) : value;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

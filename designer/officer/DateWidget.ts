import { createElement as h, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { formatDate, parseDate } from '../shared/format.js';

/**
 * A date typed as officers write it, dd/MM/yyyy, kept as the schema's yyyy-MM-dd.
 * Text that is not a date yet is passed on as typed, so the server names the problem
 * on the field and nothing typed is lost.
 */
export function DateWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, rawErrors, placeholder } = props;
  const [text, setText] = useState<string>(typeof value === 'string' ? (parseDate(value) ? value : formatDate(value) || value) : '');
  return h('input', {
    id,
    name: id,
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'off',
    placeholder: placeholder || 'dd/MM/yyyy',
    value: text,
    required,
    disabled: disabled || readonly,
    'aria-invalid': rawErrors?.length ? true : undefined,
    'aria-describedby': rawErrors?.length ? `${id}__error` : undefined,
    onChange: (event: { target: { value: string } }) => {
      setText(event.target.value);
      onChange(parseDate(event.target.value) ?? (event.target.value === '' ? undefined : event.target.value));
    },
    onBlur: () => onBlur(id, value),
    onFocus: () => onFocus(id, value),
  });
}

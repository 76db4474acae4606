/** Labelled inputs of the settings panel, each with its message under it. */
import type { ReactNode } from 'react';
import { t } from '../shared/texts.js';
import type { Problem } from './problems.js';

export interface InputProps {
  id: string;
  label: string;
  problem?: Problem;
  hint?: string;
}

export function Message({ id, problem }: { id: string; problem?: Problem }) {
  if (!problem) return null;
  return (
    <p className="field-error" id={`${id}-error`} role="alert">
      {t(problem.text, problem.values)}
    </p>
  );
}

function describedBy(id: string, problem?: Problem, hint?: string): string | undefined {
  const ids = [problem ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Frame({ id, label, problem, hint, children }: InputProps & { children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="muted fb-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
      <Message id={id} problem={problem} />
    </div>
  );
}

export function TextInput(props: InputProps & { value: string | undefined; onChange(value: string): void; multiline?: boolean }) {
  const { id, value, onChange, problem, hint, multiline } = props;
  const common = {
    id,
    value: value ?? '',
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy(id, problem, hint),
  };
  return (
    <Frame {...props}>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
    </Frame>
  );
}

export function NumberInput(props: InputProps & { value: number | undefined; onChange(value: number | undefined): void; min?: number }) {
  const { id, value, onChange, problem, hint, min } = props;
  return (
    <Frame {...props}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        value={value ?? ''}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(id, problem, hint)}
        onChange={(event) => {
          const number = event.target.valueAsNumber;
          onChange(event.target.value === '' || !Number.isFinite(number) ? undefined : number);
        }}
      />
    </Frame>
  );
}

export function CheckboxInput({ id, label, checked, onChange, disabled }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void; disabled?: boolean }) {
  return (
    <div className="fb-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

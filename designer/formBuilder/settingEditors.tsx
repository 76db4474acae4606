/** The settings that are more than one input: the options of a choice, the component of an attachment, the visibility rule. */
import { useEffect, useState } from 'react';
import { t } from '../shared/texts.js';
import { Message } from './inputs.js';
import type { Field, Option, VisibleWhen } from './model.js';
import type { SettingsProps } from './FieldSettings.js';

type EditorProps = SettingsProps & { id: string; problemOf(setting: string): SettingsProps['problems'][number] | undefined };

export function OptionsEditor({ id, field, update, problemOf }: EditorProps) {
  const options = field.options ?? [];
  const set = (next: Option[], setting: string) => update({ options: next }, setting);
  const change = (index: number, part: Partial<Option>) => set(options.map((o, i) => (i === index ? { ...o, ...part } : o)), `options.${index}`);
  return (
    <fieldset className="fb-options" aria-describedby={problemOf('options') ? `${id}-error` : undefined}>
      <legend>{t('formBuilder.settings.options')}</legend>
      {options.map((option, index) => {
        const rowId = `${id}-${index}`;
        const problem = problemOf(`options.${index}`);
        return (
          <div className="fb-option" key={index}>
            <div className="field">
              <label htmlFor={`${rowId}-value`}>{t('formBuilder.settings.optionValue', { n: index + 1 })}</label>
              <input id={`${rowId}-value`} type="text" value={option.value} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${rowId}-error` : undefined} onChange={(e) => change(index, { value: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${rowId}-name`}>{t('formBuilder.settings.optionName', { n: index + 1 })}</label>
              <input id={`${rowId}-name`} type="text" value={option.name} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${rowId}-error` : undefined} onChange={(e) => change(index, { name: e.target.value })} />
            </div>
            <button type="button" className="secondary" aria-label={t('formBuilder.settings.optionRemove', { n: index + 1 })} onClick={() => set(options.filter((_, i) => i !== index), 'options')}>
              ✕
            </button>
            <Message id={rowId} problem={problem} />
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => set([...options, { value: `option${options.length + 1}`, name: '' }], 'options')}>
        {t('formBuilder.settings.optionAdd')}
      </button>
      <Message id={id} problem={problemOf('options')} />
    </fieldset>
  );
}

export function ComponentInput({ id, field, components, update, problemOf }: EditorProps) {
  const problem = problemOf('component');
  const known = components.some((c) => c.code === field.component);
  return (
    <div className="field">
      <label htmlFor={id}>{t('formBuilder.settings.component')}</label>
      {components.length > 0 ? (
        <select id={id} value={field.component ?? ''} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} onChange={(e) => update({ component: e.target.value }, 'component')}>
          <option value="">{t('formBuilder.settings.componentChoose')}</option>
          {!known && field.component && <option value={field.component}>{field.component}</option>}
          {components.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} type="text" value={field.component ?? ''} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} onChange={(e) => update({ component: e.target.value }, 'component')} />
      )}
      <Message id={id} problem={problem} />
    </div>
  );
}

/** "Show only when": a sibling field and the values that show this one. */
export function VisibleWhenEditor({ id, field, siblings, update, problemOf }: EditorProps) {
  const condition = field.visibleWhen;
  const others = siblings.filter((f) => f !== field && f.type !== 'advanced' && f.type !== 'group');
  const on = siblings.find((f) => f.key === condition?.field);
  const problem = problemOf('visibleWhen');
  const set = (next: VisibleWhen | undefined) => update({ visibleWhen: next }, 'visibleWhen');
  return (
    <fieldset className="fb-visible">
      <legend>{t('formBuilder.settings.visibleWhen')}</legend>
      <div className="field">
        <label htmlFor={`${id}-field`}>{t('formBuilder.settings.visibleWhenField')}</label>
        <select id={`${id}-field`} value={condition?.field ?? ''} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} onChange={(e) => set(e.target.value === '' ? undefined : { field: e.target.value, values: [] })}>
          <option value="">{t('formBuilder.settings.visibleAlways')}</option>
          {condition && !on && <option value={condition.field}>{condition.field}</option>}
          {others.map((f) => (
            <option key={f.key} value={f.key}>
              {f.title || f.key}
            </option>
          ))}
        </select>
      </div>
      {condition && on && <ValuesInput id={id} on={on} condition={condition} set={set} />}
      <Message id={id} problem={problem} />
    </fieldset>
  );
}

function ValuesInput({ id, on, condition, set }: { id: string; on: Field; condition: VisibleWhen; set(next: VisibleWhen): void }) {
  const choices: { value: string | boolean; name: string }[] | undefined = on.options
    ? on.options.map((o) => ({ value: o.value, name: o.name || o.value }))
    : on.type === 'checkbox'
      ? [{ value: true, name: t('formBuilder.settings.ticked') }, { value: false, name: t('formBuilder.settings.notTicked') }]
      : undefined;
  if (choices) {
    const toggle = (value: string | boolean, checked: boolean) =>
      set({ ...condition, values: checked ? [...condition.values, value] : condition.values.filter((v) => v !== value) });
    return (
      <div role="group" aria-label={t('formBuilder.settings.visibleWhenValues')}>
        {choices.map((choice, index) => (
          <div className="fb-check" key={String(choice.value)}>
            <input id={`${id}-value-${index}`} type="checkbox" checked={condition.values.includes(choice.value)} onChange={(e) => toggle(choice.value, e.target.checked)} />
            <label htmlFor={`${id}-value-${index}`}>{choice.name}</label>
          </div>
        ))}
      </div>
    );
  }
  return <TypedValues id={id} on={on} condition={condition} set={set} />;
}

/** Values typed one after another, separated by semicolons; what is typed stays as typed while it means the same values. */
function TypedValues({ id, on, condition, set }: { id: string; on: Field; condition: VisibleWhen; set(next: VisibleWhen): void }) {
  const parse = (text: string) =>
    text
      .split(';')
      .map((v) => v.trim())
      .filter((v) => v !== '')
      .map((v) => (on.type === 'number' && Number.isFinite(Number(v)) ? Number(v) : v));
  const [text, setText] = useState(condition.values.join('; '));
  useEffect(() => {
    if (!sameValues(parse(text), condition.values)) setText(condition.values.join('; '));
  }, [condition.values]);
  return (
    <div className="field">
      <label htmlFor={`${id}-values`}>{t('formBuilder.settings.visibleWhenValuesTyped')}</label>
      <input
        id={`${id}-values`}
        type="text"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          set({ ...condition, values: parse(e.target.value) });
        }}
      />
    </div>
  );
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

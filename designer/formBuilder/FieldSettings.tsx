import { t } from '../shared/texts.js';
import type { FieldPath } from './edits.js';
import { settingsOf, type Field, type Setting } from './model.js';
import type { Problem } from './problems.js';
import { CheckboxInput, NumberInput, TextInput } from './inputs.js';
import { ComponentInput, OptionsEditor, VisibleWhenEditor } from './settingEditors.js';
import type { Component } from './widgets.js';

export interface SettingsProps {
  field: Field;
  path: FieldPath;
  siblings: readonly Field[];
  problems: readonly Problem[];
  components: readonly Component[];
  /** Sets settings; `setting` names what changed, so typing into one input is one undo step. */
  update(patch: Partial<Field>, setting: string): void;
}

const NUMBER_SETTINGS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;
const TEXT_SETTINGS = ['placeholder', 'help', 'pattern', 'patternMessage', 'itemTitle'] as const;

/** The selected field's settings, each with its problem under it. */
export function FieldSettings(props: SettingsProps) {
  const { field, path, problems, update } = props;
  const id = (name: string) => `fb-${path.join('-')}-${name}`;
  const problemOf = (setting: string) => problems.find((p) => p.setting === setting);
  const settings = settingsOf(field.type);
  return (
    <section className="fb-settings" aria-labelledby="fb-settings-title">
      <h2 id="fb-settings-title">{t('formBuilder.settings.title', { title: field.title || field.key })}</h2>
      <TextInput id={id('key')} label={t('formBuilder.settings.key')} hint={t('formBuilder.settings.keyHint')} value={field.key} problem={problemOf('key')} onChange={(key) => update({ key }, 'key')} />
      {field.type === 'advanced' ? (
        <Advanced field={field} />
      ) : (
        <>
          <TextInput id={id('title')} label={t('formBuilder.settings.fieldTitle')} value={field.title} problem={problemOf('title')} onChange={(title) => update({ title }, 'title')} />
          <CheckboxInput id={id('required')} label={t('formBuilder.settings.required')} checked={field.required} onChange={(required) => update({ required }, 'required')} />
          {settings.map((setting) => (
            <SettingInput key={setting} setting={setting} id={id(setting)} problemOf={problemOf} {...props} />
          ))}
        </>
      )}
    </section>
  );
}

function SettingInput(props: SettingsProps & { setting: Setting; id: string; problemOf(setting: string): Problem | undefined }) {
  const { setting, id, field, update, problemOf } = props;
  const label = t(`formBuilder.settings.${setting}`);
  if ((NUMBER_SETTINGS as readonly string[]).includes(setting)) {
    const name = setting as (typeof NUMBER_SETTINGS)[number];
    const min = name === 'minimum' || name === 'maximum' ? undefined : 0;
    return <NumberInput id={id} label={label} min={min} value={field[name]} problem={problemOf(name)} onChange={(value) => update({ [name]: value }, name)} />;
  }
  if ((TEXT_SETTINGS as readonly string[]).includes(setting)) {
    const name = setting as (typeof TEXT_SETTINGS)[number];
    const hint = name === 'patternMessage' ? t('formBuilder.settings.patternMessageHint') : undefined;
    return <TextInput id={id} label={label} hint={hint} multiline={name === 'help'} value={field[name]} problem={problemOf(name)} onChange={(value) => update({ [name]: value }, name)} />;
  }
  switch (setting) {
    case 'integer':
      return <CheckboxInput id={id} label={label} checked={field.integer === true} onChange={(integer) => update({ integer: integer || undefined }, 'integer')} />;
    case 'options':
      return <OptionsEditor {...props} />;
    case 'component':
      return <ComponentInput {...props} />;
    case 'visibleWhen':
      return <VisibleWhenEditor {...props} />;
    default:
      return null;
  }
}

function Advanced({ field }: { field: Field }) {
  return (
    <div className="fb-advanced">
      <p className="notice">{t('formBuilder.settings.advanced')}</p>
      <pre tabIndex={0} aria-label={t('formBuilder.settings.advancedSchema')}>
        {JSON.stringify(field.schema, null, 2)}
      </pre>
    </div>
  );
}

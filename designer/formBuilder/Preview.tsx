import { useMemo, useState } from 'react';
import Form from '@rjsf/core';
import { englishStringTranslator, TranslatableString, type RegistryWidgetsType } from '@rjsf/utils';
import defs from '../../forms/common/defs.schema.json';
import { dateWidget } from '../shared/dateWidget.js';
import { listButtonTemplates, type ItemAction, type ListAction } from '../shared/rjsfButtons.js';
import { t } from '../shared/texts.js';
import type { Schema } from './model.js';
import { CUSTOM_WIDGETS, drawableSchemaOf, uiSchemaOf } from './previewSchema.js';
import { previewValidation } from './previewValidator.js';
import { AttachmentWidget, ProvinceWidget, type Component, type PreviewContext } from './widgets.js';

const WIDGETS: RegistryWidgetsType = {
  DateWidget: dateWidget(() => t('formBuilder.preview.datePlaceholder')),
  [CUSTOM_WIDGETS.attachment]: AttachmentWidget,
  [CUSTOM_WIDGETS.province]: ProvinceWidget,
};

/** rjsf's own words (the error summary, yes/no, an empty list) in the page's language. */
const RJSF_TEXTS: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ErrorsLabel]: 'formBuilder.preview.errors',
  [TranslatableString.EmptyArray]: 'formBuilder.preview.emptyList',
  [TranslatableString.YesLabel]: 'formBuilder.preview.yes',
  [TranslatableString.NoLabel]: 'formBuilder.preview.no',
  [TranslatableString.OptionalObjectAdd]: 'formBuilder.preview.addOptional',
  [TranslatableString.OptionalObjectRemove]: 'formBuilder.preview.removeOptional',
};

const LIST_WORDS: Readonly<Record<ListAction, string>> = {
  add: 'formBuilder.preview.addItem',
  remove: 'formBuilder.preview.removeItem',
  moveUp: 'formBuilder.preview.moveItemUp',
  moveDown: 'formBuilder.preview.moveItemDown',
  copy: 'formBuilder.preview.copyItem',
};

const ITEM_NAMES: Readonly<Record<ItemAction, string>> = {
  remove: 'formBuilder.preview.removeItemAt',
  moveUp: 'formBuilder.preview.moveItemUpAt',
  moveDown: 'formBuilder.preview.moveItemDownAt',
  copy: 'formBuilder.preview.copyItemAt',
};

/** The buttons of a repeatable group in words, as the applicant will see them; each item's buttons name the item. */
const TEMPLATES = listButtonTemplates({
  word: (action) => t(LIST_WORDS[action]),
  forItem: (action, position) => t(ITEM_NAMES[action], { position }),
});

/** The form starts blank: no option chosen for the applicant, no empty objects to fill. */
const BLANK_START = { emptyObjectFields: 'skipEmptyDefaults', constAsDefaults: 'never' } as const;

function translateString(text: TranslatableString, params?: string[]): string {
  const key = RJSF_TEXTS[text];
  return key ? t(key) : englishStringTranslator(text, params);
}

/** The form as the applicant will fill it in, checked with the server's rules and messages. */
export function Preview({ schema, components }: { schema: Schema; components: readonly Component[] }) {
  const [formData, setFormData] = useState<unknown>({});
  const drawable = useMemo(() => drawableSchemaOf(schema, defs as Schema), [schema]);
  const { validator, problem } = useMemo(() => previewValidation(schema, defs as Schema), [schema]);
  const uiSchema = useMemo(
    () => ({ ...uiSchemaOf(drawable, formData, { choose: t('formBuilder.preview.choose') }), 'ui:submitButtonOptions': { submitText: t('formBuilder.preview.check') } }),
    [drawable, formData],
  );
  const context: PreviewContext = useMemo(() => ({ components }), [components]);
  return (
    <section className="fb-preview" aria-labelledby="fb-preview-title">
      <h2 id="fb-preview-title">{t('formBuilder.preview.title')}</h2>
      <p className="muted">{t('formBuilder.preview.hint')}</p>
      {problem && (
        <p className="notice" role="alert">
          {t('formBuilder.preview.schemaProblem', { problem })}
        </p>
      )}
      <Form
        schema={drawable}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        formContext={context}
        widgets={WIDGETS}
        templates={TEMPLATES}
        translateString={translateString}
        liveValidate="onBlur"
        showErrorList="top"
        noHtml5Validate
        experimental_defaultFormStateBehavior={BLANK_START}
        onChange={(event) => setFormData(event.formData)}
        onSubmit={() => undefined}
      />
    </section>
  );
}

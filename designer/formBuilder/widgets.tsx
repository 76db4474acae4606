/**
 * The preview's own widgets: the province of an address picked from the list, and the
 * attachment of a procedure component (dates use the shared `dateWidget`).
 */
import type { WidgetProps } from '@rjsf/utils';
import { t } from '../shared/texts.js';
import { PROVINCES } from './provinces.js';

export interface Component {
  code: string;
  name: string;
}

/** What the preview's widgets read from rjsf's `formContext`. */
export interface PreviewContext {
  components: readonly Component[];
}

function describedBy(id: string, rawErrors: readonly string[] | undefined): string {
  return [rawErrors?.length ? `${id}__error` : '', `${id}__help`].filter(Boolean).join(' ');
}

/** The province of an address, from the current list of provinces. */
export function ProvinceWidget(props: WidgetProps) {
  const { id, value, required, disabled, readonly, onChange, onBlur, onFocus, rawErrors } = props;
  return (
    <select
      id={id}
      name={id}
      className="form-control"
      value={typeof value === 'string' ? value : ''}
      required={required}
      disabled={disabled || readonly}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={describedBy(id, rawErrors)}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      <option value="">{t('formBuilder.preview.chooseProvince')}</option>
      {PROVINCES.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </select>
  );
}

/** The file for one component of the dossier; choosing a file records the component's code. */
export function AttachmentWidget(props: WidgetProps) {
  const { id, schema, value, required, disabled, readonly, onChange, rawErrors, registry } = props;
  const code = typeof schema.const === 'string' ? schema.const : '';
  const context = registry.formContext as PreviewContext | undefined;
  const name = context?.components.find((c) => c.code === code)?.name ?? code;
  return (
    <div className="fb-attachment">
      <p className="muted" id={`${id}__component`}>
        {t('formBuilder.preview.attachmentFor', { name })}
      </p>
      <input
        id={id}
        name={id}
        type="file"
        required={required}
        disabled={disabled || readonly}
        aria-invalid={rawErrors?.length ? true : undefined}
        aria-describedby={`${id}__component ${describedBy(id, rawErrors)}`}
        onChange={(event) => onChange(event.target.files?.length ? code : undefined)}
      />
      {value === code && <p className="fb-attached">{t('formBuilder.preview.attached')}</p>}
    </div>
  );
}

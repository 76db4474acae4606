import { t } from '../shared/texts.js';
import { FIELD_TYPES, type FieldType } from './model.js';

/** One button per field type; the new field goes into the selected group, else at the end of the form. */
export function Palette({ onAdd, into }: { onAdd(type: FieldType): void; into: string | null }) {
  return (
    <section className="fb-palette" aria-labelledby="fb-palette-title">
      <h2 id="fb-palette-title">{t('formBuilder.palette.title')}</h2>
      <p className="muted fb-into">{into === null ? t('formBuilder.palette.intoForm') : t('formBuilder.palette.intoGroup', { title: into })}</p>
      <ul>
        {FIELD_TYPES.map((type) => (
          <li key={type}>
            <button type="button" className="secondary" data-field-type={type} onClick={() => onAdd(type)}>
              <span aria-hidden="true" className="fb-plus">+</span> {t(`formBuilder.type.${type}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

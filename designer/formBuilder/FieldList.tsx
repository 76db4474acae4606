import { useState, type DragEvent } from 'react';
import { t } from '../shared/texts.js';
import type { FieldPath } from './edits.js';
import type { Field } from './model.js';
import type { Problem } from './problems.js';

export interface FieldListActions {
  select(path: FieldPath): void;
  move(path: FieldPath, offset: number): void;
  remove(path: FieldPath): void;
}

interface ListProps {
  fields: readonly Field[];
  selected: FieldPath | null;
  problems: readonly Problem[];
  actions: FieldListActions;
}

/** The form's fields in order, with the buttons to select, move and remove each; groups show their own fields. */
export function FieldList(props: ListProps) {
  return (
    <section className="fb-fields" aria-labelledby="fb-fields-title">
      <h2 id="fb-fields-title">{t('formBuilder.fields.title')}</h2>
      {props.fields.length === 0 ? <p className="muted">{t('formBuilder.fields.empty')}</p> : <Items {...props} at={[]} />}
    </section>
  );
}

function Items({ fields, at, ...rest }: ListProps & { at: FieldPath }) {
  const [dragged, setDragged] = useState<number | null>(null);
  const drop = (event: DragEvent, index: number) => {
    event.preventDefault();
    if (dragged !== null && dragged !== index) rest.actions.move([...at, dragged], index - dragged);
    setDragged(null);
  };
  return (
    <ol className="fb-list">
      {fields.map((field, index) => (
        <li
          key={index}
          draggable
          onDragStart={(event) => {
            event.stopPropagation();
            setDragged(index);
          }}
          onDragOver={(event) => dragged !== null && event.preventDefault()}
          onDrop={(event) => drop(event, index)}
        >
          <Item field={field} path={[...at, index]} last={index === fields.length - 1} {...rest} />
          {field.type === 'group' && <Items fields={field.fields ?? []} at={[...at, index]} {...rest} />}
        </li>
      ))}
    </ol>
  );
}

function Item({ field, path, last, selected, problems, actions }: Omit<ListProps, 'fields'> & { field: Field; path: FieldPath; last: boolean }) {
  const isSelected = selected !== null && selected.join('.') === path.join('.');
  const count = problems.filter((p) => p.path.join('.') === path.join('.')).length;
  const title = field.title || field.key;
  return (
    <div className={`fb-item${isSelected ? ' selected' : ''}`} data-field-key={field.key}>
      <button type="button" className="fb-select" aria-pressed={isSelected} onClick={() => actions.select(path)}>
        <span className="fb-title">
          {title}
          {field.required && <span className="fb-required" aria-label={t('formBuilder.fields.required')}> *</span>}
        </span>
        <span className="fb-meta">
          {t(`formBuilder.type.${field.type}`)} · <code>{field.key}</code>
        </span>
        {count > 0 && <span className="badge overdue">{t('formBuilder.fields.problems', { count })}</span>}
      </button>
      <span className="fb-item-actions">
        <button type="button" className="secondary" disabled={path[path.length - 1] === 0} aria-label={t('formBuilder.fields.moveUp', { title })} onClick={() => actions.move(path, -1)}>
          ↑
        </button>
        <button type="button" className="secondary" disabled={last} aria-label={t('formBuilder.fields.moveDown', { title })} onClick={() => actions.move(path, 1)}>
          ↓
        </button>
        <button type="button" className="secondary" aria-label={t('formBuilder.fields.remove', { title })} onClick={() => actions.remove(path)}>
          ✕
        </button>
      </span>
    </div>
  );
}

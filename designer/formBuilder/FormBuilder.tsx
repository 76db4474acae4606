import { useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { keyAction } from '../modeler/keyAction.js';
import { t } from '../shared/texts.js';
import { addField, fieldAt, moveField, newField, removeField, siblingsAt, updateField, type FieldPath } from './edits.js';
import { FieldList } from './FieldList.js';
import { FieldSettings } from './FieldSettings.js';
import type { Field, FieldType } from './model.js';
import { Palette } from './Palette.js';
import { Preview } from './Preview.js';
import { problemsOf } from './problems.js';
import type { BuilderStore } from './store.js';
import type { Component } from './widgets.js';

/** Where typing keeps the browser's own undo: text inputs, not checkboxes, buttons or lists. */
const EDITABLE = [
  'textarea',
  '[contenteditable]:not([contenteditable="false"])',
  'input:not([type="checkbox"]):not([type="radio"]):not([type="file"]):not([type="button"]):not([type="submit"])',
].join(', ');

export function FormBuilder({ store, components }: { store: BuilderStore; components: readonly Component[] }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const fields = state.history.present;
  const schema = useMemo(() => store.schema(), [store, fields]);
  const problems = useMemo(() => problemsOf(fields, { components: components.length > 0 ? components.map((c) => c.code) : undefined }), [fields, components]);
  const [announcement, setAnnouncement] = useState('');
  const selectedField = state.selected ? fieldAt(fields, state.selected) : undefined;
  const selectedGroup = selectedField?.type === 'group' ? state.selected : null;

  const add = (type: FieldType) => {
    const into = selectedGroup ?? [];
    const siblings = into.length === 0 ? fields : (fieldAt(fields, into)?.fields ?? []);
    const field = newField(type, siblings, components);
    const added = addField(fields, field, into);
    store.edit(added.fields, { selected: added.path });
    setAnnouncement(t('formBuilder.announce.added', { title: field.title }));
  };
  const actions = {
    select: (path: FieldPath) => store.select(path),
    move: (path: FieldPath, offset: number) => {
      const moved = moveField(fields, path, offset);
      store.edit(moved.fields, { selected: moved.path });
    },
    remove: (path: FieldPath) => {
      const title = fieldAt(fields, path)?.title ?? '';
      store.edit(removeField(fields, path), { selected: null });
      setAnnouncement(t('formBuilder.announce.removed', { title }));
    },
  };
  const update = (patch: Partial<Field>, setting: string) => {
    if (!state.selected) return;
    store.edit(updateField(fields, state.selected, patch), { mergeKey: `${state.selected.join('.')}:${setting}` });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const action = keyAction(event);
    if (!action || (event.target instanceof Element && event.target.closest(EDITABLE))) return;
    event.preventDefault();
    if (action === 'undo') store.undo();
    else store.redo();
  };

  return (
    <div className="fb" onKeyDown={onKeyDown}>
      <div className="fb-toolbar" role="toolbar" aria-label={t('formBuilder.toolbar')}>
        <button type="button" className="secondary" disabled={state.history.past.length === 0} onClick={store.undo} aria-keyshortcuts="Control+Z">
          {t('formBuilder.undo')}
        </button>
        <button type="button" className="secondary" disabled={state.history.future.length === 0} onClick={store.redo} aria-keyshortcuts="Control+Y">
          {t('formBuilder.redo')}
        </button>
        <span className={problems.length > 0 ? 'badge overdue' : 'badge ok'} data-problem-count={problems.length}>
          {problems.length > 0 ? t('formBuilder.problemCount', { count: problems.length }) : t('formBuilder.noProblems')}
        </span>
      </div>
      <p className="fb-live" aria-live="polite">
        {announcement}
      </p>
      <div className="fb-columns">
        <div className="fb-edit">
          <Palette onAdd={add} into={selectedGroup ? (selectedField?.title ?? '') : null} />
          <FieldList fields={fields} selected={state.selected} problems={problems} actions={actions} />
          {selectedField && state.selected ? (
            <FieldSettings
              field={selectedField}
              path={state.selected}
              siblings={siblingsAt(fields, state.selected)}
              problems={problems.filter((p) => p.path.join('.') === state.selected?.join('.'))}
              components={components}
              update={update}
            />
          ) : (
            <p className="muted fb-settings">{t('formBuilder.settings.none')}</p>
          )}
        </div>
        <Preview schema={schema} components={components} />
      </div>
    </div>
  );
}

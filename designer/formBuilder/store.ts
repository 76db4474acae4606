/**
 * The builder's state outside React, so the mount handle reads and replaces the schema
 * synchronously: the field list with its history, what the form keeps besides its fields,
 * and the selected field. Every edit goes through `edit`, which records it for undo.
 */
import { fieldsOf, formOptionsOf, schemaOf, type Field, type FormOptions, type Schema } from './model.js';
import { record, redo, startHistory, undo, type History } from './history.js';
import type { FieldPath } from './edits.js';

export interface BuilderState {
  readonly history: History<Field[]>;
  readonly options: FormOptions;
  readonly selected: FieldPath | null;
}

export interface BuilderStore {
  getState(): BuilderState;
  subscribe(listener: () => void): () => void;
  /** Records the new field list (merged with the previous edit when `mergeKey` repeats) and selects `selected`. */
  edit(fields: Field[], options?: { mergeKey?: string; selected?: FieldPath | null }): void;
  select(path: FieldPath | null): void;
  undo(): void;
  redo(): void;
  schema(): Schema;
  /** Replaces the form: a new history, nothing selected, no `onChange`. */
  load(schema: Schema): void;
}

const EMPTY_FORM: Schema = { type: 'object', properties: {} };

export function createBuilderStore(schema: Schema | undefined, onChange?: (schema: Schema) => void): BuilderStore {
  let state = initialState(schema ?? EMPTY_FORM);
  const listeners = new Set<() => void>();
  const schemaOfState = () => schemaOf(state.history.present, state.options);

  const set = (next: BuilderState, notify: boolean) => {
    const changed = next.history.present !== state.history.present;
    state = next;
    for (const listener of listeners) listener();
    if (changed && notify) onChange?.(schemaOfState());
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit(fields, { mergeKey, selected } = {}) {
      set({ ...state, history: record(state.history, fields, mergeKey), selected: selected === undefined ? state.selected : selected }, true);
    },
    // A new selection starts a new edit: typing there is not merged with typing before.
    select: (path) => set({ ...state, history: { ...state.history, mergeKey: undefined }, selected: path }, false),
    undo: () => set(afterTimeTravel(state, undo(state.history)), true),
    redo: () => set(afterTimeTravel(state, redo(state.history)), true),
    schema: schemaOfState,
    load: (next) => set(initialState(next), false),
  };
}

function initialState(schema: Schema): BuilderState {
  return { history: startHistory(fieldsOf(schema)), options: formOptionsOf(schema), selected: null };
}

/** After undo or redo the selection stays only if the field is still there. */
function afterTimeTravel(state: BuilderState, history: History<Field[]>): BuilderState {
  const selected = state.selected && exists(history.present, state.selected) ? state.selected : null;
  return { ...state, history: { ...history, mergeKey: undefined }, selected };
}

function exists(fields: readonly Field[], path: FieldPath): boolean {
  const [index, ...rest] = path;
  const field = fields[index];
  return field !== undefined && (rest.length === 0 || exists(field.fields ?? [], rest));
}

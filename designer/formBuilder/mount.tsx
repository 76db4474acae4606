import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FormBuilder } from './FormBuilder.js';
import type { Schema } from './model.js';
import { createBuilderStore } from './store.js';
import type { Component } from './widgets.js';

export interface FormBuilderOptions {
  /** The form to edit; a new empty form without one. */
  schema?: object;
  /** The procedure's components, which attachment fields name. */
  components?: { code: string; name: string }[];
  /** Called with the whole schema after every edit, undo and redo (not after `setSchema`). */
  onChange?(schema: object): void;
}

export interface FormBuilderHandle {
  getSchema(): object;
  setSchema(schema: object): void;
  destroy(): void;
}

/** Draws the form builder into `element`; the handle reads and replaces the schema being edited. */
export function mountFormBuilder(element: HTMLElement, options: FormBuilderOptions = {}): FormBuilderHandle {
  const store = createBuilderStore(options.schema as Schema | undefined, options.onChange);
  const components: readonly Component[] = options.components ?? [];
  const root = createRoot(element);
  root.render(
    <StrictMode>
      <FormBuilder store={store} components={components} />
    </StrictMode>,
  );
  return {
    getSchema: () => store.schema(),
    setSchema: (schema) => store.load(schema as Schema),
    destroy: () => root.unmount(),
  };
}

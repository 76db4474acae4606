// The one place the studio meets the form builder (designer/formBuilder/).
import { mountFormBuilder as mount } from '../formBuilder/mount.js';
import type { JsonSchema, ProcedureComponent } from './types.js';

export interface FormBuilder {
  getSchema(): JsonSchema;
  setSchema(schema: JsonSchema): void;
  destroy(): void;
}

export interface FormBuilderOptions {
  readonly schema: JsonSchema;
  readonly components: readonly ProcedureComponent[];
  readonly onChange: () => void;
}

/** The form builder on the procedure's submission form; attachment fields may name the procedure's components. */
export function mountFormBuilder(element: HTMLElement, options: FormBuilderOptions): FormBuilder {
  const handle = mount(element, {
    schema: options.schema,
    components: options.components.map((c) => ({ code: c.code, name: c.name })),
    onChange: () => options.onChange(),
  });
  return {
    getSchema: () => handle.getSchema() as JsonSchema,
    setSchema: (schema) => handle.setSchema(schema),
    destroy: () => handle.destroy(),
  };
}

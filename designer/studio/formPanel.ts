import { t } from '../shared/texts.js';
import { h, messageOf, required } from './dom.js';
import { mountFormBuilder, type FormBuilder } from './formBuilderLink.js';
import type { JsonSchema, PathProblem, ProcedureComponent } from './types.js';

/** The "Biểu mẫu" panel: the form builder on the procedure's submission form, and the form's problems. */
export interface FormPanel {
  /** The submission form as edited. */
  schema(): JsonSchema;
  /** Whether the designer changed the form since it was loaded or last deployed. */
  edited(): boolean;
  /** The form as it is now is the deployed one. */
  markDeployed(): void;
  showProblems(problems: readonly PathProblem[]): void;
}

export function mountFormPanel(panel: HTMLElement, options: {
  /** The form's id under forms/, and its schema (none yet for a new procedure). */
  readonly formId: string;
  readonly schema: JsonSchema | undefined;
  readonly components: readonly ProcedureComponent[];
  readonly onChange: () => void;
}): FormPanel {
  required(panel, '[data-form-id]').textContent = t('studio.form.formId', { id: options.formId });
  let current: JsonSchema = options.schema ?? emptyForm();
  let edited = false;
  try {
    let builder: FormBuilder | undefined = undefined;
    builder = mountFormBuilder(required(panel, '[data-form-builder]'), {
      schema: current,
      components: options.components,
      onChange: () => {
        if (builder) current = builder.getSchema();
        edited = true;
        options.onChange();
      },
    });
    current = builder.getSchema();
  } catch (error) {
    required(panel, '[data-form-error]').textContent = t('studio.form.unavailable', { message: messageOf(error) });
  }
  return panelHandle(panel, {
    schema: () => current,
    edited: () => edited,
    markDeployed: () => {
      edited = false;
    },
  });
}

function panelHandle(panel: HTMLElement, state: Pick<FormPanel, 'schema' | 'edited' | 'markDeployed'>): FormPanel {
  const box = required(panel, '[data-form-problems]');
  return {
    ...state,
    showProblems(problems) {
      box.hidden = problems.length === 0;
      required(box, 'ul').replaceChildren(...problems.map((p) => h('li', {}, p.path ? `${p.path}: ${p.message}` : p.message)));
    },
  };
}

/** A new procedure's submission form before the designer adds fields. */
function emptyForm(): JsonSchema {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Tờ khai', type: 'object', properties: {}, additionalProperties: false };
}

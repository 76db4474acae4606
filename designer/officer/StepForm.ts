import { createElement as h, useEffect, useRef, useState, type FormEvent } from 'react';
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { dateWidget } from '../shared/dateWidget.js';
import { api, ApiError } from '../shared/http.js';
import { t } from '../shared/texts.js';
import { LIST_TEMPLATES, translateString } from './rjsfTexts.js';
import { errorTree, uiSchemaOf, visibleData, visibleSchema, type Schema } from './stepSchema.js';

/** An open step the officer may work, as the dossier page sends it. */
export interface WorkStep {
  readonly id: string;
  readonly name: string;
  readonly stepKind: string;
  readonly assignee: string | null;
  readonly outcomes: readonly { value: string; label: string }[];
  readonly schema: Schema | null;
}

const WIDGETS = { dmyDate: dateWidget(() => 'dd/MM/yyyy') };

/**
 * The decision on one step: the outcome, then the step's own form (fields shown for
 * that outcome). An unassigned step is claimed first. The server checks the data; its
 * field messages show on the fields. Success reloads the page with the new state.
 */
export function StepForm({ step, me }: { step: WorkStep; me: string }) {
  const [assignee, setAssignee] = useState(step.assignee);
  const [data, setData] = useState<Record<string, unknown>>({ outcome: step.outcomes[0]?.value });
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const shown = step.schema ? visibleSchema(step.schema, data) : null;

  useEffect(() => {
    const box = root.current;
    if (!box || (!message && Object.keys(errors).length === 0)) return;
    const field = box.querySelector<HTMLElement>('.has-error input, .has-error textarea, .has-error select');
    (field ?? box.querySelector<HTMLElement>('[data-step-message]'))?.focus();
  }, [errors, message]);

  const claim = async () => {
    const task = await api<{ assignee: string }>('POST', `/api/tasks/${step.id}/claim`);
    setAssignee(task.assignee);
  };

  const submit = async () => {
    setBusy(true);
    setMessage('');
    try {
      if (!assignee) await claim();
      const { outcome, ...rest } = data;
      const formData = shown ? visibleData(shown, rest) : {};
      await api('POST', `/api/tasks/${step.id}/complete`, { outcome, formData });
      setMessage(t('officer.work.done'));
      window.location.reload();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      const { tree, others } = errorTree(fields);
      setErrors(tree);
      setMessage([error instanceof Error ? error.message : String(error), ...others].join(' '));
      setBusy(false);
    }
  };

  const onClaim = () => {
    setBusy(true);
    claim()
      .then(() => setMessage(t('officer.work.claimed')))
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };

  const submitButton = h('button', { type: 'submit', disabled: busy }, assignee ? t('officer.work.submit') : t('officer.work.claimAndSubmit'));
  return h(
    'div',
    { ref: root, className: 'officer-step-work' },
    assignee === null
      ? h('p', { className: 'officer-claim' }, t('officer.work.unassignedHint'), ' ', h('button', { type: 'button', className: 'secondary', onClick: onClaim, disabled: busy }, t('officer.work.claim')))
      : assignee === me
        ? h('p', { className: 'muted' }, t('officer.work.yours'))
        : null,
    h(
      'fieldset',
      { className: 'officer-outcomes' },
      h('legend', null, t('officer.work.outcome')),
      ...step.outcomes.map((o) =>
        h(
          'label',
          { key: o.value, className: 'officer-outcome' },
          h('input', {
            type: 'radio',
            name: `outcome-${step.id}`,
            value: o.value,
            checked: data.outcome === o.value,
            onChange: () => setData({ ...data, outcome: o.value }),
          }),
          ' ',
          o.label,
        ),
      ),
    ),
    shown
      ? h(
          Form,
          {
            schema: shown as RJSFSchema,
            uiSchema: { ...uiSchemaOf(shown), outcome: { 'ui:widget': 'hidden' } },
            validator,
            formData: data,
            idPrefix: `step-${step.id}`,
            noValidate: true,
            noHtml5Validate: true,
            showErrorList: false,
            extraErrors: errors as ErrorSchema,
            widgets: WIDGETS,
            templates: LIST_TEMPLATES,
            translateString,
            onChange: (event) => setData({ ...(event.formData as Record<string, unknown>), outcome: data.outcome }),
            onSubmit: () => void submit(),
          },
          submitButton,
        )
      : h('form', { onSubmit: (event: FormEvent) => (event.preventDefault(), void submit()) }, submitButton),
    h('p', { role: 'alert', className: 'error', tabIndex: -1, 'data-step-message': '' }, message),
  );
}

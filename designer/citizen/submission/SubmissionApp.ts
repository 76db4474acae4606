import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { createElement as h, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { createFormRegistry } from '../../../forms/FormRegistry.js';
import { api, ApiError } from '../../shared/http.js';
import { formatDateTime } from '../../shared/format.js';
import { t } from '../../shared/texts.js';
import { rememberProof, type Proof } from '../proof.js';
import { clearDraft, loadDraft, saveDraft } from './draft.js';
import { messagesOf, submissionErrors, type FieldMessage, type SubmissionErrors } from './errorSchemas.js';
import { FORM_TEMPLATES, FORM_WIDGETS } from './formParts.js';
import { inlineRefs } from './inlineRefs.js';
import { pruneEmpty } from './pruneEmpty.js';
import { Review } from './Review.js';
import { SentPanel } from './SentPanel.js';
import type { ChosenFile, SubmissionPageData } from './SubmissionData.js';
import { uiSchemaFor } from './uiSchemaFor.js';
import { Uploads } from './Uploads.js';
import { formValidator } from './formValidator.js';

type Step = 'edit' | 'review' | 'sending' | 'sent';
type Data = Record<string, unknown>;

const NO_ERRORS: SubmissionErrors = { applicant: {}, formData: {}, agency: [], general: [] };

/**
 * Online submission: the applicant block and the procedure's form drawn from their
 * JSON Schemas, the papers, the receiving desk, a review, then the public API. The
 * browser checks with the same schemas and messages as the server; the server's
 * answer still decides, and its field messages land on the same fields. What is typed
 * stays in the tab's sessionStorage until the dossier is sent.
 */
export function SubmissionApp({ data }: { readonly data: SubmissionPageData }) {
  const code = data.procedure.code;
  const registry = useMemo(() => createFormRegistry(data.forms), [data]);
  const applicantSchema = useMemo(() => inlineRefs(data.forms, data.applicantFormId), [data]);
  const formSchema = useMemo(() => inlineRefs(data.forms, data.formId), [data]);
  const draft = useMemo(() => loadDraft(code), [code]);
  const [applicant, setApplicant] = useState<Data>(draft?.applicant ?? {});
  const [formData, setFormData] = useState<Data>(draft?.formData ?? {});
  const [agency, setAgency] = useState(draft?.agency || (data.agencies.length === 1 ? data.agencies[0]!.id : ''));
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [step, setStep] = useState<Step>('edit');
  const [errors, setErrors] = useState<SubmissionErrors>(NO_ERRORS);
  const [failure, setFailure] = useState('');
  const [checked, setChecked] = useState(false);
  const [restored, setRestored] = useState(draft !== undefined);
  const [proof, setProof] = useState<Proof>();
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 'edit' || step === 'review') saveDraft(code, { applicant, formData, agency });
  }, [code, applicant, formData, agency, step]);

  const problemsOf = (nextApplicant: Data, nextForm: Data, nextAgency: string): FieldMessage[] => [
    ...registry.validate(data.applicantFormId, pruneEmpty(nextApplicant) ?? {}).map((f) => ({ path: `/applicant${f.path}`, message: f.message })),
    ...registry.validate(data.formId, pruneEmpty(nextForm) ?? {}).map((f) => ({ path: `/formData${f.path}`, message: f.message })),
    ...(nextAgency ? [] : [{ path: '/agency', message: t('citizen.submit.agencyRequired') }]),
  ];
  // After the first attempt, messages follow the typing so a fixed field clears at once.
  const recheck = (nextApplicant: Data, nextForm: Data, nextAgency: string) => {
    if (checked) setErrors(submissionErrors(problemsOf(nextApplicant, nextForm, nextAgency)));
  };

  const showProblems = (fields: readonly FieldMessage[], message: string) => {
    setErrors(submissionErrors(fields));
    setFailure(message);
    setStep('edit');
    requestAnimationFrame(() => summary.current?.focus());
  };

  const toReview = (event?: FormEvent) => {
    event?.preventDefault();
    setChecked(true);
    const fields = problemsOf(applicant, formData, agency);
    if (fields.length) {
      showProblems(fields, t('citizen.submit.fixFields', { count: fields.length }));
      return;
    }
    setErrors(NO_ERRORS);
    setFailure('');
    setStep('review');
    requestAnimationFrame(() => heading.current?.focus());
  };

  const send = async () => {
    setStep('sending');
    setFailure('');
    const body = { procedure: code, applicant: pruneEmpty(applicant) ?? {}, formData: pruneEmpty(formData) ?? {}, ...(agency ? { agency } : {}) };
    try {
      const answer = await api<{ code: string }>('POST', '/api/public/dossiers', body);
      const sent: Proof = { code: answer.code, idNumber: String(body.applicant.idNumber ?? '') };
      rememberProof(sent);
      clearDraft(code);
      setProof(sent);
      setStep('sent');
    } catch (error) {
      if (error instanceof ApiError && error.fields.length) showProblems(error.fields, error.message);
      else {
        setFailure(error instanceof Error ? error.message : String(error));
        setStep('review');
        requestAnimationFrame(() => summary.current?.focus());
      }
    }
  };

  const startOver = () => {
    clearDraft(code);
    setApplicant({});
    setFormData({});
    setAgency(data.agencies.length === 1 ? data.agencies[0]!.id : '');
    setErrors(NO_ERRORS);
    setChecked(false);
    setRestored(false);
  };

  const agencyName = data.agencies.find((a) => a.id === agency)?.name ?? '';
  const allMessages = [...errors.general, ...messagesOf(errors.applicant), ...messagesOf(errors.formData), ...errors.agency];
  const alertBox = h(
    'div',
    { ref: summary, tabIndex: -1, role: 'alert', className: failure || allMessages.length ? 'error-summary' : 'error-summary empty' },
    failure ? h('p', null, h('strong', null, failure)) : null,
    step === 'edit' && allMessages.length ? h('ul', null, ...allMessages.map((message, index) => h('li', { key: index }, message))) : null,
  );

  if (step === 'sent' && proof) return h(SentPanel, { proof, files, components: data.components });

  const reviewing = step === 'review' || step === 'sending';
  return h(
    'div',
    { className: 'submission' },
    h(Steps, { current: reviewing ? 2 : 1 }),
    alertBox,
    reviewing
      ? h(
          'section',
          { 'aria-labelledby': 'review-title' },
          h('h2', { id: 'review-title', ref: heading, tabIndex: -1 }, t('citizen.review.title')),
          h('p', { className: 'muted' }, t('citizen.review.intro')),
          h(Review, { applicantSchema, formSchema, applicant: pruneEmpty(applicant) ?? {}, formData: pruneEmpty(formData) ?? {}, agencyName, components: data.components, files }),
          h('div', { className: 'actions' },
            h('button', { type: 'button', className: 'secondary', onClick: () => setStep('edit'), disabled: step === 'sending' }, t('citizen.review.back')),
            h('button', { type: 'button', onClick: () => void send(), disabled: step === 'sending', 'data-send': true }, step === 'sending' ? t('citizen.review.sending') : t('citizen.review.send'))),
        )
      : h(
          'form',
          { noValidate: true, onSubmit: toReview, 'aria-describedby': 'submission-expected' },
          restored ? h('div', { className: 'notice', role: 'status' }, h('p', null, t('citizen.submit.draftRestored')), h('button', { type: 'button', className: 'secondary', onClick: startOver }, t('citizen.submit.draftDiscard'))) : null,
          h('p', { className: 'muted', id: 'submission-expected' }, t('citizen.submit.expectedDue', { date: formatDateTime(data.expectedDue) })),
          h(Section, { title: t('citizen.submit.applicantTitle'), id: 'applicant-title' },
            h(Form, {
              schema: applicantSchema as RJSFSchema, uiSchema: { ...uiSchemaFor(applicantSchema, applicant), 'ui:title': '' }, formData: applicant, validator: formValidator, idPrefix: 'applicant',
              extraErrors: errors.applicant, noValidate: true, noHtml5Validate: true, showErrorList: false, templates: FORM_TEMPLATES, widgets: FORM_WIDGETS, tagName: 'div',
              onChange: (event) => {
                const next = (event.formData ?? {}) as Data;
                setApplicant(next);
                recheck(next, formData, agency);
              },
            }, h('span', null)),
          ),
          h(Section, { title: String(formSchema.title ?? t('citizen.submit.formTitle')), id: 'form-title' },
            h(Form, {
              schema: formSchema as RJSFSchema, uiSchema: { ...uiSchemaFor(formSchema, formData), 'ui:title': '' }, formData, validator: formValidator, idPrefix: 'form',
              extraErrors: errors.formData, noValidate: true, noHtml5Validate: true, showErrorList: false, templates: FORM_TEMPLATES, widgets: FORM_WIDGETS, tagName: 'div',
              onChange: (event) => {
                const next = (event.formData ?? {}) as Data;
                setFormData(next);
                recheck(applicant, next, agency);
              },
            }, h('span', null)),
          ),
          h(AgencyChoice, { agencies: data.agencies, value: agency, messages: errors.agency, onChange: (next: string) => { setAgency(next); recheck(applicant, formData, next); } }),
          h(Uploads, {
            components: data.components, limits: data.uploads, files,
            onAdd: (added) => setFiles((current) => [...current, ...added]),
            onRemove: (key) => setFiles((current) => current.filter((f) => f.key !== key)),
          }),
          h('div', { className: 'actions' }, h('button', { type: 'submit' }, t('citizen.submit.continue'))),
        ),
  );
}

function Steps({ current }: { readonly current: number }) {
  const names = [t('citizen.steps.fill'), t('citizen.steps.review'), t('citizen.steps.receipt')];
  return h('ol', { className: 'steps', 'aria-label': t('citizen.steps.label') }, ...names.map((name, index) =>
    h('li', { key: name, className: index + 1 === current ? 'current' : '', 'aria-current': index + 1 === current ? 'step' : undefined }, name)));
}

function Section({ title, id, children }: { readonly title: string; readonly id: string; readonly children?: ReactNode }) {
  return h('section', { className: 'card', 'aria-labelledby': id }, h('h2', { id }, title), children);
}

interface AgencyProps {
  readonly agencies: SubmissionPageData['agencies'];
  readonly value: string;
  readonly messages: readonly string[];
  readonly onChange: (agency: string) => void;
}

/** Where the dossier is received: a choice when several desks receive it, a fact when one does. */
function AgencyChoice({ agencies, value, messages, onChange }: AgencyProps) {
  const title = h('h2', { id: 'agency-title' }, t('citizen.submit.agencyTitle'));
  if (agencies.length === 1) return h('section', { className: 'card', 'aria-labelledby': 'agency-title' }, title, h('p', null, agencies[0]!.name, agencies[0]!.address ? ` — ${agencies[0]!.address}` : ''));
  return h(
    'section',
    { className: 'card', 'aria-labelledby': 'agency-title' },
    title,
    h('div', { className: `field${messages.length ? ' invalid' : ''}` },
      h('label', { htmlFor: 'agency' }, t('citizen.submit.agencyLabel'), h('span', { className: 'required-mark', 'aria-hidden': true }, ' *')),
      h('select', { id: 'agency', value, required: true, 'aria-describedby': 'agency__error', 'aria-invalid': messages.length ? true : undefined, onChange: (event: { target: { value: string } }) => onChange(event.target.value) },
        h('option', { value: '' }, t('citizen.submit.agencyChoose')),
        ...agencies.map((a) => h('option', { key: a.id, value: a.id }, a.address ? `${a.name} — ${a.address}` : a.name))),
      h('p', { className: 'field-error', id: 'agency__error' }, messages.join(' '))),
  );
}

import { createElement as h, useRef, useState, type FormEvent } from 'react';
import { api } from '../../shared/http.js';
import { t } from '../../shared/texts.js';
import { proofFields, type Proof } from '../proof.js';

/**
 * Withdrawal, in two deliberate steps: open the form, give the reason, confirm. It
 * ends the dossier for good, so the confirmation says so before anything is sent.
 */
export function WithdrawForm({ proof, onDone }: { readonly proof: Proof; readonly onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setReasonError(t('citizen.withdraw.reasonRequired'));
      field.current?.focus();
      return;
    }
    setReasonError('');
    setBusy(true);
    try {
      await api('POST', `/api/public/dossiers/${encodeURIComponent(proof.code)}/withdraw`, { ...proofFields(proof), reason: reason.trim() });
      onDone();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  if (!open) {
    return h('section', { className: 'card', 'aria-labelledby': 'withdraw-title' },
      h('h3', { id: 'withdraw-title' }, t('citizen.withdraw.title')),
      h('p', { className: 'muted' }, t('citizen.withdraw.intro')),
      h('button', { type: 'button', className: 'secondary', onClick: () => { setOpen(true); requestAnimationFrame(() => field.current?.focus()); } }, t('citizen.withdraw.open')));
  }
  return h(
    'section',
    { className: 'card withdraw', 'aria-labelledby': 'withdraw-title' },
    h('h3', { id: 'withdraw-title' }, t('citizen.withdraw.title')),
    h('form', { noValidate: true, onSubmit: (event: FormEvent) => void submit(event) },
      h('div', { className: `field${reasonError ? ' invalid' : ''}` },
        h('label', { htmlFor: 'withdraw-reason' }, t('citizen.withdraw.reason'), h('span', { className: 'required-mark', 'aria-hidden': true }, ' *')),
        h('textarea', { id: 'withdraw-reason', ref: field, rows: 3, maxLength: 1000, required: true, value: reason, 'aria-invalid': reasonError ? true : undefined, 'aria-describedby': 'withdraw-reason-error withdraw-warning', onChange: (event: { target: { value: string } }) => setReason(event.target.value) }),
        h('p', { className: 'field-error', id: 'withdraw-reason-error' }, reasonError)),
      h('p', { className: 'notice', id: 'withdraw-warning' }, t('citizen.withdraw.warning')),
      h('div', { role: 'alert', className: 'error' }, problem),
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'secondary', onClick: () => setOpen(false), disabled: busy }, t('citizen.withdraw.cancel')),
        h('button', { type: 'submit', disabled: busy }, t('citizen.withdraw.confirm')))),
  );
}

import { createElement as h } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ApiError } from '../../shared/http.js';
import { pageData, t } from '../../shared/texts.js';
import { forgetProof, rememberedProof, rememberProof, type Proof } from '../proof.js';
import { dueDateOf, fetchPublicView } from '../PublicView.js';
import type { UploadLimits } from '../submission/SubmissionData.js';
import { LookupResult } from './LookupResult.js';

interface LookupPageData {
  readonly code: string;
  readonly uploads: UploadLimits;
}

/**
 * The look-up: the form is the server's; the answer is drawn here. The code and
 * identity number are sent to the public API by script, never as the page's own
 * address (the inputs have no `name`, so even without scripts nothing is put in a URL),
 * and kept in this tab's sessionStorage for the actions and the receipt (proof.ts).
 */
export function mountLookup(form: HTMLFormElement, output: HTMLElement): void {
  const data = pageData<LookupPageData>();
  const root = createRoot(output);
  const input = (name: string) => form.querySelector<HTMLInputElement>(`#lookup-${name}`)!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input('code').value.trim();
    const idNumber = input('idNumber').value.trim();
    const phone = input('phone').value.trim();
    if (!checkInputs(form, code, idNumber, phone)) return;
    void lookUp(form, root, { code, ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) }, data.uploads, '');
  });
  const remembered = data.code ? rememberedProof(data.code) : undefined;
  if (remembered) void lookUp(form, root, remembered, data.uploads, '');
}

async function lookUp(form: HTMLFormElement, root: Root, proof: Proof, limits: UploadLimits, done: string): Promise<void> {
  const alert = form.querySelector<HTMLElement>('[data-lookup-error]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  alert.textContent = '';
  button.disabled = true;
  try {
    const view = await fetchPublicView(proof);
    const due = await dueDateOf(view).catch(() => undefined);
    rememberProof(proof);
    form.hidden = true;
    root.render(h(LookupResult, {
      view, due, proof, limits, done,
      onChanged: (message: string) => void lookUp(form, root, proof, limits, message),
      onForget: () => forget(form, root, proof),
    }));
  } catch (error) {
    root.render(null);
    form.hidden = false;
    showFailure(form, error);
  } finally {
    button.disabled = false;
  }
}

function forget(form: HTMLFormElement, root: Root, proof: Proof): void {
  forgetProof(proof.code);
  root.render(null);
  form.reset();
  for (const element of form.querySelectorAll<HTMLInputElement>('input')) element.value = '';
  form.hidden = false;
  form.querySelector<HTMLInputElement>('#lookup-code')?.focus();
}

/** What the browser can tell before asking: a code, and the identity number or the phone. */
function checkInputs(form: HTMLFormElement, code: string, idNumber: string, phone: string): boolean {
  clearFieldErrors(form);
  const problems: [string, string][] = [];
  if (!code) problems.push(['code', t('citizen.lookup.codeRequired')]);
  if (!idNumber && !phone) problems.push(['idNumber', t('citizen.lookup.proofRequired')]);
  for (const [name, message] of problems) setFieldError(form, name, message);
  if (problems.length) {
    form.querySelector<HTMLElement>('[data-lookup-error]')!.textContent = t('citizen.lookup.fix');
    form.querySelector<HTMLInputElement>(`#lookup-${problems[0]![0]}`)?.focus();
  }
  return problems.length === 0;
}

function showFailure(form: HTMLFormElement, error: unknown): void {
  clearFieldErrors(form);
  const alert = form.querySelector<HTMLElement>('[data-lookup-error]')!;
  alert.textContent = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.fields : [];
  for (const field of fields) setFieldError(form, field.path.replace(/^\//, ''), field.message);
  form.querySelector<HTMLInputElement>(fields.length ? '[aria-invalid="true"]' : '#lookup-code')?.focus();
}

function setFieldError(form: HTMLFormElement, name: string, message: string): void {
  const input = form.querySelector<HTMLInputElement>(`#lookup-${name}`);
  const slot = form.querySelector<HTMLElement>(`#lookup-${name}-error`);
  if (!input || !slot) return;
  input.setAttribute('aria-invalid', 'true');
  slot.textContent = message;
}

function clearFieldErrors(form: HTMLFormElement): void {
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
}

import { ApiError } from '../shared/http.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { t } from '../shared/texts.js';
import { printFormElement } from './printForm.js';
import { rememberedProof, rememberProof, type Proof } from './proof.js';
import { dueDateOf, fetchPublicView, type PublicView } from './PublicView.js';

/**
 * The receipt after submission: the server drew the code and the QR code; the
 * dossier's facts come from the public API with the proof this tab keeps, or the
 * one the applicant types when the tab has none (a receipt opened later).
 */
export function mountReceipt(root: HTMLElement): void {
  const code = root.dataset.code ?? '';
  const facts = root.querySelector<HTMLElement>('[data-receipt-facts]')!;
  const form = root.querySelector<HTMLFormElement>('form[data-receipt-proof]')!;
  const proof = rememberedProof(code);
  if (proof) void show(root, facts, form, proof);
  else askForProof(facts, form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const idNumber = (form.querySelector<HTMLInputElement>('#receipt-idNumber')?.value ?? '').trim();
    const phone = (form.querySelector<HTMLInputElement>('#receipt-phone')?.value ?? '').trim();
    void show(root, facts, form, { code, ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) });
  });
  root.querySelector<HTMLButtonElement>('[data-print]')?.addEventListener('click', () => window.print());
}

function askForProof(facts: HTMLElement, form: HTMLFormElement): void {
  facts.replaceChildren(paragraph(t('citizen.receipt.needProof'), 'muted'));
  form.hidden = false;
}

async function show(root: HTMLElement, facts: HTMLElement, form: HTMLFormElement, proof: Proof): Promise<void> {
  const alert = form.querySelector<HTMLElement>('[role="alert"]')!;
  alert.textContent = '';
  try {
    const view = await fetchPublicView(proof);
    rememberProof(proof);
    form.hidden = true;
    facts.replaceChildren(await factList(view));
    const documents = root.querySelector<HTMLElement>('[data-receipt-documents]');
    if (documents && view.receivedAt) documents.replaceChildren(printFormElement(proof, '01', t('citizen.documents.form01')));
  } catch (error) {
    askForProof(facts, form);
    alert.textContent = error instanceof ApiError && error.status !== 0 ? error.message : t('citizen.receipt.loadFailed');
  }
}

async function factList(view: PublicView): Promise<HTMLElement> {
  const list = document.createElement('dl');
  list.className = 'facts';
  const add = (label: string, value: string, name: string) => {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    detail.dataset.fact = name;
    list.append(term, detail);
  };
  add(t('citizen.facts.procedure'), view.procedure.name, 'procedure');
  if (view.receivingAgency) add(t('citizen.facts.agency'), view.receivingAgency, 'agency');
  add(t('citizen.facts.submittedAt'), formatDateTime(view.submittedAt), 'submittedAt');
  if (view.receivedAt) add(t('citizen.facts.receivedAt'), formatDateTime(view.receivedAt), 'receivedAt');
  add(t('citizen.facts.status'), t(`citizen.status.${view.status}`), 'status');
  const due = await dueDateOf(view).catch(() => undefined);
  if (due) add(t(due.expected ? 'citizen.facts.expectedDue' : 'citizen.facts.dueAt'), due.expected ? `${formatDate(due.at)} (${t('citizen.facts.expectedNote')})` : formatDate(due.at), 'dueAt');
  return list;
}

function paragraph(text: string, className: string): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

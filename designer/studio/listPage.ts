import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/texts.js';
import { readBpmnFile } from './bpmnFile.js';
import { h, messageOf, required } from './dom.js';
import { newProcedureUrl, rememberImportedBpmn } from './newProcedure.js';
import { studioApi } from './studioApi.js';
import type { ProcedureSummary } from './types.js';

/** A procedure code as the designer API accepts it. */
const CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** `/thiet-ke`: the procedures with their latest version, and the form that starts a new one. */
export function mountListPage(root: HTMLElement): void {
  const known = new Set<string>();
  void loadProcedures(root, known);
  mountNewProcedure(required<HTMLFormElement>(root, 'form[data-new-procedure]'), known);
}

async function loadProcedures(root: HTMLElement, known: Set<string>): Promise<void> {
  const body = required(root, 'table[data-procedures] tbody');
  try {
    const procedures = await studioApi.procedures();
    for (const procedure of procedures) known.add(procedure.code);
    const rows = [...procedures].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map(procedureRow);
    body.replaceChildren(...(rows.length ? rows : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('studio.list.empty')))]));
  } catch (error) {
    body.replaceChildren();
    required(root, '[data-list-error]').textContent = t('studio.list.failed', { message: messageOf(error) });
  }
}

function procedureRow(procedure: ProcedureSummary): HTMLTableRowElement {
  const link = h('a', { href: `/thiet-ke/${encodeURIComponent(procedure.code)}` }, procedure.name);
  const updated = t('studio.list.updatedBy', { when: formatDateTime(procedure.updatedAt), who: procedure.updatedBy });
  return h(
    'tr',
    { 'data-procedure': procedure.code },
    h('th', { scope: 'row' }, link),
    h('td', {}, h('code', {}, procedure.code)),
    h('td', {}, procedure.field),
    h('td', { class: 'num' }, String(procedure.latestVersion)),
    h('td', {}, updated),
  );
}

function mountNewProcedure(form: HTMLFormElement, known: ReadonlySet<string>): void {
  const code = required<HTMLInputElement>(form, '#new-code');
  const name = required<HTMLInputElement>(form, '#new-name');
  const file = required<HTMLInputElement>(form, '#new-file');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const problems = new Map<HTMLInputElement, string>();
      const codeProblem = newCodeProblem(code.value.trim(), known);
      if (codeProblem) problems.set(code, codeProblem);
      if (!name.value.trim()) problems.set(name, t('studio.new.nameRequired'));
      const chosen = file.files?.[0];
      let xml: string | undefined;
      if (chosen) {
        try {
          xml = await readBpmnFile(chosen);
        } catch (error) {
          problems.set(file, t('studio.new.fileInvalid', { file: chosen.name, message: messageOf(error) }));
        }
      }
      showFieldProblems(form, problems);
      if (problems.size > 0) return;
      if (xml) rememberImportedBpmn(code.value.trim(), xml);
      window.location.assign(newProcedureUrl(code.value.trim(), name.value.trim()));
    })();
  });
}

/** Why a code cannot name a new procedure, or undefined. */
export function newCodeProblem(code: string, known: ReadonlySet<string>): string | undefined {
  if (!code) return t('studio.new.codeRequired');
  if (!CODE.test(code)) return t('studio.new.codeInvalid');
  if (known.has(code)) return t('studio.new.codeTaken', { code });
  return undefined;
}

function showFieldProblems(form: HTMLFormElement, problems: ReadonlyMap<HTMLInputElement, string>): void {
  for (const input of form.querySelectorAll('input')) {
    const message = problems.get(input);
    const slot = form.querySelector<HTMLElement>(`#${input.id}-error`);
    if (slot) slot.textContent = message ?? '';
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
}

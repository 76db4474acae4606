import { api, ApiError } from '../shared/http.js';
import { t } from '../shared/texts.js';

/** One step's answer in a bulk request: the step on success, the refusal otherwise. */
interface BulkResult {
  readonly id: string;
  readonly status: number;
  readonly task?: { readonly assignee: string | null; readonly assigneeName: string | null };
  readonly error?: { readonly message: string; readonly fields?: readonly { message: string }[] };
}

/**
 * The inbox's bulk tools: tick rows (or all), then claim them or give them to a colleague.
 * Each row shows its own answer, so a step someone else took first is named while the
 * others are done.
 */
export function mountInbox(form: HTMLFormElement): void {
  const boxes = () => [...form.querySelectorAll<HTMLInputElement>('input[name="task"]')];
  const selectAll = form.querySelector<HTMLInputElement>('[data-select-all]');
  const count = form.querySelector<HTMLElement>('[data-selected-count]');
  const summary = form.querySelector<HTMLElement>('[data-bulk-result]');
  const selected = () => boxes().filter((b) => b.checked).map((b) => b.value);
  const refresh = () => {
    const ticked = selected().length;
    if (count) count.textContent = ticked ? t('officer.bulk.selected', { count: ticked }) : '';
    if (selectAll) {
      selectAll.checked = ticked > 0 && ticked === boxes().length;
      selectAll.indeterminate = ticked > 0 && ticked < boxes().length;
    }
  };
  selectAll?.addEventListener('change', () => {
    for (const box of boxes()) box.checked = selectAll.checked;
    refresh();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).matches('input[name="task"]')) refresh();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  const run = async (button: HTMLButtonElement, url: string, body: Record<string, unknown>, done: string) => {
    const taskIds = selected();
    if (summary) summary.textContent = '';
    if (taskIds.length === 0) {
      showSummary(summary, t('officer.bulk.noneSelected'), true);
      return;
    }
    button.disabled = true;
    try {
      const { results } = await api<{ results: BulkResult[] }>('POST', url, { taskIds, ...body });
      results.forEach((result) => showRow(form, result, done));
      const failed = results.filter((r) => r.status !== 200).length;
      showSummary(summary, t('officer.bulk.summary', { ok: results.length - failed, failed }), failed > 0);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields.map((f) => f.message) : [];
      showSummary(summary, [error instanceof Error ? error.message : String(error), ...fields].join(' '), true);
    } finally {
      button.disabled = false;
    }
  };

  const claim = form.querySelector<HTMLButtonElement>('[data-bulk-claim]');
  claim?.addEventListener('click', () => void run(claim, '/api/tasks/bulk/claim', {}, t('officer.bulk.claimedRow')));
  const reassign = form.querySelector<HTMLButtonElement>('[data-bulk-reassign]');
  const assignee = form.querySelector<HTMLSelectElement>('[data-bulk-assignee]');
  reassign?.addEventListener('click', () => {
    if (!assignee?.value) {
      showSummary(summary, t('officer.bulk.chooseFirst'), true);
      assignee?.focus();
      return;
    }
    void run(reassign, '/api/tasks/bulk/reassign', { assignee: assignee.value }, t('officer.bulk.reassignedRow'));
  });
  refresh();
}

function showRow(form: HTMLFormElement, result: BulkResult, done: string): void {
  const row = form.querySelector<HTMLTableRowElement>(`tr[data-task-id="${CSS.escape(result.id)}"]`);
  const note = form.querySelector<HTMLTableRowElement>(`tr[data-result-for="${CSS.escape(result.id)}"]`);
  if (!row || !note) return;
  const cell = note.querySelector('td')!;
  note.hidden = false;
  note.classList.toggle('failed', result.status !== 200);
  row.dataset.result = String(result.status);
  if (result.status === 200 && result.task) {
    const owner = row.querySelector<HTMLElement>('[data-assignee]');
    if (owner) {
      owner.dataset.assignee = result.task.assignee ?? '';
      owner.textContent = result.task.assigneeName ?? result.task.assignee ?? '';
    }
    cell.textContent = `${row.dataset.dossierCode}: ${done}`;
    row.querySelector<HTMLInputElement>('input[name="task"]')!.checked = false;
  } else {
    const details = result.error?.fields?.map((f) => f.message) ?? [];
    cell.textContent = `${row.dataset.dossierCode}: ${[result.error?.message ?? '', ...details].join(' ')}`;
  }
}

function showSummary(summary: HTMLElement | null, text: string, failed: boolean): void {
  if (!summary) return;
  summary.className = failed ? 'notice' : 'notice ok';
  summary.textContent = text;
}

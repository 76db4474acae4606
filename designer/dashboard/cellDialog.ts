import { formatDate } from '../shared/format.js';
import { api, ApiError } from '../shared/http.js';
import { t } from '../shared/texts.js';
import { el, fill } from './dom.js';
import { formatDecimal, type Language } from './numbers.js';
import type { CellDossier, CellPage } from './reportTypes.js';
import type { CellRequest } from './report06aTable.js';

const PAGE_SIZE = 50;

/**
 * The dossiers of one 06a cell in a modal dialog: the browser keeps focus inside
 * it and closes it on Escape; focus goes to its heading on opening and back to
 * the number that opened it on closing. Long lists load a page at a time.
 */
export class CellDialog {
  private cell: CellRequest | undefined;
  private trigger: HTMLElement | undefined;
  private shown = 0;
  /** Answers to a list opened before the current one are dropped. */
  private opening = 0;
  private readonly heading: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private readonly status: HTMLElement;
  private readonly error: HTMLElement;
  private readonly more: HTMLButtonElement;

  constructor(
    private readonly dialog: HTMLDialogElement,
    private readonly query: string,
    private readonly procedures: Readonly<Record<string, string>>,
    private readonly language: Language,
  ) {
    this.heading = dialog.querySelector<HTMLElement>('#cell-title')!;
    this.body = dialog.querySelector('tbody')!;
    this.status = dialog.querySelector<HTMLElement>('[data-cell-status]')!;
    this.error = dialog.querySelector<HTMLElement>('[data-error]')!;
    this.more = dialog.querySelector<HTMLButtonElement>('[data-more]')!;
    dialog.querySelector('[data-close]')!.addEventListener('click', () => dialog.close());
    // A click on the backdrop lands on the dialog element itself, outside its box.
    dialog.addEventListener('click', (event) => {
      const box = dialog.getBoundingClientRect();
      const outside = event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
      if (event.target === dialog && outside) dialog.close();
    });
    dialog.addEventListener('close', () => this.trigger?.focus());
    this.more.addEventListener('click', () => void this.loadPage());
  }

  open(cell: CellRequest, trigger: HTMLElement): void {
    this.cell = cell;
    this.trigger = trigger;
    this.shown = 0;
    this.opening += 1;
    this.heading.textContent = t('dashboard.cell.title', { column: cell.columnLabel, row: cell.rowLabel });
    fill(this.body);
    this.status.textContent = t('dashboard.loading');
    this.error.textContent = '';
    this.more.hidden = true;
    this.dialog.showModal();
    this.heading.focus();
    void this.loadPage();
  }

  private async loadPage(): Promise<void> {
    const cell = this.cell;
    if (!cell) return;
    const opening = this.opening;
    const params = new URLSearchParams(this.query);
    params.set('column', cell.column);
    if (cell.row !== null) params.set('row', cell.row);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(this.shown));
    this.more.disabled = true;
    try {
      const page = await api<CellPage>('GET', `/api/reports/06a/cell?${params.toString()}`);
      if (opening !== this.opening) return;
      this.body.append(...page.dossiers.map((dossier) => this.line(dossier)));
      this.shown += page.dossiers.length;
      this.status.textContent = t('dashboard.cell.showing', { shown: this.shown, total: page.total });
      this.more.hidden = this.shown >= page.total;
    } catch (error) {
      if (opening !== this.opening) return;
      this.status.textContent = '';
      this.error.textContent = t('dashboard.cell.failed', { message: error instanceof ApiError || error instanceof Error ? error.message : String(error) });
    } finally {
      this.more.disabled = false;
    }
  }

  private line(dossier: CellDossier): HTMLTableRowElement {
    return el(
      'tr',
      { 'data-dossier': dossier.code },
      el('th', { scope: 'row' }, dossier.code),
      el('td', {}, this.procedures[dossier.procedureCode] ?? dossier.procedureCode),
      el('td', {}, formatDate(dossier.receivedAt)),
      el('td', {}, formatDate(dossier.dueOn)),
      el('td', {}, formatDate(dossier.finishedAt)),
      el('td', {}, t(`dashboard.status.${dossier.status}`)),
      el('td', {}, ...this.timing(dossier)),
    );
  }

  private timing(dossier: CellDossier): (HTMLElement | string)[] {
    const late = dossier.timing === 'late';
    const parts: (HTMLElement | string)[] = [el('span', { class: `badge ${late ? 'overdue' : 'ok'}` }, t(`dashboard.timing.${dossier.timing}`))];
    if (late && dossier.lateHours !== null && dossier.lateHours > 0) {
      parts.push(' ', t('dashboard.cell.lateHours', { hours: formatDecimal(dossier.lateHours, this.language, 1) }));
    }
    if (dossier.paused) parts.push(' ', t('dashboard.cell.paused'));
    if (dossier.lateSteps.length > 0) {
      const steps = dossier.lateSteps.map((step) => `${step.stepName} (${step.agencyName})`).join('; ');
      parts.push(el('div', { class: 'muted' }, t('dashboard.cell.lateSteps', { steps })));
    }
    return parts;
  }
}

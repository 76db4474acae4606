import { t } from '../shared/texts.js';
import { el, fill } from './dom.js';
import { formatCount, type Language } from './numbers.js';
import type { Column06a, Counts06a, DashboardPageData, Report06a } from './reportTypes.js';

/** A cell the auditor asked to see: a column, and a row of the grouping or the total (`row` null). */
export interface CellRequest {
  readonly column: Column06a;
  readonly columnLabel: string;
  readonly row: string | null;
  readonly rowLabel: string;
}

/**
 * The body of the 06a table: one line per row and the total, numbers right-aligned;
 * every number above zero is a button that opens the dossiers of its cell.
 */
export function render06a(
  table: HTMLTableElement,
  report: Report06a,
  columns: DashboardPageData['columns'],
  language: Language,
  openCell: (cell: CellRequest, trigger: HTMLButtonElement) => void,
): void {
  const body = table.tBodies[0]!;
  const line = (ordinal: string, key: string | null, label: string, counts: Counts06a) =>
    el(
      'tr',
      key === null ? { class: 'total', 'data-total': true } : { 'data-row': key },
      el('td', { class: 'center' }, ordinal),
      el('th', { scope: 'row' }, label),
      ...columns.map((column) => countCell(counts[column.key], { column: column.key, columnLabel: column.label, row: key, rowLabel: label }, language, openCell)),
    );
  const rows = report.rows.map((row, index) => line(formatCount(index + 1, language), row.key, row.label, row.counts));
  const empty = report.rows.length === 0 ? el('tr', {}, el('td', { colspan: columns.length + 2, class: 'muted' }, t('dashboard.report06a.empty'))) : null;
  fill(body, ...rows, empty, line('', null, t('dashboard.report06a.total'), report.total));
  table.removeAttribute('aria-busy');
}

function countCell(
  count: number,
  cell: CellRequest,
  language: Language,
  openCell: (cell: CellRequest, trigger: HTMLButtonElement) => void,
): HTMLTableCellElement {
  const text = formatCount(count, language);
  if (count === 0) return el('td', { class: 'num', 'data-column': cell.column }, text);
  const button = el(
    'button',
    {
      type: 'button',
      class: 'cell',
      'aria-label': t('dashboard.report06a.cellButton', { count: text, column: cell.columnLabel, row: cell.rowLabel }),
    },
    text,
  );
  button.addEventListener('click', () => openCell(cell, button));
  return el('td', { class: 'num', 'data-column': cell.column }, button);
}

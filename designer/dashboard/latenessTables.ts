import { t } from '../shared/texts.js';
import { el, fill } from './dom.js';
import { formatCount, formatDecimal, formatPercent, type Language } from './numbers.js';
import type { LatenessFigures, LatenessReport } from './reportTypes.js';

/** Who made dossiers late: units and steps, most late steps first, with the late share and the hours late. */
export function renderLateness(section: HTMLElement, report: LatenessReport, language: Language): void {
  section.querySelector('[data-method]')!.textContent = report.method;
  const units = [...report.byUnit].sort(byLateness((u) => u.agencyName));
  const steps = [...report.bySteps].sort(byLateness((s) => s.stepName));
  const unitTable = section.querySelector<HTMLTableElement>('[data-lateness-units]')!;
  const stepTable = section.querySelector<HTMLTableElement>('[data-lateness-steps]')!;
  fillBody(
    unitTable,
    6,
    units.map((unit) => el('tr', { 'data-unit': unit.agencyId }, el('th', { scope: 'row' }, unit.agencyName), ...figureCells(unit, language))),
    el('tr', { class: 'total' }, el('th', { scope: 'row' }, t('dashboard.lateness.total')), ...figureCells(report.total, language)),
  );
  fillBody(
    stepTable,
    8,
    steps.map((step) =>
      el(
        'tr',
        { 'data-step': step.elementId },
        el('th', { scope: 'row' }, step.stepName),
        el('td', {}, step.procedureName),
        el('td', {}, step.agencyName),
        ...figureCells(step, language),
      ),
    ),
  );
}

function byLateness<T extends LatenessFigures>(name: (row: T) => string) {
  return (a: T, b: T) => b.lateSteps - a.lateSteps || b.lateHours - a.lateHours || name(a).localeCompare(name(b), 'vi');
}

function figureCells(figures: LatenessFigures, language: Language): HTMLTableCellElement[] {
  return [
    el('td', { class: 'num' }, formatCount(figures.steps, language)),
    el('td', { class: 'num', 'data-late-steps': true }, formatCount(figures.lateSteps, language)),
    el('td', { class: 'num' }, formatPercent(figures.steps ? figures.lateShare : null, language)),
    el('td', { class: 'num' }, formatDecimal(figures.lateHours, language, 1)),
    el('td', { class: 'num' }, formatDecimal(figures.lateSteps ? figures.averageLateHours : null, language, 1)),
  ];
}

function fillBody(table: HTMLTableElement, width: number, rows: HTMLTableRowElement[], total?: HTMLTableRowElement): void {
  const empty = rows.length === 0 ? el('tr', {}, el('td', { colspan: width, class: 'muted' }, t('dashboard.lateness.empty'))) : null;
  fill(table.tBodies[0]!, ...rows, empty, rows.length ? total : null);
  table.removeAttribute('aria-busy');
}

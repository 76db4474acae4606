import { t } from '../shared/texts.js';
import { el, fill } from './dom.js';
import { formatCount, formatDecimal, formatPercent, type Language } from './numbers.js';
import type { DashboardPageData, Figure, Indicators766, Scorecard } from './reportTypes.js';

type FigureKind = 'share' | 'decimal';

/** The indicators in the table's column order; the points are estimates and say so. */
const COLUMNS: readonly { key: string; pick: (card: Scorecard) => Figure; kind: FigureKind; estimated: boolean }[] = [
  { key: 'onTimeShare', pick: (c) => c.onTimeShare, kind: 'share', estimated: false },
  { key: 'averageDays', pick: (c) => c.averageDays, kind: 'decimal', estimated: false },
  { key: 'onlineShare', pick: (c) => c.onlineShare, kind: 'share', estimated: false },
  { key: 'satisfaction', pick: (c) => c.satisfaction, kind: 'share', estimated: false },
  { key: 'averageRating', pick: (c) => c.averageRating, kind: 'decimal', estimated: false },
  { key: 'progressPoints', pick: (c) => c.points.progress, kind: 'decimal', estimated: true },
  { key: 'satisfactionPoints', pick: (c) => c.points.satisfaction, kind: 'decimal', estimated: true },
  { key: 'onlinePoints', pick: (c) => c.points.online, kind: 'decimal', estimated: true },
];

const MAX_POINTS: Record<string, keyof DashboardPageData['points']> = { progressPoints: 'progress', satisfactionPoints: 'satisfaction', onlinePoints: 'online' };

/**
 * The Decision 766 scorecards: one line per unit and one for the whole scope, each
 * figure with its numerator and denominator; how each is computed, the API's notes,
 * and the average time per procedure against its limit.
 */
export function renderIndicators(section: HTMLElement, indicators: Indicators766, points: DashboardPageData['points'], language: Language): void {
  const table = section.querySelector<HTMLTableElement>('[data-indicators]')!;
  const units = indicators.units.map((card) => scorecardLine(card, card.agencyName, language));
  const empty = units.length === 0 ? el('tr', {}, el('td', { colspan: COLUMNS.length + 1, class: 'muted' }, t('dashboard.indicators.empty'))) : null;
  const total = scorecardLine(indicators.total, t('dashboard.indicators.total', { name: indicators.total.agencyName }), language);
  total.classList.add('total');
  fill(table.tBodies[0]!, ...units, empty, total);
  table.removeAttribute('aria-busy');
  fill(section.querySelector('[data-notes]')!, ...indicators.notes.map((note) => el('li', {}, note)));
  fill(section.querySelector('[data-methods] ul')!, ...COLUMNS.map((column) => methodLine(column, indicators.total, points)));
  renderProcedureTimes(section.querySelector<HTMLTableElement>('[data-procedure-times] table')!, indicators.total, language);
}

function scorecardLine(card: Scorecard, name: string, language: Language): HTMLTableRowElement {
  return el(
    'tr',
    card.agencyId ? { 'data-unit': card.agencyId } : {},
    el('th', { scope: 'row' }, name),
    ...COLUMNS.map((column) => figureCell(column.pick(card), column.kind, column.estimated, language)),
  );
}

function figureCell(figure: Figure, kind: FigureKind, estimated: boolean, language: Language): HTMLTableCellElement {
  const value = kind === 'share' ? formatPercent(figure.value, language) : formatDecimal(figure.value, language);
  return el(
    'td',
    { class: estimated ? 'num estimated' : 'num', title: figure.method },
    value,
    el('span', { class: 'fraction muted' }, `${formatCount(figure.numerator, language)}/${formatCount(figure.denominator, language)}`),
  );
}

function methodLine(column: (typeof COLUMNS)[number], card: Scorecard, points: DashboardPageData['points']): HTMLLIElement {
  const figure = column.pick(card);
  const max = MAX_POINTS[column.key];
  const label = t(`dashboard.indicators.${column.key}`, max ? { max: points[max] } : {});
  return el(
    'li',
    {},
    t('dashboard.indicators.method', { label, method: figure.method, numerator: figure.numerator, denominator: figure.denominator }),
    column.estimated ? ' ' : null,
    column.estimated ? el('span', { class: 'badge due-soon' }, t('dashboard.indicators.estimated')) : null,
  );
}

function renderProcedureTimes(table: HTMLTableElement, card: Scorecard, language: Language): void {
  const within = (value: boolean | null) =>
    value === null ? t('dashboard.indicators.calendarLimit') : t(value ? 'dashboard.indicators.yes' : 'dashboard.indicators.no');
  fill(
    table.tBodies[0]!,
    ...card.procedures.map((procedure) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, procedure.procedureName),
        el('td', { class: 'num' }, formatCount(procedure.resolved, language)),
        el('td', { class: 'num' }, formatDecimal(procedure.averageDays, language)),
        el('td', { class: 'num' }, formatDecimal(procedure.limitDays, language)),
        el('td', {}, within(procedure.withinLimit)),
      ),
    ),
  );
}

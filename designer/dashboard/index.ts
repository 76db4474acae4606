import './dashboard.css';
import { api, ApiError } from '../shared/http.js';
import { pageData, pageLanguage, t } from '../shared/texts.js';
import { CellDialog } from './cellDialog.js';
import { drawOnTimeChart, type ChartKind } from './charts.js';
import { renderIndicators } from './indicatorsTable.js';
import { renderLateness } from './latenessTables.js';
import { formatDate } from '../shared/format.js';
import { mountPeriodFields } from './periodFields.js';
import { render06a } from './report06aTable.js';
import type { DashboardPageData, Indicators766, LatenessReport, OnTimeSeries, Report06a } from './reportTypes.js';

/**
 * The auditors' dashboard: the filter form, then each section filled from the
 * report API with the query the page's address holds. Sections load side by
 * side; one failing says so in its own alert and leaves the others.
 */
function mountDashboard(data: DashboardPageData): void {
  const language = pageLanguage();
  const section = (name: string) => document.querySelector<HTMLElement>(`[data-section="${name}"]`)!;
  const url = (path: string, query: string, extra = '') => `${path}?${[query, extra].filter(Boolean).join('&')}`;
  const dialog = new CellDialog(document.querySelector<HTMLDialogElement>('[data-cell-dialog]')!, data.query, data.procedures, language);

  load(section('report06a'), 'dashboard.report06a.failed', async (element) => {
    const report = await api<Report06a>('GET', url('/api/reports/06a', data.query));
    element.querySelector('[data-report-date]')!.textContent = t('dashboard.report06a.reportDate', { date: formatDate(report.reportDate) });
    render06a(element.querySelector<HTMLTableElement>('[data-report06a]')!, report, data.columns, language, (cell, trigger) => dialog.open(cell, trigger));
  });
  const charts: [by: string, kind: ChartKind, query: string][] = [
    ['unit', 'bar', data.query],
    ['procedure', 'bar', data.query],
    ['month', 'line', data.monthQuery],
  ];
  for (const [by, kind, query] of charts) {
    load(section('charts'), 'dashboard.charts.failed', async (element) => {
      const series = await api<OnTimeSeries>('GET', url('/api/reports/on-time', query, `by=${by}`));
      drawOnTimeChart(element.querySelector<HTMLElement>(`[data-chart="${by}"]`)!, kind, series, language);
    });
  }
  load(section('lateness'), 'dashboard.lateness.failed', async (element) => {
    renderLateness(element, await api<LatenessReport>('GET', url('/api/reports/lateness', data.query)), language);
  });
  load(section('indicators'), 'dashboard.indicators.failed', async (element) => {
    renderIndicators(element, await api<Indicators766>('GET', url('/api/reports/766', data.query)), data.points, language);
  });
}

function load(element: HTMLElement, failedKey: string, task: (element: HTMLElement) => Promise<void>): void {
  task(element).catch((error: unknown) => {
    const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
    element.querySelector('[data-error]')!.textContent = t(failedKey, { message });
    for (const busy of element.querySelectorAll('[aria-busy]')) busy.removeAttribute('aria-busy');
  });
}

const form = document.querySelector<HTMLFormElement>('form[data-filters]');
if (form) mountPeriodFields(form);
document.querySelector<HTMLElement>('[data-filter-problems]')?.focus();
const data = pageData<DashboardPageData | null>();
if (data) mountDashboard(data);

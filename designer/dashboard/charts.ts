import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import { t } from '../shared/texts.js';
import { wrap } from './chartLabels.js';
import { el, fill } from './dom.js';
import { formatCount, formatPercent, type Language } from './numbers.js';
import type { OnTimePoint, OnTimeSeries } from './reportTypes.js';

// Only what the three charts draw, so the bundle carries nothing else of chart.js.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

const BRAND = '#a4161a';
const LABEL_WIDTH = 28;

export type ChartKind = 'bar' | 'line';

/**
 * One on-time chart in its figure: the canvas, labelled with a sentence that
 * reads every value, and beside it a visually hidden table of the same figures,
 * so nothing is told by the drawing alone.
 */
export function drawOnTimeChart(figure: HTMLElement, kind: ChartKind, series: OnTimeSeries, language: Language): void {
  const title = figure.querySelector('figcaption')?.textContent ?? '';
  const canvas = figure.querySelector('canvas')!;
  const summary = figure.querySelector<HTMLElement>('[data-chart-summary]')!;
  if (series.total.resolved === 0) {
    canvas.parentElement!.hidden = true;
    fill(summary, el('p', { class: 'muted' }, t('dashboard.charts.empty')));
    return;
  }
  const sentence = summarySentence(title, series.points, language);
  canvas.setAttribute('aria-label', sentence);
  fill(summary, summaryTable(title, series.points, language));
  const box = canvas.parentElement!;
  if (kind === 'bar') box.style.height = `${Math.max(160, 48 * series.points.length + 60)}px`;
  new Chart(canvas, configuration(kind, series.points, language));
}

function configuration(kind: ChartKind, points: readonly OnTimePoint[], language: Language): ChartConfiguration<ChartKind, (number | null)[], string | string[]> {
  const percent = (value: number | string) => `${formatCount(Number(value), language)}\u00a0%`;
  const valueAxis = { min: 0, max: 100, title: { display: true, text: t('dashboard.charts.axis') }, ticks: { callback: percent } };
  return {
    type: kind,
    data: {
      labels: points.map((point) => (kind === 'bar' ? wrap(point.label, LABEL_WIDTH) : point.label)),
      datasets: [
        {
          label: t('dashboard.charts.rate'),
          data: points.map((point) => (point.onTimeRate === null ? null : Math.round(point.onTimeRate * 1000) / 10)),
          backgroundColor: BRAND,
          borderColor: BRAND,
          pointRadius: 4,
        },
      ],
    },
    options: {
      indexAxis: kind === 'bar' ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: kind === 'bar' ? { x: valueAxis } : { y: valueAxis },
      plugins: {
        tooltip: {
          callbacks: {
            // Only points with a rate are drawn, so only they get a tooltip.
            label: (context) => itemText(points[context.dataIndex]!, language),
          },
        },
      },
    },
  };
}

function itemText(point: OnTimePoint, language: Language): string {
  return t('dashboard.charts.item', {
    label: point.label,
    rate: formatPercent(point.onTimeRate, language),
    onTime: formatCount(point.early + point.onTime, language),
    resolved: formatCount(point.resolved, language),
  });
}

/** Every value in one sentence, for the canvas's accessible name. */
export function summarySentence(title: string, points: readonly OnTimePoint[], language: Language): string {
  const items = points.map((point) => (point.onTimeRate === null ? t('dashboard.charts.noRate', { label: point.label }) : itemText(point, language)));
  return t('dashboard.charts.summary', { title, items: items.join('; ') });
}

function summaryTable(title: string, points: readonly OnTimePoint[], language: Language): HTMLElement {
  // A table keeps its content's width whatever its own, so the hiding wrapper is a block.
  return el('div', { class: 'visually-hidden' }, figuresTable(title, points, language));
}

function figuresTable(title: string, points: readonly OnTimePoint[], language: Language): HTMLElement {
  return el(
    'table',
    {},
    el('caption', {}, title),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['label', 'resolved', 'onTime', 'late', 'rate'].map((key) => el('th', { scope: 'col' }, t(`dashboard.charts.${key}`))),
      ),
    ),
    el(
      'tbody',
      {},
      ...points.map((point) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, point.label),
          el('td', {}, formatCount(point.resolved, language)),
          el('td', {}, formatCount(point.early + point.onTime, language)),
          el('td', {}, formatCount(point.late, language)),
          el('td', {}, formatPercent(point.onTimeRate, language)),
        ),
      ),
    ),
  );
}

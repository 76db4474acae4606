import { COLUMNS_06A, GROUPINGS, POINTS_766, type Column06a } from '../../reports/index.js';
import { COLUMN_GROUPS_06A, COLUMN_NUMBERS_06A } from '../../reports/exports/layout06a.js';
import { translate, type Language } from '../i18n.js';
import {
  dayMonthYear,
  FIRST_YEAR,
  filtersQuery,
  LEVELS,
  monthSeriesPeriod,
  PERIOD_KINDS,
  periodOf,
  type FilterProblem,
  type FormValues,
  type ReadFilters,
} from './dashboardFilters.js';
import type { CatalogueOptions } from './filterOptions.js';

/** What the dashboard's script reads from the page: the report API's query and the labels it needs. */
export interface DashboardPageData {
  /** The filters as the report API takes them (06a, its cells, lateness, 766, on-time by unit and procedure). */
  readonly query: string;
  /** The same filters over the months the by-month chart draws. */
  readonly monthQuery: string;
  /** The 06a counting columns in the form's order, each with its group and heading for the drill-down. */
  readonly columns: readonly { readonly key: Column06a; readonly label: string }[];
  /** Procedure names by code, for the dossiers of a cell. */
  readonly procedures: Readonly<Record<string, string>>;
  /** The index's maximum points of the groups the 766 table shows. */
  readonly points: typeof POINTS_766;
}

const EXPORTS = [
  { format: 'csv', key: 'dashboard.exports.csv', type: 'text/csv' },
  { format: 'xlsx', key: 'dashboard.exports.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { format: 'html', key: 'dashboard.exports.html', type: 'text/html' },
] as const;

/** The report API path with the filters and, for a download, its format. */
function reportUrl(path: string, query: string, extra = ''): string {
  const parts = [query, extra].filter((part) => part !== '');
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

export function dashboardPageData(read: ReadFilters, options: CatalogueOptions, language: Language): DashboardPageData {
  const groupOf = (column: Column06a) => COLUMN_GROUPS_06A.findIndex((group) => group.columns.includes(column));
  return {
    query: filtersQuery(read.filters),
    monthQuery: filtersQuery(read.filters, monthSeriesPeriod(read.filters.period)),
    columns: COLUMNS_06A.map((key) => ({
      key,
      label: `${translate(language, `dashboard.group.${COLUMN_GROUPS_06A[groupOf(key)]!.columns[0]}`)}: ${translate(language, `dashboard.column.${key}`)}`,
    })),
    procedures: Object.fromEntries(options.procedures.map((p) => [p.code, p.name])),
    points: POINTS_766,
  };
}

/** Everything the page template shows: the filter form as sent, its problems, and the report sections' headings. */
export function dashboardView(read: ReadFilters, options: CatalogueOptions, language: Language, today: string) {
  const t = (key: string, values?: Record<string, unknown>) => translate(language, key, values);
  const problems = read.problems.map((problem) => {
    const message = messageOf(problem, language);
    return { name: problem.name, message, summary: `${t(`dashboard.filter.${problem.name}`)}: ${message}` };
  });
  const period = periodOf(read.filters.period);
  const query = filtersQuery(read.filters);
  const unitId = read.filters.unit ?? options.units[0]?.id;
  const monthPeriod = periodOf(monthSeriesPeriod(read.filters.period));
  return {
    problems,
    errors: Object.fromEntries(problems.map((p) => [p.name, p.message])),
    form: formOptions(read.form, options, language, today),
    scopeLine: t('dashboard.scopeLine', {
      from: dayMonthYear(period.from),
      to: dayMonthYear(period.to),
      unit: options.units.find((u) => u.id === unitId)?.name ?? '',
    }),
    exports: EXPORTS.map((e) => ({ href: reportUrl('/api/reports/06a', query, `format=${e.format}`), label: t(e.key), type: e.type, format: e.format })),
    table: {
      rowLabel: t(`dashboard.groupBy.${read.filters.groupBy}`),
      groups: COLUMN_GROUPS_06A.map((group) => ({ label: t(`dashboard.group.${group.columns[0]}`), span: group.columns.length })),
      columns: COLUMNS_06A.map((column) => ({ key: column, label: t(`dashboard.column.${column}`) })),
      numbers: COLUMN_NUMBERS_06A,
    },
    monthTitle: t('dashboard.charts.byMonth', { from: dayMonthYear(monthPeriod.from).slice(3), to: dayMonthYear(monthPeriod.to).slice(3) }),
    points: POINTS_766,
  };
}

function messageOf(problem: FilterProblem, language: Language): string {
  return translate(language, problem.key, problem.values ?? {});
}

const selected = (value: string, current: string) => ({ value, selected: value === current });

function formOptions(form: FormValues, options: CatalogueOptions, language: Language, today: string) {
  const t = (key: string, values?: Record<string, unknown>) => translate(language, key, values);
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  if (/^\d{4}$/.test(form.year) && !years.includes(form.year)) years.unshift(form.year);
  return {
    values: form,
    includeChildren: form.includeChildren === 'true',
    kinds: PERIOD_KINDS.map((kind) => ({ ...selected(kind, form.kind), label: t(`dashboard.filter.kind.${kind}`) })),
    years: years.map((year) => ({ ...selected(year, form.year), label: year })),
    quarters: [1, 2, 3, 4].map((n) => ({ ...selected(String(n), form.quarter), label: t('dashboard.filter.quarterOption', { n }) })),
    months: Array.from({ length: 12 }, (_, i) => ({ ...selected(String(i + 1), form.month), label: t('dashboard.filter.monthOption', { n: i + 1 }) })),
    units: options.units.map((unit) => ({ ...selected(unit.id, form.unit || options.units[0]!.id), label: '\u00a0\u00a0\u00a0'.repeat(unit.depth) + unit.name })),
    levels: LEVELS.map((level) => ({ ...selected(level, form.level), label: t(`dashboard.level.${level}`) })),
    procedures: options.procedures.map((p) => ({ ...selected(p.code, form.procedure), label: p.name })),
    fields: options.fields.map((field) => ({ ...selected(field, form.field), label: field })),
    groupings: GROUPINGS.map((g) => ({ ...selected(g, form.groupBy || 'field'), label: t(`dashboard.groupBy.${g}`) })),
  };
}

import { GROUPINGS, type Grouping, type Period } from '../../reports/index.js';
import { MAX_PERIOD_DAYS } from '../../reports/ReportScope.js';

/** How the period was chosen: a named year, quarter or month, or two dates. */
export type PeriodChoice =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'range'] as const;
export const LEVELS = ['province', 'district', 'commune'] as const;
export const FIRST_YEAR = 2018;

/** The dashboard's filters, checked: the same parameters the report API takes. */
export interface DashboardFilters {
  readonly period: PeriodChoice;
  readonly unit: string | null;
  readonly includeChildren: boolean;
  readonly level: string | null;
  readonly procedure: string | null;
  readonly field: string | null;
  readonly groupBy: Grouping;
}

/** What the form may offer: the units the person may see, the procedures and fields of the catalogue. */
export interface FilterChoices {
  readonly unitIds: readonly string[];
  readonly procedureCodes: readonly string[];
  readonly fields: readonly string[];
  /** Today's local date, `YYYY-MM-DD`: the default period is its year. */
  readonly today: string;
}

/** A filter that cannot be used, named by its form field; `key` is a `dashboard.error.*` text. */
export interface FilterProblem {
  readonly name: string;
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** The form's fields as they were sent, to show them again unchanged next to their problems. */
export type FormValues = Readonly<Record<(typeof FORM_FIELDS)[number], string>>;

const FORM_FIELDS = ['kind', 'year', 'quarter', 'month', 'from', 'to', 'unit', 'includeChildren', 'level', 'procedure', 'field', 'groupBy'] as const;

export interface ReadFilters {
  readonly filters: DashboardFilters;
  readonly problems: readonly FilterProblem[];
  /** The query came from the filter form (it has `kind`), not from a bookmarked address. */
  readonly fromForm: boolean;
  readonly form: FormValues;
}

type Query = Readonly<Record<string, string | undefined>>;

/**
 * The filters of a dashboard address. Two shapes are read: the filter form's
 * fields (`kind`, `year`, `quarter`, `month`, dates typed `dd/MM/yyyy`), and the
 * short form the page keeps in its address and sends to the report API
 * (`period=2026-Q1`, or `from`/`to` as `YYYY-MM-DD`).
 */
export function readFilters(query: Query, choices: FilterChoices): ReadFilters {
  const problems: FilterProblem[] = [];
  const fromForm = query.kind !== undefined;
  const period = fromForm ? formPeriod(query, problems) : addressPeriod(query, problems);
  const filters: DashboardFilters = {
    period: period ?? { kind: 'year', year: Number(choices.today.slice(0, 4)) },
    unit: oneOf(query.unit, choices.unitIds, 'unit', problems),
    includeChildren: fromForm ? query.includeChildren === 'true' : !['false', '0'].includes(query.includeChildren ?? ''),
    level: oneOf(query.level, LEVELS, 'level', problems),
    procedure: oneOf(query.procedure, choices.procedureCodes, 'procedure', problems),
    field: oneOf(query.field, choices.fields, 'field', problems),
    groupBy: (oneOf(query.groupBy, GROUPINGS, 'groupBy', problems) ?? 'field') as Grouping,
  };
  return { filters, problems, fromForm, form: fromForm ? formValuesAsSent(query) : formValuesOf(filters) };
}

function oneOf(value: string | undefined, allowed: readonly string[], name: string, problems: FilterProblem[]): string | null {
  if (value === undefined || value === '') return null;
  if (allowed.includes(value)) return value;
  problems.push({ name, key: `dashboard.error.${name}` });
  return null;
}

function formPeriod(query: Query, problems: FilterProblem[]): PeriodChoice | undefined {
  const kind = query.kind;
  if (kind === 'range') return rangeOf(query.from, query.to, problems);
  if (kind !== 'year' && kind !== 'quarter' && kind !== 'month') {
    problems.push({ name: 'kind', key: 'dashboard.error.kind' });
    return undefined;
  }
  const year = numberIn(query.year, FIRST_YEAR, 2100);
  if (year === undefined) problems.push({ name: 'year', key: 'dashboard.error.year', values: { min: FIRST_YEAR, max: 2100 } });
  if (kind === 'quarter') {
    const quarter = numberIn(query.quarter, 1, 4);
    if (quarter === undefined) problems.push({ name: 'quarter', key: 'dashboard.error.quarter' });
    return year !== undefined && quarter !== undefined ? { kind, year, quarter } : undefined;
  }
  if (kind === 'month') {
    const month = numberIn(query.month, 1, 12);
    if (month === undefined) problems.push({ name: 'month', key: 'dashboard.error.month' });
    return year !== undefined && month !== undefined ? { kind, year, month } : undefined;
  }
  return year !== undefined ? { kind, year } : undefined;
}

function addressPeriod(query: Query, problems: FilterProblem[]): PeriodChoice | undefined {
  if (query.period) {
    const named = namedPeriod(query.period);
    if (!named) problems.push({ name: 'kind', key: 'dashboard.error.period', values: { value: query.period } });
    return named;
  }
  if (query.from || query.to) return rangeOf(query.from, query.to, problems);
  return undefined;
}

/** `2026`, `2026-Q1` or `2026-03`, as the report API names periods. */
export function namedPeriod(text: string): PeriodChoice | undefined {
  let match = /^(\d{4})$/.exec(text);
  if (match) return { kind: 'year', year: Number(match[1]) };
  match = /^(\d{4})-Q([1-4])$/i.exec(text);
  if (match) return { kind: 'quarter', year: Number(match[1]), quarter: Number(match[2]) };
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { kind: 'month', year: Number(match[1]), month: Number(match[2]) };
  return undefined;
}

function rangeOf(fromText: string | undefined, toText: string | undefined, problems: FilterProblem[]): PeriodChoice | undefined {
  const from = dateOf(fromText, 'from', problems);
  const to = dateOf(toText, 'to', problems);
  if (from === undefined || to === undefined) return undefined;
  if (from > to) {
    problems.push({ name: 'to', key: 'dashboard.error.order' });
    return undefined;
  }
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS) {
    problems.push({ name: 'to', key: 'dashboard.error.tooLong' });
    return undefined;
  }
  return { kind: 'range', from, to };
}

function dateOf(text: string | undefined, name: string, problems: FilterProblem[]): string | undefined {
  if (text === undefined || text.trim() === '') {
    problems.push({ name, key: 'dashboard.error.dateRequired' });
    return undefined;
  }
  const date = parseDayMonthYear(text) ?? parseIsoDate(text);
  if (date === undefined) problems.push({ name, key: 'dashboard.error.date', values: { value: text.trim() } });
  return date;
}

/** `dd/MM/yyyy` (one-digit day and month allowed) to `YYYY-MM-DD`, or undefined when it is no real date. */
export function parseDayMonthYear(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  return match ? realDate(Number(match[3]), Number(match[2]), Number(match[1])) : undefined;
}

function parseIsoDate(text: string): string | undefined {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text);
  return match ? realDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

function realDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

function numberIn(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined || !/^\d{1,4}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** The period's first and last days. */
export function periodOf(choice: PeriodChoice): Period {
  switch (choice.kind) {
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'quarter':
      return monthsSpan(choice.year, (choice.quarter - 1) * 3 + 1, 3);
    case 'month':
      return monthsSpan(choice.year, choice.month, 1);
    case 'range':
      return { from: choice.from, to: choice.to };
  }
}

function monthsSpan(year: number, firstMonth: number, months: number): Period {
  const last = new Date(Date.UTC(year, firstMonth - 1 + months, 0));
  return { from: `${year}-${pad(firstMonth)}-01`, to: last.toISOString().slice(0, 10) };
}

/** The period as the report API's `period` value, or null for two dates. */
export function periodName(choice: PeriodChoice): string | null {
  switch (choice.kind) {
    case 'year':
      return String(choice.year);
    case 'quarter':
      return `${choice.year}-Q${choice.quarter}`;
    case 'month':
      return `${choice.year}-${pad(choice.month)}`;
    case 'range':
      return null;
  }
}

/**
 * The filters as a query string, for the page's address and for the report API
 * alike; defaults are left out so addresses stay short.
 */
export function filtersQuery(filters: DashboardFilters, period: PeriodChoice = filters.period): string {
  const params = new URLSearchParams();
  const name = periodName(period);
  if (name !== null) params.set('period', name);
  else {
    const { from, to } = periodOf(period);
    params.set('from', from);
    params.set('to', to);
  }
  if (filters.unit) params.set('unit', filters.unit);
  if (!filters.includeChildren) params.set('includeChildren', 'false');
  if (filters.level) params.set('level', filters.level);
  if (filters.procedure) params.set('procedure', filters.procedure);
  if (filters.field) params.set('field', filters.field);
  if (filters.groupBy !== 'field') params.set('groupBy', filters.groupBy);
  return params.toString();
}

/**
 * The months the by-month chart draws: the chosen year's months, or else the
 * twelve months that end with the period's last month.
 */
export function monthSeriesPeriod(choice: PeriodChoice): PeriodChoice {
  if (choice.kind === 'year') return choice;
  const { to } = periodOf(choice);
  const first = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 12, 1));
  return { kind: 'range', from: first.toISOString().slice(0, 10), to };
}

function formValuesOf(filters: DashboardFilters): FormValues {
  const { period } = filters;
  const range = period.kind === 'range' ? { from: dayMonthYear(period.from), to: dayMonthYear(period.to) } : { from: '', to: '' };
  const year = period.kind === 'range' ? period.from.slice(0, 4) : String(period.year);
  return {
    kind: period.kind,
    year,
    quarter: period.kind === 'quarter' ? String(period.quarter) : '1',
    month: period.kind === 'month' ? String(period.month) : '1',
    ...range,
    unit: filters.unit ?? '',
    includeChildren: String(filters.includeChildren),
    level: filters.level ?? '',
    procedure: filters.procedure ?? '',
    field: filters.field ?? '',
    groupBy: filters.groupBy,
  };
}

function formValuesAsSent(query: Query): FormValues {
  return Object.fromEntries(FORM_FIELDS.map((name) => [name, query[name] ?? (name === 'includeChildren' ? 'false' : '')])) as FormValues;
}

/** `YYYY-MM-DD` as `dd/MM/yyyy`. */
export function dayMonthYear(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

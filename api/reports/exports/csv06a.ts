import type { Report06a } from '../report06a.js';
import {
  COLUMN_GROUPS_06A,
  COLUMN_HEADERS_06A,
  LEADING_COLUMNS,
  ORDINAL_HEADER,
  periodLine,
  reportDateLine,
  rowLabelHeader,
  TABLE_WIDTH_06A,
  tableLines,
  TITLE_06A,
  unitLine,
} from './layout06a.js';

/** Excel reads a CSV file as the machine's ANSI code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

type Field = string | number | null;

/**
 * Form 06a as CSV (RFC 4180, CRLF, UTF-8 with BOM), laid out like the printed form:
 * title, period, report date and unit, two header lines, one line per row and the total.
 * Every line has the table's 13 fields so spreadsheet tools see one rectangle.
 */
export function report06aCsv(report: Report06a): string {
  const records: Field[][] = [
    [TITLE_06A],
    [periodLine(report)],
    [reportDateLine(report)],
    [unitLine(report)],
    [],
    [ORDINAL_HEADER, rowLabelHeader(report), ...COLUMN_GROUPS_06A.flatMap((group) => [group.label, ...group.columns.slice(1).map(() => null)])],
    [...Array<Field>(LEADING_COLUMNS).fill(null), ...COLUMN_HEADERS_06A],
    ...tableLines(report).map((line) => [line.ordinal, line.label, ...line.values]),
  ];
  return BOM + records.map((record) => padded(record).map(csvField).join(',') + CRLF).join('');
}

function padded(record: Field[]): Field[] {
  return [...record, ...Array<Field>(TABLE_WIDTH_06A - record.length).fill(null)];
}

function csvField(value: Field): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralised(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A spreadsheet would run a label starting with `=`, `+`, `-` or `@` as a formula; a leading
 * apostrophe keeps it text. Labels come from the catalogue, which many people edit.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}


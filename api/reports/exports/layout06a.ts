/**
 * The wording and shape of printed form 06a (Circular 01/2020/TT-VPCP), shared by the
 * CSV, XLSX and HTML exports so that all three say the same thing in the same order.
 */
import { COLUMN_LABELS, COLUMNS_06A, type Column06a, type Counts06a, type Grouping, type Report06a } from '../report06a.js';

export const FORM_CODE_06A = 'Biểu số 06a/VPCP/KSTT';
export const TITLE_06A = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';
export const ORDINAL_HEADER = 'STT';
export const TOTAL_LABEL = 'Tổng cộng';
export const SIGNER_TITLE = 'THỦ TRƯỞNG ĐƠN VỊ';
export const PREPARER_TITLE = 'NGƯỜI LẬP BIỂU';

/** What the second column of the table lists, by the report's grouping. */
export const ROW_LABEL_HEADERS: Readonly<Record<Grouping, string>> = {
  field: 'Lĩnh vực',
  procedure: 'Thủ tục',
  unit: 'Đơn vị',
};

export interface ColumnGroup06a {
  readonly label: string;
  readonly columns: readonly Column06a[];
}

/** The three header groups of the form, each over its run of counting columns, in `COLUMNS_06A` order. */
export const COLUMN_GROUPS_06A: readonly ColumnGroup06a[] = [
  { label: 'Số hồ sơ nhận giải quyết', columns: ['received', 'receivedOnline', 'receivedInPerson', 'carriedOver'] },
  { label: 'Số hồ sơ đã giải quyết', columns: ['resolved', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate'] },
  { label: 'Số hồ sơ đang giải quyết', columns: ['inProgress', 'inProgressInTime', 'inProgressLate'] },
];

/** The ordinal and row-label columns come before the counting columns. */
export const LEADING_COLUMNS = 2;
export const TABLE_WIDTH_06A = LEADING_COLUMNS + COLUMNS_06A.length;

/** The labels of the counting columns, in the form's order. */
export const COLUMN_HEADERS_06A: readonly string[] = COLUMNS_06A.map((column) => COLUMN_LABELS[column]);

/** The printed form numbers its columns `(1)` … `(13)` under the headers. */
export const COLUMN_NUMBERS_06A: readonly string[] = Array.from({ length: TABLE_WIDTH_06A }, (_, index) => `(${index + 1})`);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` local date as `dd/MM/yyyy`. */
export function formatReportDate(date: string): string {
  const match = ISO_DATE.exec(date);
  if (match === null) throw new RangeError(`Expected a report date as YYYY-MM-DD, but got '${date}'`);
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

export function periodLine(report: Report06a): string {
  return `Kỳ báo cáo: từ ngày ${formatReportDate(report.period.from)} đến ngày ${formatReportDate(report.period.to)}`;
}

/** "In progress" is judged at the report date, which may fall before the period's end while it runs. */
export function reportDateLine(report: Report06a): string {
  return `Số liệu tính đến ngày ${formatReportDate(report.reportDate)}`;
}

export function unitLine(report: Report06a): string {
  const { name, unitCode } = report.scope.unit;
  return unitCode.trim() === '' ? `Đơn vị báo cáo: ${name}` : `Đơn vị báo cáo: ${name} (mã đơn vị: ${unitCode})`;
}

export function rowLabelHeader(report: Report06a): string {
  return ROW_LABEL_HEADERS[report.groupBy];
}

/** The counts of a row in the form's column order. */
export function countsInOrder(counts: Counts06a): number[] {
  return COLUMNS_06A.map((column) => counts[column]);
}

export interface TableLine06a {
  /** `1`, `2`, … for the rows; null on the total line. */
  readonly ordinal: number | null;
  readonly label: string;
  readonly values: readonly number[];
  readonly isTotal: boolean;
}

/** The body of the table: one line per row, numbered from 1, then the total. */
export function tableLines(report: Report06a): TableLine06a[] {
  return [
    ...report.rows.map((row, index) => ({ ordinal: index + 1, label: row.label, values: countsInOrder(row.counts), isTotal: false })),
    { ordinal: null, label: TOTAL_LABEL, values: countsInOrder(report.total), isTotal: true },
  ];
}

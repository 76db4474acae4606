import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { formatDateInWords } from '../../documents/index.js';
import type { Report06a } from '../report06a.js';
import {
  COLUMN_GROUPS_06A,
  COLUMN_HEADERS_06A,
  COLUMN_NUMBERS_06A,
  FORM_CODE_06A,
  ORDINAL_HEADER,
  periodLine,
  PREPARER_TITLE,
  reportDateLine,
  rowLabelHeader,
  SIGNER_TITLE,
  tableLines,
  TITLE_06A,
  unitLine,
} from './layout06a.js';

export interface Report06aHtmlOptions {
  /** The place on the date line, e.g. "Đà Nẵng". */
  readonly place: string;
  /** When the page is issued; printed as a local date in Vietnam. */
  readonly generatedAt: Date;
}

const TEMPLATE = new URL('./report06a.hbs', import.meta.url);

/** Printed in place of a missing place name, leaving room to write it by hand. */
const BLANK_PLACE = '……………';

/** Counts are grouped in thousands the Vietnamese way: 1.234. */
const COUNT_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

let loading: Promise<Handlebars.TemplateDelegate> | undefined;

/** Form 06a as a standalone printable page (A4 landscape) with the national header and signature block. */
export async function report06aHtml(report: Report06a, options: Report06aHtmlOptions): Promise<string> {
  const template = await report06aTemplate();
  return template(viewOf(report, options));
}

function viewOf(report: Report06a, options: Report06aHtmlOptions) {
  const place = options.place.trim() === '' ? BLANK_PLACE : options.place.trim();
  return {
    unitName: report.scope.unit.name.toLocaleUpperCase('vi-VN'),
    formCode: FORM_CODE_06A,
    title: TITLE_06A,
    periodLine: periodLine(report),
    reportDateLine: reportDateLine(report),
    unitLine: unitLine(report),
    ordinalHeader: ORDINAL_HEADER,
    rowLabelHeader: rowLabelHeader(report),
    groups: COLUMN_GROUPS_06A.map((group) => ({ label: group.label, span: group.columns.length })),
    columnHeaders: COLUMN_HEADERS_06A,
    columnNumbers: COLUMN_NUMBERS_06A,
    lines: tableLines(report).map((line) => ({ ...line, values: line.values.map((value) => COUNT_FORMAT.format(value)) })),
    placeDate: `${place}, ${formatDateInWords(options.generatedAt)}`,
    preparerTitle: PREPARER_TITLE,
    signerTitle: SIGNER_TITLE,
  };
}

/** The compiled page; read and compiled once per process. */
function report06aTemplate(): Promise<Handlebars.TemplateDelegate> {
  loading ??= readFile(TEMPLATE, 'utf8')
    // An isolated environment keeps this template apart from any other Handlebars user.
    .then((source) => Handlebars.create().compile(source, { strict: true }))
    .catch((error: unknown) => {
      // A failed read must not poison the cache: the next render tries again.
      loading = undefined;
      throw error;
    });
  return loading;
}

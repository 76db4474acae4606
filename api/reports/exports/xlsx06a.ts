import ExcelJS from 'exceljs';
import type { Report06a } from '../report06a.js';
import {
  COLUMN_GROUPS_06A,
  COLUMN_HEADERS_06A,
  COLUMN_NUMBERS_06A,
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

export const SHEET_06A = '06a';

/** Where the table sits on the sheet: title lines, a spacer, then the two header rows and the column numbers. */
const TITLE_ROW = 1;
const GROUP_HEADER_ROW = 6;
const COLUMN_HEADER_ROW = 7;
const COLUMN_NUMBER_ROW = 8;
const FIRST_BODY_ROW = 9;

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const COUNT_FORMAT = '#,##0';

/**
 * Form 06a as a workbook with one sheet laid out like the printed form: merged group
 * headers over their columns, counts as numeric cells, A4 landscape, headers frozen and
 * repeated on every printed page.
 */
export async function report06aXlsx(report: Report06a): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_06A, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${GROUP_HEADER_ROW}:${COLUMN_NUMBER_ROW}`,
    },
    views: [{ state: 'frozen', xSplit: LEADING_COLUMNS, ySplit: COLUMN_NUMBER_ROW }],
  });
  sheet.columns = [{ width: 6 }, { width: 42 }, ...COLUMN_HEADERS_06A.map(() => ({ width: 13 }))];

  writeTitle(sheet, report);
  writeHeaders(sheet, report);
  writeBody(sheet, report);

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function writeTitle(sheet: ExcelJS.Worksheet, report: Report06a): void {
  const lines = [TITLE_06A, periodLine(report), reportDateLine(report), unitLine(report)];
  lines.forEach((text, index) => {
    const row = TITLE_ROW + index;
    sheet.mergeCells(row, 1, row, TABLE_WIDTH_06A);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: FONT, size: index === 0 ? 14 : 12, bold: index === 0, italic: index === 1 || index === 2 };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  sheet.getRow(TITLE_ROW).height = 24;
}

function writeHeaders(sheet: ExcelJS.Worksheet, report: Report06a): void {
  // The ordinal and label headers span both header rows, as on the printed form.
  sheet.mergeCells(GROUP_HEADER_ROW, 1, COLUMN_HEADER_ROW, 1);
  sheet.getCell(GROUP_HEADER_ROW, 1).value = ORDINAL_HEADER;
  sheet.mergeCells(GROUP_HEADER_ROW, 2, COLUMN_HEADER_ROW, 2);
  sheet.getCell(GROUP_HEADER_ROW, 2).value = rowLabelHeader(report);

  let column = LEADING_COLUMNS + 1;
  for (const group of COLUMN_GROUPS_06A) {
    const last = column + group.columns.length - 1;
    sheet.mergeCells(GROUP_HEADER_ROW, column, GROUP_HEADER_ROW, last);
    sheet.getCell(GROUP_HEADER_ROW, column).value = group.label;
    column = last + 1;
  }
  COLUMN_HEADERS_06A.forEach((label, index) => {
    sheet.getCell(COLUMN_HEADER_ROW, LEADING_COLUMNS + 1 + index).value = label;
  });
  COLUMN_NUMBERS_06A.forEach((number, index) => {
    sheet.getCell(COLUMN_NUMBER_ROW, 1 + index).value = number;
  });

  for (const row of [GROUP_HEADER_ROW, COLUMN_HEADER_ROW, COLUMN_NUMBER_ROW]) {
    for (let col = 1; col <= TABLE_WIDTH_06A; col += 1) {
      const cell = sheet.getCell(row, col);
      cell.font = { name: FONT, size: 11, bold: row !== COLUMN_NUMBER_ROW, italic: row === COLUMN_NUMBER_ROW };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BOX;
    }
  }
  sheet.getRow(GROUP_HEADER_ROW).height = 30;
  sheet.getRow(COLUMN_HEADER_ROW).height = 48;
}

function writeBody(sheet: ExcelJS.Worksheet, report: Report06a): void {
  tableLines(report).forEach((line, index) => {
    const row = sheet.getRow(FIRST_BODY_ROW + index);
    const values = [line.ordinal, line.label, ...line.values];
    for (let col = 1; col <= TABLE_WIDTH_06A; col += 1) {
      const cell = row.getCell(col);
      cell.value = values[col - 1];
      cell.font = { name: FONT, size: 11, bold: line.isTotal };
      cell.border = BOX;
      if (col === 2) {
        cell.alignment = { horizontal: line.isTotal ? 'center' : 'left', vertical: 'middle', wrapText: true };
      } else {
        cell.alignment = { horizontal: col === 1 ? 'center' : 'right', vertical: 'middle' };
        if (col > LEADING_COLUMNS) cell.numFmt = COUNT_FORMAT;
      }
    }
  });
}

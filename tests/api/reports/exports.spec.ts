import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { report06aCsv, report06aHtml, report06aXlsx } from '../../../api/reports/exports/index.js';
import { COLUMN_GROUPS_06A, formatReportDate } from '../../../api/reports/exports/layout06a.js';
import { COLUMN_LABELS, COLUMNS_06A, type Counts06a, type Grouping, type Report06a, type Row06a } from '../../../api/reports/index.js';
import { parseCsv } from './support/parseCsv.js';

const QUOTED_LABEL = 'Chứng thực, "bản sao" & đối chiếu';

/** Counts whose group totals are the sums of their parts; the fixtures also keep received = resolved + in progress. */
function counts(received: [number, number, number], resolved: [number, number, number], inProgress: [number, number]): Counts06a {
  const [receivedOnline, receivedInPerson, carriedOver] = received;
  const [resolvedEarly, resolvedOnTime, resolvedLate] = resolved;
  const [inProgressInTime, inProgressLate] = inProgress;
  return {
    received: receivedOnline + receivedInPerson + carriedOver,
    receivedOnline,
    receivedInPerson,
    carriedOver,
    resolved: resolvedEarly + resolvedOnTime + resolvedLate,
    resolvedEarly,
    resolvedOnTime,
    resolvedLate,
    inProgress: inProgressInTime + inProgressLate,
    inProgressInTime,
    inProgressLate,
  };
}

function aReport06a(overrides: { groupBy?: Grouping; rows?: readonly Row06a[]; unitName?: string } = {}): Report06a {
  const rows = overrides.rows ?? [
    { key: 'Hộ tịch', label: 'Hộ tịch', counts: counts([820, 400, 14], [1000, 150, 50], [30, 4]) },
    { key: 'Chứng thực', label: QUOTED_LABEL, counts: counts([5, 60, 2], [40, 20, 1], [5, 1]) },
    { key: 'Lý lịch tư pháp', label: 'Lý lịch tư pháp', counts: counts([210, 88, 9], [201, 77, 12], [13, 4]) },
  ];
  const total = Object.fromEntries(COLUMNS_06A.map((c) => [c, rows.reduce((sum, row) => sum + row.counts[c], 0)])) as Counts06a;
  return {
    period: { from: '2026-01-01', to: '2026-03-31' },
    reportDate: '2026-03-31',
    groupBy: overrides.groupBy ?? 'field',
    apologyDue: 'original',
    scope: {
      unit: { id: 'so-tu-phap', name: overrides.unitName ?? 'Sở Tư pháp thành phố Đà Nẵng', unitCode: '000.00.15.H17' },
      includeChildren: false,
      level: null,
      procedure: null,
      field: null,
    },
    rows,
    total,
  };
}

function inOrder(values: Counts06a): number[] {
  return COLUMNS_06A.map((column) => values[column]);
}

const GROUP_LABELS = ['Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết'];

describe('reports: form 06a exports', () => {
  describe('layout', () => {
    it('should cover every counting column once, in order, with the three header groups', () => {
      expect(COLUMN_GROUPS_06A.map((group) => group.label)).to.deep.equal(GROUP_LABELS);
      expect(COLUMN_GROUPS_06A.flatMap((group) => group.columns)).to.deep.equal([...COLUMNS_06A]);
    });

    it('should print a report date as dd/MM/yyyy', () => {
      expect(formatReportDate('2026-01-09')).to.equal('09/01/2026');
    });

    it('should NOT accept a report date not written YYYY-MM-DD', () => {
      expect(() => formatReportDate('09/01/2026')).to.throw(RangeError, "Expected a report date as YYYY-MM-DD, but got '09/01/2026'");
    });
  });

  describe('CSV', () => {
    it('should start with a UTF-8 byte order mark and end every line with CRLF', () => {
      // when
      const csv = report06aCsv(aReport06a());

      // then
      expect(csv.charCodeAt(0)).to.equal(0xfeff);
      expect(csv.endsWith('\r\n')).to.equal(true);
      expect(csv.replaceAll('\r\n', '')).not.to.match(/[\r\n]/);
    });

    it('should give every line the 13 fields of the table', () => {
      // when
      const records = parseCsv(report06aCsv(aReport06a()).slice(1));

      // then
      expect(records).to.have.length(4 + 1 + 2 + 3 + 1);
      expect(records.map((record) => record.length)).to.deep.equal(records.map(() => 13));
    });

    it('should print the title, the period and report date as dd/MM/yyyy, and the unit', () => {
      // when
      const records = parseCsv(report06aCsv(aReport06a()).slice(1));

      // then
      expect(records.slice(0, 4).map((record) => record[0])).to.deep.equal([
        'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
        'Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026',
        'Số liệu tính đến ngày 31/03/2026',
        'Đơn vị báo cáo: Sở Tư pháp thành phố Đà Nẵng (mã đơn vị: 000.00.15.H17)',
      ]);
    });

    it('should head the table with each group over the first of its columns, then the column labels', () => {
      // when
      const records = parseCsv(report06aCsv(aReport06a()).slice(1));

      // then
      const [groups, labels] = records.slice(5, 7);
      expect(groups).to.deep.equal(['STT', 'Lĩnh vực', GROUP_LABELS[0], '', '', '', GROUP_LABELS[1], '', '', '', GROUP_LABELS[2], '', '']);
      expect(labels).to.deep.equal(['', '', ...COLUMNS_06A.map((column) => COLUMN_LABELS[column])]);
    });

    for (const { groupBy, header } of [
      { groupBy: 'field', header: 'Lĩnh vực' },
      { groupBy: 'procedure', header: 'Thủ tục' },
      { groupBy: 'unit', header: 'Đơn vị' },
    ] as const) {
      it(`should head the row labels '${header}' when grouped by ${groupBy}`, () => {
        // when
        const records = parseCsv(report06aCsv(aReport06a({ groupBy })).slice(1));

        // then
        expect(records[5][1]).to.equal(header);
      });
    }

    it('should read back to each row with its ordinal, label and counts in the form order, then the total', () => {
      // given
      const report = aReport06a();

      // when
      const body = parseCsv(report06aCsv(report).slice(1)).slice(7);

      // then
      expect(body).to.deep.equal([
        ['1', 'Hộ tịch', ...inOrder(report.rows[0].counts).map(String)],
        ['2', QUOTED_LABEL, ...inOrder(report.rows[1].counts).map(String)],
        ['3', 'Lý lịch tư pháp', ...inOrder(report.rows[2].counts).map(String)],
        ['', 'Tổng cộng', '1608', '1035', '548', '25', '1551', '1241', '247', '63', '57', '48', '9'],
      ]);
    });

    it('should quote a label holding a comma and double its quotes', () => {
      // when
      const csv = report06aCsv(aReport06a());

      // then
      expect(csv).to.include('\r\n2,"Chứng thực, ""bản sao"" & đối chiếu",67,5,60,2,');
    });

    it('should NOT let a spreadsheet run a label that starts like a formula', () => {
      // given
      const report = aReport06a({ rows: [{ key: 'x', label: '=HYPERLINK("http://example.test")', counts: counts([1, 0, 0], [1, 0, 0], [0, 0]) }] });

      // when
      const body = parseCsv(report06aCsv(report).slice(1)).slice(7);

      // then
      expect(body[0][1]).to.equal('\'=HYPERLINK("http://example.test")');
    });
  });

  describe('XLSX', () => {
    async function sheetOf(report: Report06a): Promise<ExcelJS.Worksheet> {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await report06aXlsx(report)) as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('06a');
      if (sheet === undefined) throw new Error("Expected a sheet named '06a' in the workbook");
      return sheet;
    }

    function rowWith(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
      for (let number = 1; number <= sheet.rowCount; number += 1) {
        if (sheet.getRow(number).getCell(2).value === label) return sheet.getRow(number);
      }
      throw new Error(`Expected a row labelled '${label}' on the sheet`);
    }

    function countsOf(row: ExcelJS.Row): unknown[] {
      return COLUMNS_06A.map((_, index) => row.getCell(3 + index).value);
    }

    it('should write one sheet named 06a', async () => {
      // given
      const workbook = new ExcelJS.Workbook();

      // when
      await workbook.xlsx.load((await report06aXlsx(aReport06a())) as unknown as ExcelJS.Buffer);

      // then
      expect(workbook.worksheets.map((sheet) => sheet.name)).to.deep.equal(['06a']);
    });

    it('should keep every row and the total as numeric cells with their labels', async () => {
      // given
      const report = aReport06a();

      // when
      const sheet = await sheetOf(report);

      // then
      for (const [index, row] of report.rows.entries()) {
        const written = rowWith(sheet, row.label);
        expect(written.getCell(1).value).to.equal(index + 1);
        expect(countsOf(written)).to.deep.equal(inOrder(row.counts));
      }
      expect(countsOf(rowWith(sheet, 'Tổng cộng'))).to.deep.equal([1608, 1035, 548, 25, 1551, 1241, 247, 63, 57, 48, 9]);
      expect(rowWith(sheet, QUOTED_LABEL).getCell(3).type).to.equal(ExcelJS.ValueType.Number);
    });

    it('should merge the title lines and the group headers over their columns as on the printed form', async () => {
      // when
      const sheet = await sheetOf(aReport06a());

      // then
      expect(sheet.model.merges).to.have.members(['A1:M1', 'A2:M2', 'A3:M3', 'A4:M4', 'A6:A7', 'B6:B7', 'C6:F6', 'G6:J6', 'K6:M6']);
      expect(['C6', 'G6', 'K6'].map((address) => sheet.getCell(address).value)).to.deep.equal(GROUP_LABELS);
      expect(sheet.getCell('B6').value).to.equal('Lĩnh vực');
    });

    it('should print the title, the period as dd/MM/yyyy and the unit above the table', async () => {
      // when
      const sheet = await sheetOf(aReport06a());

      // then
      expect(['A1', 'A2', 'A4'].map((address) => sheet.getCell(address).value)).to.deep.equal([
        'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
        'Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026',
        'Đơn vị báo cáo: Sở Tư pháp thành phố Đà Nẵng (mã đơn vị: 000.00.15.H17)',
      ]);
    });

    it('should label the columns and number them (1) to (13)', async () => {
      // when
      const sheet = await sheetOf(aReport06a());

      // then
      expect(COLUMNS_06A.map((_, index) => sheet.getRow(7).getCell(3 + index).value)).to.deep.equal(COLUMNS_06A.map((c) => COLUMN_LABELS[c]));
      expect(Array.from({ length: 13 }, (_, index) => sheet.getRow(8).getCell(1 + index).value)).to.deep.equal(
        Array.from({ length: 13 }, (_, index) => `(${index + 1})`),
      );
    });

    it('should make the headers and the total bold and the rows not', async () => {
      // when
      const sheet = await sheetOf(aReport06a());

      // then
      expect(sheet.getCell('C6').font.bold).to.equal(true);
      expect(sheet.getCell('D7').font.bold).to.equal(true);
      expect(rowWith(sheet, 'Tổng cộng').getCell(3).font.bold).to.equal(true);
      expect(rowWith(sheet, 'Hộ tịch').getCell(3).font.bold ?? false).to.equal(false);
    });

    it('should border every cell of the table', async () => {
      // when
      const sheet = await sheetOf(aReport06a());

      // then
      const total = rowWith(sheet, 'Tổng cộng').number;
      for (let row = 6; row <= total; row += 1) {
        for (let col = 1; col <= 13; col += 1) {
          const { border } = sheet.getRow(row).getCell(col);
          expect([border?.top?.style, border?.left?.style, border?.bottom?.style, border?.right?.style], `border of row ${row}, column ${col}`).to.deep.equal([
            'thin',
            'thin',
            'thin',
            'thin',
          ]);
        }
      }
    });

    it('should set up A4 landscape, freeze the headers and size the columns', async () => {
      // when
      const sheet = await sheetOf(aReport06a());

      // then
      expect(sheet.pageSetup.paperSize).to.equal(9);
      expect(sheet.pageSetup.orientation).to.equal('landscape');
      expect(sheet.views[0]).to.include({ state: 'frozen', xSplit: 2, ySplit: 8 });
      expect(sheet.getColumn(2).width).to.be.greaterThan(sheet.getColumn(3).width ?? 0);
    });
  });

  describe('HTML', () => {
    const options = { place: 'Đà Nẵng', generatedAt: new Date('2026-03-31T17:30:00Z') };

    /** The cells of each body row, tags removed and Handlebars' entities decoded. */
    function bodyRows(html: string): string[][] {
      const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1];
      if (body === undefined) throw new Error('Expected a table body in the page');
      return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => decoded(cell[1])));
    }

    function decoded(html: string): string {
      const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`', '&#x3D;': '=', '&amp;': '&' };
      return html.replace(/&(?:lt|gt|quot|amp|#x27|#x60|#x3D);/g, (entity) => entities[entity]).trim();
    }

    it('should be a standalone Vietnamese page with the national motto and the signature block', async () => {
      // when
      const html = await report06aHtml(aReport06a(), options);

      // then
      expect(html).to.match(/^<!DOCTYPE html>\s*<html lang="vi">/);
      expect(html).to.include('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(html).to.include('Độc lập - Tự do - Hạnh phúc');
      expect(html).to.include('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
      expect(html).to.include('SỞ TƯ PHÁP THÀNH PHỐ ĐÀ NẴNG');
      expect(html).to.include('THỦ TRƯỞNG ĐƠN VỊ');
    });

    it('should print the period as dd/MM/yyyy', async () => {
      // when
      const html = await report06aHtml(aReport06a(), options);

      // then
      expect(html).to.include('Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026');
    });

    it('should date the page in Vietnam local time, after midnight there though still the day before in UTC', async () => {
      // when
      const html = await report06aHtml(aReport06a(), options);

      // then
      expect(html).to.include('Đà Nẵng, ngày 01 tháng 4 năm 2026');
    });

    it('should ask the printer for A4 landscape', async () => {
      // when
      const html = await report06aHtml(aReport06a(), options);

      // then
      expect(html).to.match(/@page\s*\{[^}]*size:\s*A4 landscape/);
    });

    it('should group the headers over their columns and number the columns (1) to (13)', async () => {
      // when
      const html = await report06aHtml(aReport06a({ groupBy: 'procedure' }), options);

      // then
      expect(html).to.include('<th rowspan="2">STT</th><th rowspan="2">Thủ tục</th>');
      expect(html).to.include(GROUP_LABELS.map((label, index) => `<th colspan="${[4, 4, 3][index]}">${label}</th>`).join(''));
      expect(html).to.include(Array.from({ length: 13 }, (_, index) => `<th>(${index + 1})</th>`).join(''));
    });

    it('should show every row with its escaped label and every count, then the total', async () => {
      // given
      const report = aReport06a();
      const grouped = (n: number) => n.toLocaleString('vi-VN');

      // when
      const html = await report06aHtml(report, options);

      // then
      expect(html).to.include('Chứng thực, &quot;bản sao&quot; &amp; đối chiếu');
      expect(bodyRows(html)).to.deep.equal([
        ['1', 'Hộ tịch', '1.234', ...inOrder(report.rows[0].counts).slice(1).map(grouped)],
        ['2', QUOTED_LABEL, ...inOrder(report.rows[1].counts).map(grouped)],
        ['3', 'Lý lịch tư pháp', ...inOrder(report.rows[2].counts).map(grouped)],
        ['', 'Tổng cộng', '1.608', '1.035', '548', '25', '1.551', '1.241', '247', '63', '57', '48', '9'],
      ]);
    });

    it('should NOT let a label or unit name inject markup', async () => {
      // given
      const report = aReport06a({
        unitName: '<b>Phường</b>',
        rows: [{ key: 'x', label: '<img src=x onerror=alert(1)>', counts: counts([1, 0, 0], [1, 0, 0], [0, 0]) }],
      });

      // when
      const html = await report06aHtml(report, options);

      // then
      expect(html).not.to.include('<img');
      expect(html).not.to.include('<B>');
      expect(html).to.include('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(bodyRows(html)[0][1]).to.equal('<img src=x onerror=alert(1)>');
    });
  });
});

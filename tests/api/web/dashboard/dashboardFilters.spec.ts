import { expect } from 'chai';
import { COLUMN_LABELS, COLUMNS_06A } from '../../../../api/reports/index.js';
import { COLUMN_GROUPS_06A } from '../../../../api/reports/exports/layout06a.js';
import { filtersQuery, monthSeriesPeriod, periodOf, readFilters, type FilterChoices } from '../../../../api/web/dashboard/index.js';
import { CATALOGUES } from '../../../../api/web/i18n.js';

const CHOICES: FilterChoices = {
  unitIds: ['tinh', 'hai-chau', 'thanh-khe'],
  procedureCodes: ['khai-sinh', 'dang-ky-ho-kinh-doanh'],
  fields: ['Hộ tịch'],
  today: '2026-05-08',
};

const read = (query: Record<string, string>) => readFilters(query, CHOICES);
const problemsOf = (query: Record<string, string>) => read(query).problems.map((p) => [p.name, p.key]);

describe('api/web/dashboard filters', function () {
  describe('from the address', function () {
    const cases: [address: string, query: string, from: string, to: string][] = [
      ['nothing: this year', '', '2026-01-01', '2026-12-31'],
      ['a year', 'period=2025', '2025-01-01', '2025-12-31'],
      ['a quarter', 'period=2026-Q2', '2026-04-01', '2026-06-30'],
      ['a month', 'period=2024-02', '2024-02-01', '2024-02-29'],
      ['two dates as the API writes them', 'from=2026-03-05&to=2026-04-20', '2026-03-05', '2026-04-20'],
      ['two dates as people type them', 'from=5/3/2026&to=20/04/2026', '2026-03-05', '2026-04-20'],
    ];
    for (const [title, query, from, to] of cases) {
      it(`should read ${title}`, function () {
        const { filters, problems, fromForm } = read(Object.fromEntries(new URLSearchParams(query)));
        expect(problems).to.deep.equal([]);
        expect(fromForm).to.equal(false);
        expect(periodOf(filters.period)).to.deep.equal({ from, to });
      });
    }

    it('should include subordinate units unless the address says false', function () {
      expect(read({}).filters.includeChildren).to.equal(true);
      expect(read({ includeChildren: 'false' }).filters.includeChildren).to.equal(false);
    });

    it('should name a period it cannot read, and fall back to this year', function () {
      const { filters, problems } = read({ period: '2026-13' });
      expect(problems).to.deep.equal([{ name: 'kind', key: 'dashboard.error.period', values: { value: '2026-13' } }]);
      expect(periodOf(filters.period)).to.deep.equal({ from: '2026-01-01', to: '2026-12-31' });
    });

    it('should NOT take a unit, procedure or field that is not offered', function () {
      expect(problemsOf({ unit: 'hoa-vang', procedure: 'khong-co', field: 'Đất đai', level: 'ward', groupBy: 'day' })).to.deep.equal([
        ['unit', 'dashboard.error.unit'],
        ['level', 'dashboard.error.level'],
        ['procedure', 'dashboard.error.procedure'],
        ['field', 'dashboard.error.field'],
        ['groupBy', 'dashboard.error.groupBy'],
      ]);
    });
  });

  describe('from the form', function () {
    it('should read a month picked in the form, and an unticked box as false', function () {
      const { filters, problems, fromForm } = read({ kind: 'month', year: '2026', quarter: '1', month: '3', unit: 'hai-chau' });
      expect([problems, fromForm]).to.deep.equal([[], true]);
      expect(filtersQuery(filters)).to.equal('period=2026-03&unit=hai-chau&includeChildren=false');
    });

    it('should keep the dates as typed and say which one is no real date', function () {
      const { problems, form } = read({ kind: 'range', from: '01/05/2026', to: '31/02/2026' });
      expect(problems).to.deep.equal([{ name: 'to', key: 'dashboard.error.date', values: { value: '31/02/2026' } }]);
      expect([form.from, form.to]).to.deep.equal(['01/05/2026', '31/02/2026']);
    });

    const rangeCases: [title: string, from: string, to: string, problem: [string, string]][] = [
      ['an empty start date', '', '31/05/2026', ['from', 'dashboard.error.dateRequired']],
      ['dates the wrong way round', '31/05/2026', '01/05/2026', ['to', 'dashboard.error.order']],
      ['a period longer than five years', '01/01/2018', '31/12/2026', ['to', 'dashboard.error.tooLong']],
    ];
    for (const [title, from, to, problem] of rangeCases) {
      it(`should refuse ${title}`, function () {
        expect(problemsOf({ kind: 'range', from, to })).to.deep.equal([problem]);
      });
    }

    it('should refuse a quarter out of range and a year not offered', function () {
      expect(problemsOf({ kind: 'quarter', year: '1999', quarter: '5' })).to.deep.equal([
        ['year', 'dashboard.error.year'],
        ['quarter', 'dashboard.error.quarter'],
      ]);
    });
  });

  describe('the query the page and the report API share', function () {
    it('should leave the defaults out and write two dates as YYYY-MM-DD', function () {
      const { filters } = read({ from: '05/03/2026', to: '20/04/2026', groupBy: 'unit', procedure: 'khai-sinh' });
      expect(filtersQuery(filters)).to.equal('from=2026-03-05&to=2026-04-20&procedure=khai-sinh&groupBy=unit');
    });

    it('should draw the months of a chosen year, and otherwise the twelve months up to the period', function () {
      expect(periodOf(monthSeriesPeriod({ kind: 'year', year: 2025 }))).to.deep.equal({ from: '2025-01-01', to: '2025-12-31' });
      expect(periodOf(monthSeriesPeriod({ kind: 'month', year: 2026, month: 3 }))).to.deep.equal({ from: '2025-04-01', to: '2026-03-31' });
      expect(periodOf(monthSeriesPeriod({ kind: 'range', from: '2026-01-10', to: '2026-02-15' }))).to.deep.equal({ from: '2025-03-01', to: '2026-02-15' });
    });
  });

  describe('texts', function () {
    it('should head the 06a columns and groups in Vietnamese exactly as the printed form does', function () {
      for (const column of COLUMNS_06A) expect(CATALOGUES.vi[`dashboard.column.${column}`], column).to.equal(COLUMN_LABELS[column]);
      for (const group of COLUMN_GROUPS_06A) expect(CATALOGUES.vi[`dashboard.group.${group.columns[0]}`]).to.equal(group.label);
    });
  });
});

import { expect } from 'chai';
import { formatCount, formatDecimal, formatPercent } from '../../../designer/dashboard/numbers.js';
import { wrap } from '../../../designer/dashboard/chartLabels.js';

describe('designer/dashboard numbers', function () {
  const cases: [title: string, actual: () => string, expected: string][] = [
    ['a count with dot thousands in Vietnamese', () => formatCount(1234567, 'vi'), '1.234.567'],
    ['a count with comma thousands in English', () => formatCount(1234567, 'en'), '1,234,567'],
    ['a share with one decimal and a comma', () => formatPercent(0.955, 'vi'), '95,5\u00a0%'],
    ['a share rounded to one decimal', () => formatPercent(0.6667, 'vi'), '66,7\u00a0%'],
    ['a whole share with its decimal', () => formatPercent(1, 'vi'), '100,0\u00a0%'],
    ['a share in English', () => formatPercent(0.955, 'en'), '95.5\u00a0%'],
    ['no share as a dash', () => formatPercent(null, 'vi'), '—'],
    ['hours with a decimal comma', () => formatDecimal(12.25, 'vi', 1), '12,3'],
    ['a decimal without trailing zeros', () => formatDecimal(3, 'vi'), '3'],
  ];
  for (const [title, actual, expected] of cases) {
    it(`should write ${title}: ${expected}`, function () {
      expect(actual()).to.equal(expected);
    });
  }
});

describe('designer/dashboard chart labels', function () {
  it('should break a long name into lines at spaces', function () {
    expect(wrap('Đăng ký thành lập hộ kinh doanh', 16)).to.deep.equal(['Đăng ký thành', 'lập hộ kinh', 'doanh']);
  });

  it('should keep a short name on one line', function () {
    expect(wrap('Hộ tịch', 28)).to.deep.equal(['Hộ tịch']);
  });
});

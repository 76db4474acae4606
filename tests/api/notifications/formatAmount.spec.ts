import { expect } from 'chai';
import { formatAmount, NotificationError } from '../../../api/notifications/index.js';

describe('notifications/formatAmount', function () {
  const cases: ReadonlyArray<readonly [number | string, string]> = [
    [0, '0 đồng'],
    [2000, '2.000 đồng'],
    [135000, '135.000 đồng'],
    [1250000, '1.250.000 đồng'],
    ['200000.00', '200.000 đồng'],
    [999.6, '1.000 đồng'],
  ];

  for (const [amount, expected] of cases) {
    it(`should write ${JSON.stringify(amount)} as ${expected}`, function () {
      expect(formatAmount(amount)).to.equal(expected);
    });
  }

  for (const invalid of [-1, Number.NaN, '12,5', 'miễn phí', null]) {
    it(`should refuse ${String(invalid)}`, function () {
      expect(() => formatAmount(invalid)).to.throw(NotificationError, 'Expected an amount').with.property('code', 'INVALID_DATA');
    });
  }
});

import { expect } from 'chai';
import {
  formatDate,
  formatDateInWords,
  formatDateTime,
  formatDateTimeInWords,
  formatMoney,
  formatTime,
} from '../../../api/documents/index.js';

describe('documents: formatters', () => {
  const lateEveningUtc = new Date('2026-03-05T17:30:00Z');

  describe('dates and times in Vietnam (UTC+07:00)', () => {
    it('should print the local date dd/MM/yyyy of an instant that is still the previous day in UTC', () => {
      expect(formatDate(lateEveningUtc)).to.equal('06/03/2026');
    });

    it('should print the local time HH:mm', () => {
      expect(formatTime(lateEveningUtc)).to.equal('00:30');
    });

    it('should print the local date and time as dd/MM/yyyy HH:mm', () => {
      expect(formatDateTime(lateEveningUtc)).to.equal('06/03/2026 00:30');
    });

    it('should word a time as the official forms do', () => {
      expect(formatDateTimeInWords(new Date('2026-03-05T03:30:00Z'))).to.equal('10 giờ 30 phút, ngày 05/03/2026');
    });

    for (const { instant, expected } of [
      { instant: '2026-03-05T03:00:00Z', expected: 'ngày 05 tháng 3 năm 2026' },
      { instant: '2026-01-09T03:00:00Z', expected: 'ngày 09 tháng 01 năm 2026' },
      { instant: '2026-02-28T03:00:00Z', expected: 'ngày 28 tháng 02 năm 2026' },
      { instant: '2025-12-31T17:00:00Z', expected: 'ngày 01 tháng 01 năm 2026' },
      { instant: '2026-11-24T03:00:00Z', expected: 'ngày 24 tháng 11 năm 2026' },
    ]) {
      it(`should word ${instant} as "${expected}", padding only days below 10 and months 1 and 2`, () => {
        expect(formatDateInWords(new Date(instant))).to.equal(expected);
      });
    }

    it('should print nothing for a missing date', () => {
      expect([formatDate(null), formatTime(undefined), formatDateTime(null), formatDateTimeInWords(null), formatDateInWords(undefined)]).to.deep.equal([
        '',
        '',
        '',
        '',
        '',
      ]);
    });

    it('should NOT depend on the time zone of the machine', () => {
      // given
      const machineZone = process.env.TZ;
      process.env.TZ = 'America/Los_Angeles';

      // when
      let printed: string;
      try {
        printed = formatDateTime(lateEveningUtc);
      } finally {
        if (machineZone === undefined) delete process.env.TZ;
        else process.env.TZ = machineZone;
      }

      // then
      expect(printed).to.equal('06/03/2026 00:30');
    });

    it('should reject an invalid date, saying what it expected', () => {
      expect(() => formatDate(new Date('not a date'))).to.throw(RangeError, 'Expected a valid Date, but got an invalid Date');
    });
  });

  describe('money', () => {
    for (const { amount, expected } of [
      { amount: 200_000, expected: '200.000 đồng' },
      { amount: 30_000, expected: '30.000 đồng' },
      { amount: 5_000, expected: '5.000 đồng' },
      { amount: 999, expected: '999 đồng' },
      { amount: 0, expected: '0 đồng' },
      { amount: 1_234_567, expected: '1.234.567 đồng' },
      { amount: 1_999.6, expected: '2.000 đồng' },
    ]) {
      it(`should print ${amount} as "${expected}"`, () => {
        expect(formatMoney(amount)).to.equal(expected);
      });
    }

    it('should reject an amount that is not a finite number', () => {
      expect(() => formatMoney(Number.NaN)).to.throw(RangeError, 'Expected a finite amount of money, but got NaN');
    });
  });
});

import { expect } from 'chai';
import { formatDateTime, NotificationError } from '../../../api/notifications/index.js';

describe('notifications/formatDateTime', function () {
  const cases: ReadonlyArray<readonly [string, Date | string, string]> = [
    ['a Date', new Date('2026-02-13T02:30:00Z'), '13/02/2026 09:30'],
    ['an ISO string in UTC', '2026-02-13T02:30:00.000Z', '13/02/2026 09:30'],
    ['an ISO string with the +07:00 offset', '2026-02-13T09:30:00+07:00', '13/02/2026 09:30'],
    ['an ISO string with another offset', '2026-02-12T21:30:00-05:00', '13/02/2026 09:30'],
    ['an ISO string without offset, read as Viet Nam time', '2026-02-13T09:30', '13/02/2026 09:30'],
    ['a UTC evening that is already the next day in Viet Nam', '2026-12-31T17:05:00Z', '01/01/2027 00:05'],
    ['a date without time, as midnight in Viet Nam', '2026-09-02', '02/09/2026 00:00'],
    ['a time as PostgreSQL prints it', '2026-02-13 02:30:00+00', '13/02/2026 09:30'],
  ];

  for (const [what, value, expected] of cases) {
    it(`should format ${what} as ${expected}`, function () {
      expect(formatDateTime(value)).to.equal(expected);
    });
  }

  describe('whatever the machine zone', function () {
    const original = process.env.TZ;

    afterEach(function () {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    for (const zone of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
      it(`should give Viet Nam time when TZ is ${zone}`, function () {
        // given
        process.env.TZ = zone;

        // then
        expect(formatDateTime('2026-02-13T09:30')).to.equal('13/02/2026 09:30');
        expect(formatDateTime(new Date('2026-02-13T02:30:00Z'))).to.equal('13/02/2026 09:30');
      });
    }
  });

  for (const invalid of ['13/02/2026', '2026-02-30T09:00', '2026-02-13T25:00', 'soon', '', new Date(Number.NaN)]) {
    it(`should refuse ${invalid instanceof Date ? 'an invalid Date' : `'${invalid}'`}`, function () {
      expect(() => formatDateTime(invalid)).to.throw(NotificationError, 'Expected a date').with.property('code', 'INVALID_DATA');
    });
  }
});

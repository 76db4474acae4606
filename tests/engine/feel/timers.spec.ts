import { expect } from 'chai';
import { addDuration, parseIsoDuration, parseTimeCycle, parseTimeDate } from '../../../engine/feel/index.js';
import type { IsoDuration } from '../../../engine/feel/index.js';

const ZERO: IsoDuration = { negative: false, years: 0, months: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
const duration = (parts: Partial<IsoDuration>): IsoDuration => ({ ...ZERO, ...parts });

describe('feel: timers', () => {
  describe('parseIsoDuration', () => {
    const valid: [text: string, value: IsoDuration][] = [
      ['P1Y2M3DT4H5M6S', duration({ years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 })],
      ['PT0.5S', duration({ seconds: 0.5 })],
      ['PT0,5S', duration({ seconds: 0.5 })],
      ['P2W', duration({ days: 14 })],
      ['PT15M', duration({ minutes: 15 })],
      ['P3D', duration({ days: 3 })],
      ['PT1.5H', duration({ hours: 1.5 })],
      ['-P1D', duration({ negative: true, days: 1 })],
      [' pt10s ', duration({ seconds: 10 })],
    ];

    for (const [text, value] of valid) {
      it(`should parse '${text}'`, () => {
        expect(parseIsoDuration(text)).to.deep.equal({ ok: true, value });
      });
    }

    const invalid: [text: string, message: string][] = [
      ['', "Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but got an empty string"],
      ['P', "Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but 'P' has no amount in it"],
      ['P1DT', "Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but 'P1DT' has nothing after 'T'"],
      ['10 minutes', "Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but got '10 minutes'"],
      ['P1.5D', "Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but got 'P1.5D'"],
      ['PT5M1H', "Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but got 'PT5M1H'"],
    ];

    for (const [text, message] of invalid) {
      it(`should NOT parse '${text}'`, () => {
        expect(parseIsoDuration(text)).to.deep.equal({ ok: false, message });
      });
    }
  });

  describe('addDuration', () => {
    const cases: [from: string, text: string, to: string, why: string][] = [
      ['2026-01-31T10:00:00+07:00', 'P1M', '2026-02-28T10:00:00+07:00', 'month end clamps to the end of February'],
      ['2028-01-31T10:00:00+07:00', 'P1M', '2028-02-29T10:00:00+07:00', 'month end in a leap year'],
      ['2026-03-31T10:00:00+07:00', '-P1M', '2026-02-28T10:00:00+07:00', 'a negative month'],
      ['2026-01-31T20:00:00Z', 'P1M', '2026-03-01T03:00:00+07:00', 'months count in local time, where it is already 1 February'],
      ['2024-02-29T10:00:00+07:00', 'P1Y', '2025-02-28T10:00:00+07:00', 'a year from 29 February'],
      ['2026-12-15T10:00:00+07:00', 'P1Y2M3D', '2028-02-18T10:00:00+07:00', 'years, months and days together'],
      ['2026-02-13T10:00:00+07:00', 'PT36H', '2026-02-14T22:00:00+07:00', 'hours are elapsed time'],
      ['2026-02-13T10:00:00+07:00', 'P1DT0.5S', '2026-02-14T10:00:00.500+07:00', 'a day and half a second'],
      ['2026-02-13T10:00:00+07:00', 'P2W', '2026-02-27T10:00:00+07:00', 'weeks'],
    ];

    for (const [from, text, to, why] of cases) {
      it(`should add '${text}' to ${from} giving ${to} (${why})`, () => {
        const parsed = parseIsoDuration(text);
        if (!parsed.ok) {
          throw new Error(parsed.message);
        }

        expect(addDuration(new Date(from), parsed.value).toISOString()).to.equal(new Date(to).toISOString());
      });
    }

    it('should count months in the given UTC offset', () => {
      // 2026-01-31T20:00Z is still 31 January in UTC
      expect(addDuration(new Date('2026-01-31T20:00:00Z'), duration({ months: 1 }), 0).toISOString()).to.equal(
        '2026-02-28T20:00:00.000Z',
      );
    });
  });

  describe('parseTimeCycle', () => {
    const valid: [text: string, repetitions: number | 'infinite', start: string | undefined, interval: IsoDuration][] = [
      ['R5/PT10S', 5, undefined, duration({ seconds: 10 })],
      ['R/P1D', 'infinite', undefined, duration({ days: 1 })],
      ['R3/2026-01-01T07:00:00+07:00/P1D', 3, '2026-01-01T00:00:00Z', duration({ days: 1 })],
      ['R/2026-01-01T07:00:00/PT1H', 'infinite', '2026-01-01T00:00:00Z', duration({ hours: 1 })],
      ['R0/PT1M', 0, undefined, duration({ minutes: 1 })],
    ];

    for (const [text, repetitions, start, interval] of valid) {
      it(`should parse '${text}'`, () => {
        const expected = start === undefined ? { repetitions, interval } : { repetitions, start: new Date(start), interval };

        expect(parseTimeCycle(text)).to.deep.equal({ ok: true, value: expected });
      });
    }

    const expectation = "Expected an ISO 8601 repeating interval such as 'R/P1D', 'R5/PT10S' or 'R3/2026-01-01T07:00:00+07:00/P1D'";
    const invalid: [text: string, message: string][] = [
      ['0 0 9 * * MON-FRI', `${expectation}, but got the cron expression '0 0 9 * * MON-FRI'; cron time cycles are not supported`],
      ['PT10S', `${expectation}, but got 'PT10S'`],
      ['Rx/PT10S', `${expectation}, but got 'Rx/PT10S'`],
      [
        'R5/10s',
        `${expectation}, but its interval '10s' is not valid: Expected an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but got '10s'`,
      ],
      ['R/PT0S', `${expectation}, but the interval 'PT0S' is not longer than zero`],
      ['R/-PT1S', `${expectation}, but the interval '-PT1S' is not longer than zero`],
      [
        'R3/tomorrow/P1D',
        `${expectation}, but its start 'tomorrow' is not valid: Expected an ISO 8601 date-time such as '2026-02-13T10:00:00+07:00', but got 'tomorrow'`,
      ],
      ['R3/2026-01-01T07:00:00Z/P1D/P2D', `${expectation}, but 'R3/2026-01-01T07:00:00Z/P1D/P2D' has more than a start and an interval`],
    ];

    for (const [text, message] of invalid) {
      it(`should NOT parse '${text}'`, () => {
        expect(parseTimeCycle(text)).to.deep.equal({ ok: false, message });
      });
    }
  });

  describe('parseTimeDate', () => {
    const valid: [text: string, instant: string, why: string][] = [
      ['2026-02-13T10:00:00+07:00', '2026-02-13T03:00:00.000Z', 'with an offset'],
      ['2026-02-13T03:00:00Z', '2026-02-13T03:00:00.000Z', 'in UTC'],
      ['2026-02-13T10:00:00', '2026-02-13T03:00:00.000Z', 'without an offset: local +07:00'],
      ['2026-02-13T10:00', '2026-02-13T03:00:00.000Z', 'without seconds'],
      ['2026-02-13T10:00:00.250+0700', '2026-02-13T03:00:00.250Z', 'with fractions and a compact offset'],
      ['2026-02-13', '2026-02-12T17:00:00.000Z', 'a date: the start of the local day'],
      ['2026-02-13T10:00:00+07:00[Asia/Ho_Chi_Minh]', '2026-02-13T03:00:00.000Z', 'with an offset and a zone'],
      ['2026-07-01T10:00:00[Europe/Paris]', '2026-07-01T08:00:00.000Z', 'with a zone only'],
      ['2026-02-13T10:00:00@Asia/Ho_Chi_Minh', '2026-02-13T03:00:00.000Z', 'in FEEL zone notation'],
    ];

    for (const [text, instant, why] of valid) {
      it(`should parse '${text}' (${why})`, () => {
        const parsed = parseTimeDate(text);

        expect(parsed.ok && parsed.value.toISOString()).to.equal(instant);
      });
    }

    const expectation = "Expected an ISO 8601 date-time such as '2026-02-13T10:00:00+07:00'";
    const invalid: [text: string, message: string][] = [
      ['13/02/2026 10:00', `${expectation}, but got '13/02/2026 10:00'`],
      ['2026-02-30T10:00:00+07:00', `${expectation}, but '2026-02-30T10:00:00+07:00' is not a date or time on the calendar`],
      ['2026-02-13T25:00:00+07:00', `${expectation}, but '2026-02-13T25:00:00+07:00' is not a date or time on the calendar`],
      ['2026-02-13T10:00:00@Mars/Olympus', `${expectation}, but got '2026-02-13T10:00:00@Mars/Olympus'`],
      ['', `${expectation}, but got ''`],
    ];

    for (const [text, message] of invalid) {
      it(`should NOT parse '${text}'`, () => {
        expect(parseTimeDate(text)).to.deep.equal({ ok: false, message });
      });
    }

    it('should read a date-time without offset in the given UTC offset', () => {
      const parsed = parseTimeDate('2026-02-13T10:00:00', 0);

      expect(parsed.ok && parsed.value.toISOString()).to.equal('2026-02-13T10:00:00.000Z');
    });
  });
});

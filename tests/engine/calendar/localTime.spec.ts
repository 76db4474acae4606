import { expect } from 'chai';
import { localDate, localInstant, localTime, toLocalIso } from '../../../engine/calendar/index.js';

describe('calendar: local time helpers', () => {
  const isoCases: [utc: string, offset: number | undefined, local: string][] = [
    ['2026-02-13T03:00:00Z', undefined, '2026-02-13T10:00:00+07:00'],
    ['2026-02-12T18:30:00Z', undefined, '2026-02-13T01:30:00+07:00'],
    ['2026-02-13T03:00:00.250Z', undefined, '2026-02-13T10:00:00.250+07:00'],
    ['2026-02-13T03:00:07Z', undefined, '2026-02-13T10:00:07+07:00'],
    ['2026-02-13T03:00:00Z', 0, '2026-02-13T03:00:00+00:00'],
    ['2026-02-13T03:00:00Z', -210, '2026-02-12T23:30:00-03:30'],
    ['2026-02-13T03:00:00Z', 345, '2026-02-13T08:45:00+05:45'],
  ];

  for (const [utc, offset, local] of isoCases) {
    it(`should write ${utc} as ${local}`, () => {
      expect(toLocalIso(new Date(utc), offset)).to.equal(local);
    });
  }

  it('should write an instant that parses back to itself', () => {
    const instant = new Date('2025-12-31T17:00:00.001Z');

    expect(new Date(toLocalIso(instant)).getTime()).to.equal(instant.getTime());
  });

  const dateCases: [utc: string, date: string, time: string][] = [
    ['2025-12-31T16:59:00Z', '2025-12-31', '23:59'],
    ['2025-12-31T17:00:00Z', '2026-01-01', '00:00'],
    ['2026-02-13T03:00:00Z', '2026-02-13', '10:00'],
  ];

  for (const [utc, date, time] of dateCases) {
    it(`should read ${utc} as local date ${date} and time ${time}`, () => {
      expect(localDate(new Date(utc))).to.equal(date);
      expect(localTime(new Date(utc))).to.equal(time);
    });
  }

  it('should build the instant of a local date and time', () => {
    expect(localInstant('2026-02-13', '10:00').toISOString()).to.equal('2026-02-13T03:00:00.000Z');
    expect(localInstant('2026-02-13', '10:00', 0).toISOString()).to.equal('2026-02-13T10:00:00.000Z');
  });

  const refused: [date: string, time: string, message: string][] = [
    ['2025-02-30', '10:00', "Expected a local date YYYY-MM-DD, but got '2025-02-30'"],
    ['2025-02-28', '10:60', "Expected a local time HH:mm, but got '10:60'"],
  ];

  for (const [date, time, message] of refused) {
    it(`should NOT build an instant from ${date} ${time}`, () => {
      expect(() => localInstant(date, time)).to.throw(RangeError, message);
    });
  }
});

import { expect } from 'chai';
import { parseDateTime, parseDuration } from '../../../designer/studio/scenario.js';

describe('designer/studio test-run inputs', function () {
  const dateTimes: [string, string | undefined][] = [
    ['02/03/2026 08:30', '2026-03-02T08:30:00+07:00'],
    [' 2/3/2026 8:05 ', '2026-03-02T08:05:00+07:00'],
    ['31/12/2026 23:59', '2026-12-31T23:59:00+07:00'],
    ['29/02/2026 09:00', undefined],
    ['02/03/2026 24:00', undefined],
    ['02/03/2026 09:60', undefined],
    ['02/03/2026', undefined],
    ['2026-03-02T08:30', undefined],
  ];
  for (const [text, expected] of dateTimes) {
    it(`should read «${text}» as ${expected ?? 'no date and time'}`, () => {
      expect(parseDateTime(text)).to.equal(expected);
    });
  }

  const durations: [string, string | undefined][] = [
    ['PT30M', 'PT30M'],
    ['p3d', 'P3D'],
    ['P1W', 'P1W'],
    ['P1DT4H', 'P1DT4H'],
    ['P', undefined],
    ['PT', undefined],
    ['3 ngày', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of durations) {
    it(`should read «${text}» as ${expected ?? 'no duration'}`, () => {
      expect(parseDuration(text)).to.equal(expected);
    });
  }
});

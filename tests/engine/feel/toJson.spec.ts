import { expect } from 'chai';
import { buildFeel, evaluateToJson } from './feelFixture.js';

describe('feel: toJson', () => {
  const feel = buildFeel();

  const cases: [source: string, json: unknown][] = [
    ['date and time("2026-02-25T10:00:00+07:00")', '2026-02-25T10:00:00+07:00'],
    ['date and time("2026-02-25T10:00:00@Asia/Ho_Chi_Minh")', '2026-02-25T10:00:00+07:00'],
    ['date and time("2026-07-01T10:00:00@Europe/Paris")', '2026-07-01T10:00:00+02:00'],
    ['date and time("2026-02-25T03:00:00Z")', '2026-02-25T03:00:00Z'],
    ['date and time("2026-02-25T10:00:00-05:00")', '2026-02-25T10:00:00-05:00'],
    ['date and time("2026-02-25T10:00:00")', '2026-02-25T10:00:00'],
    ['date and time("2026-02-25T10:00:00.250+07:00")', '2026-02-25T10:00:00.25+07:00'],
    ['date("2026-02-25")', '2026-02-25'],
    ['time("10:30:00")', '10:30:00'],
    ['time("10:30:00+07:00")', '10:30:00+07:00'],
    ['duration("P1DT2H30M")', 'P1DT2H30M'],
    ['duration("P1Y2M")', 'P1Y2M'],
    ['duration("-PT0.5S")', '-PT0.5S'],
    ['{ten: "An", ngay: date("2026-02-25"), "co hieu luc": true}', { ten: 'An', ngay: '2026-02-25', 'co hieu luc': true }],
    ['[1, "a", null, [date("2026-02-25")]]', [1, 'a', null, ['2026-02-25']]],
    ['function(x) x + 1', null],
    ['{f: function(x) x}', { f: null }],
    ['[1..3]', null],
    ['1.5 * 2', 3],
    ['null', null],
  ];

  for (const [source, json] of cases) {
    it(`should convert \`${source}\` to ${JSON.stringify(json)}`, () => {
      expect(evaluateToJson(feel, source)).to.deep.equal(json);
    });
  }

  const jsValues: [title: string, value: unknown, json: unknown][] = [
    ['a JS Date to an ISO string in +07:00', new Date('2026-02-25T03:00:00Z'), '2026-02-25T10:00:00+07:00'],
    ['an invalid JS Date to null', new Date(Number.NaN), null],
    ['NaN to null', Number.NaN, null],
    ['undefined to null', undefined, null],
    ['a JS function to null', () => 1, null],
    ['an object of a class to null', new Map(), null],
  ];

  for (const [title, value, json] of jsValues) {
    it(`should convert ${title}`, () => {
      expect(feel.toJson(value)).to.deep.equal(json);
    });
  }
});

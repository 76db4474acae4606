import { expect } from 'chai';
import { canonicalJson } from '../../../api/audit/index.js';

describe('api/audit canonicalJson', function () {
  const cases: [string, unknown, string][] = [
    ['sorts keys at every level', { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}'],
    ['sorts integer-like keys as text', { 10: 'a', 9: 'b', x: 'c' }, '{"10":"a","9":"b","x":"c"}'],
    ['leaves out undefined members', { a: undefined, b: 1 }, '{"b":1}'],
    ['writes undefined array items as null', [1, undefined, 3], '[1,null,3]'],
    ['writes non-finite numbers as null', [Number.NaN, Number.POSITIVE_INFINITY], '[null,null]'],
    ['writes Dates through toJSON', { at: new Date('2025-03-03T02:00:00Z') }, '{"at":"2025-03-03T02:00:00.000Z"}'],
    ['escapes strings as JSON does', { 'tên "A"': 'Nguyễn\n' }, '{"tên \\"A\\"":"Nguyễn\\n"}'],
    ['writes scalars', [true, false, 0, -1.5, 'x', null], '[true,false,0,-1.5,"x",null]'],
  ];

  for (const [title, value, expected] of cases) {
    it(`should write one text: ${title}`, function () {
      // when
      const text = canonicalJson(value);

      // then
      expect(text).to.equal(expected);
    });
  }

  it('should give the same text for objects built in different key orders', function () {
    // given
    const first = { actor: 'a', after: { status: 4, note: 'x' } };
    const second = { after: { note: 'x', status: 4 }, actor: 'a' };

    // then
    expect(canonicalJson(first)).to.equal(canonicalJson(second));
  });

  it('should refuse a bigint', function () {
    // then
    expect(() => canonicalJson({ n: 10n })).to.throw(TypeError, /bigint/);
  });

  it('should refuse undefined at the top', function () {
    // then
    expect(() => canonicalJson(undefined)).to.throw(TypeError);
  });
});

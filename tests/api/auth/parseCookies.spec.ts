import { expect } from 'chai';
import { parseCookies } from '../../../api/auth/index.js';

describe('api/auth parseCookies', function () {
  const cases: [string, string | undefined, Record<string, string>][] = [
    ['no header', undefined, {}],
    ['one cookie', 'motcua_sid=abc', { motcua_sid: 'abc' }],
    ['several cookies with spaces', 'theme=dark;  motcua_sid=abc ; lang=vi', { theme: 'dark', motcua_sid: 'abc', lang: 'vi' }],
    ['a quoted value', 'motcua_sid="abc"', { motcua_sid: 'abc' }],
    ['a percent-encoded value', 'name=Nguy%E1%BB%85n', { name: 'Nguyễn' }],
    ['a malformed escape, kept as sent', 'name=%E0%A4%A', { name: '%E0%A4%A' }],
    ['a value containing =', 'data=a=b', { data: 'a=b' }],
    ['a repeated name: the first wins', 'motcua_sid=first; motcua_sid=second', { motcua_sid: 'first' }],
    ['pairs without =', 'flag; motcua_sid=abc', { motcua_sid: 'abc' }],
  ];

  for (const [title, header, expected] of cases) {
    it(`should parse ${title}`, function () {
      // when
      const cookies = parseCookies(header);

      // then
      expect({ ...cookies }).to.deep.equal(expected);
    });
  }
});

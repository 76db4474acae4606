import { expect } from 'chai';
import { buildFeel, evaluateToJson } from './feelFixture.js';

describe('feel: Zeebe built-in functions', () => {
  const cases: [title: string, source: string, variables: Record<string, unknown>, expected: unknown][] = [
    ['should evaluate `is defined(x)` to false when x is missing', 'is defined(x)', {}, false],
    ['should evaluate `is defined(x)` to false when x is null', 'is defined(x)', { x: null }, false],
    ['should evaluate `is defined(x)` to true when x is 0', 'is defined(x)', { x: 0 }, true],
    ['should evaluate `is defined(x.y)` to false when x has no y', 'is defined(x.y)', { x: {} }, false],
    ['should evaluate `get or else(x, "mặc định")` to the default when x is missing', 'get or else(x, "mặc định")', {}, 'mặc định'],
    ['should evaluate `get or else(x, "mặc định")` to x when x is set', 'get or else(x, "mặc định")', { x: 'có' }, 'có'],
    ['should evaluate `get or else(x, 5)` to false when x is false', 'get or else(x, 5)', { x: false }, false],
    ['should evaluate `get or else(null, null)` to null', 'get or else(null, null)', {}, null],
    ['should evaluate `string join(xs)` without a delimiter', 'string join(xs)', { xs: ['a', 'b'] }, 'ab'],
    ['should evaluate `string join(xs, ", ")` with a delimiter', 'string join(xs, ", ")', { xs: ['a', 'b'] }, 'a, b'],
    [
      'should evaluate `string join(xs, ", ", "[", "]")` with a prefix and a suffix',
      'string join(xs, ", ", "[", "]")',
      { xs: ['a', 'b', 'c'] },
      '[a, b, c]',
    ],
    ['should evaluate `string join(xs, "-")` skipping null items', 'string join(xs, "-")', { xs: ['a', null, 'b'] }, 'a-b'],
    ['should evaluate `string join([], ", ", "[", "]")` to the prefix and suffix', 'string join([], ", ", "[", "]")', {}, '[]'],
    [
      'should evaluate `string join(list: xs, delimiter: "/")` with named arguments',
      'string join(list: xs, delimiter: "/")',
      { xs: ['a', 'b'] },
      'a/b',
    ],
    ['should evaluate `string join(xs)` to null when an item is not a string', 'string join(xs)', { xs: ['a', 1] }, null],
    ['should evaluate `now()` to the injected clock in +07:00', 'now()', {}, '2026-02-13T10:00:00+07:00'],
    ['should evaluate `today()` to the local date of the injected clock', 'today()', {}, '2026-02-13'],
    ['should evaluate `now() + duration("PT2H")` from the injected clock', 'now() + duration("PT2H")', {}, '2026-02-13T12:00:00+07:00'],
    ['should evaluate `uuid()` from the injected generator', 'uuid()', {}, '00000000-0000-4000-8000-000000000001'],
    ['should evaluate `assert(x, x > 0)` to x when the condition holds', 'assert(x, x > 0)', { x: 4 }, 4],
    ['should evaluate `is blank("  ")` to true', 'is blank("  ")', {}, true],
    ['should evaluate `is blank("a")` to false', 'is blank("a")', {}, false],
    ['should evaluate `trim("  hồ sơ ")` to "hồ sơ"', 'trim("  hồ sơ ")', {}, 'hồ sơ'],
  ];

  for (const [title, source, variables, expected] of cases) {
    it(title, () => {
      expect(evaluateToJson(buildFeel(), source, variables)).to.deep.equal(expected);
    });
  }

  it('should evaluate `today()` in local time when UTC is still on the previous day', () => {
    // given: 06:30 in Hà Nội is 23:30 UTC the day before
    const feel = buildFeel({ now: '2026-03-01T23:30:00Z' });

    // then
    expect(evaluateToJson(feel, 'today()')).to.equal('2026-03-02');
    expect(evaluateToJson(feel, 'now()')).to.equal('2026-03-02T06:30:00+07:00');
  });

  it('should evaluate `uuid()` to a new value on each call', () => {
    const feel = buildFeel({ uuids: ['id-1', 'id-2'] });

    expect(evaluateToJson(feel, '[uuid(), uuid()]')).to.deep.equal(['id-1', 'id-2']);
  });

  it('should warn why `string join(xs)` is null when an item is not a string', () => {
    const result = buildFeel().evaluate('string join(xs)', { xs: ['a', 1] });

    expect(result.ok && result.warnings).to.deep.equal([
      {
        type: 'INVALID_ARGUMENTS',
        message:
          'Expected the argument \'list\' of string join(list, delimiter, prefix, suffix) to be a list of strings, but got the list ["a",1]',
      },
    ]);
  });

  it('should fail the evaluation when `assert(x, x > 0, cause)` does not hold', () => {
    const result = buildFeel().evaluate('assert(x, x > 0, "x phải dương")', { x: -1 });

    expect(result).to.deep.include({ ok: false, code: 'FEEL_EVALUATION' });
    expect(!result.ok && result.message).to.match(/The assertion failed: x phải dương$/);
  });

  it('should warn when a required argument is left out', () => {
    const result = buildFeel().evaluate('trim()', {});

    expect(result).to.deep.include({ ok: true, value: null });
    expect(result.ok && result.warnings).to.deep.equal([
      { type: 'INVALID_ARGUMENTS', message: "Expected the argument 'string' of trim(string), but it was not given" },
    ]);
  });
});

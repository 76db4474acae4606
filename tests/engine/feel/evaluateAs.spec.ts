import { expect } from 'chai';
import type { ExpectedType } from '../../../engine/feel/index.js';
import type { Expression } from '../../../engine/model/types.js';
import { buildFeel } from './feelFixture.js';

const feelOf = (source: string): Expression => ({ kind: 'feel', source });
const staticOf = (value: string): Expression => ({ kind: 'static', value });

describe('feel: evaluateAs', () => {
  const feel = buildFeel();
  const what = "the condition of flow 'f3'";

  const accepted: [expression: Expression, variables: Record<string, unknown>, expected: ExpectedType, value: unknown][] = [
    [feelOf('amount > 100'), { amount: 150 }, 'boolean', true],
    [feelOf('"tiếp nhận"'), {}, 'string', 'tiếp nhận'],
    [feelOf('priority + 1'), { priority: 2 }, 'number', 3],
    [feelOf('[1, date("2026-02-13")]'), {}, 'list', [1, '2026-02-13']],
    [feelOf('{due: today()}'), {}, 'any', { due: '2026-02-13' }],
    [feelOf('add working days(now(), 3)'), {}, 'dateTime', new Date('2026-02-25T03:00:00Z')],
    [feelOf('date("2026-02-13")'), {}, 'dateTime', new Date('2026-02-12T17:00:00Z')],
    [feelOf('"2026-02-13T10:00:00+07:00"'), {}, 'dateTime', new Date('2026-02-13T03:00:00Z')],
    [feelOf('due'), { due: '2026-02-13T10:00:00' }, 'dateTime', new Date('2026-02-13T03:00:00Z')],
    [
      feelOf('duration("P1DT2H")'),
      {},
      'duration',
      { negative: false, years: 0, months: 0, days: 1, hours: 2, minutes: 0, seconds: 0 },
    ],
    [
      feelOf('duration("-PT1.5S")'),
      {},
      'duration',
      { negative: true, years: 0, months: 0, days: 0, hours: 0, minutes: 0, seconds: 1.5 },
    ],
    [feelOf('"PT15M"'), {}, 'duration', { negative: false, years: 0, months: 0, days: 0, hours: 0, minutes: 15, seconds: 0 }],
    [feelOf('["mot-cua", "chuyen-vien"]'), {}, 'stringList', ['mot-cua', 'chuyen-vien']],
    [feelOf('"mot-cua, chuyen-vien"'), {}, 'stringList', ['mot-cua', 'chuyen-vien']],
    [staticOf('tiếp nhận'), {}, 'string', 'tiếp nhận'],
    [staticOf('3'), {}, 'number', 3],
    [staticOf(' -2.5 '), {}, 'number', -2.5],
    [staticOf('true'), {}, 'boolean', true],
    [staticOf('2026-02-13T10:00:00+07:00'), {}, 'dateTime', new Date('2026-02-13T03:00:00Z')],
    [staticOf('2026-02-13T10:00:00'), {}, 'dateTime', new Date('2026-02-13T03:00:00Z')],
    [staticOf('P2W'), {}, 'duration', { negative: false, years: 0, months: 0, days: 14, hours: 0, minutes: 0, seconds: 0 }],
    [staticOf('mot-cua, chuyen-vien,'), {}, 'stringList', ['mot-cua', 'chuyen-vien']],
    [staticOf('[1, "a"]'), {}, 'list', [1, 'a']],
    [staticOf('3'), {}, 'any', '3'],
  ];

  for (const [expression, variables, expected, value] of accepted) {
    const shown = expression.kind === 'feel' ? `\`${expression.source}\`` : `static '${expression.value}'`;
    it(`should read ${shown} as ${expected} ${JSON.stringify(value)}`, () => {
      const result = feel.evaluateAs(expression, variables, expected, what);

      expect(result).to.deep.include({ ok: true, value });
    });
  }

  const refused: [expression: Expression, variables: Record<string, unknown>, expected: ExpectedType, code: string, message: string][] = [
    [feelOf('answer'), { answer: 'yes' }, 'boolean', 'FEEL_TYPE', `Expected ${what} to be a FEEL boolean, but got the string 'yes'`],
    [
      feelOf('amount > 100'),
      {},
      'boolean',
      'FEEL_TYPE',
      `Expected ${what} to be a FEEL boolean, but got null (Variable 'amount' not found)`,
    ],
    [feelOf('1'), {}, 'string', 'FEEL_TYPE', `Expected ${what} to be a FEEL string, but got the number 1`],
    [feelOf('"1"'), {}, 'number', 'FEEL_TYPE', `Expected ${what} to be a FEEL number, but got the string '1'`],
    [feelOf('{a: 1}'), {}, 'list', 'FEEL_TYPE', `Expected ${what} to be a FEEL list, but got the context {"a":1}`],
    [
      feelOf('"tomorrow"'),
      {},
      'dateTime',
      'FEEL_TYPE',
      `Expected ${what} to be a FEEL date and time (or an ISO 8601 date-time string), but got the string 'tomorrow'`,
    ],
    [
      feelOf('5'),
      {},
      'duration',
      'FEEL_TYPE',
      `Expected ${what} to be a FEEL duration (or an ISO 8601 duration string), but got the number 5`,
    ],
    [
      feelOf('["a", 1]'),
      {},
      'stringList',
      'FEEL_TYPE',
      `Expected ${what} to be a FEEL list of strings (or a comma-separated string), but got the list ["a",1]`,
    ],
    [
      feelOf('amount >'),
      {},
      'boolean',
      'FEEL_SYNTAX',
      `Expected ${what} to be a valid FEEL expression, but the comparison is incomplete at the end (column 9): amount >`,
    ],
    [
      feelOf('assert(1, false)'),
      {},
      'any',
      'FEEL_EVALUATION',
      `Expected ${what} to evaluate, but the FEEL expression 'assert(1, false)' failed: The assertion failed: the condition is not fulfilled`,
    ],
    [staticOf('abc'), {}, 'number', 'FEEL_TYPE', `Expected ${what} to be a number, but got the static value 'abc'`],
    [staticOf('yes'), {}, 'boolean', 'FEEL_TYPE', `Expected ${what} to be a boolean ('true' or 'false'), but got the static value 'yes'`],
    [staticOf('a, b'), {}, 'list', 'FEEL_TYPE', `Expected ${what} to be a JSON list such as [1, 2], but got the static value 'a, b'`],
    [
      staticOf('P1X'),
      {},
      'duration',
      'FEEL_TYPE',
      `Expected ${what} to be an ISO 8601 duration such as 'PT15M', 'P3D' or 'P1Y2M3DT4H5M6S', but got 'P1X'`,
    ],
    [
      staticOf('13/02/2026'),
      {},
      'dateTime',
      'FEEL_TYPE',
      `Expected ${what} to be an ISO 8601 date-time such as '2026-02-13T10:00:00+07:00', but got '13/02/2026'`,
    ],
  ];

  for (const [expression, variables, expected, code, message] of refused) {
    const shown = expression.kind === 'feel' ? `\`${expression.source}\`` : `static '${expression.value}'`;
    it(`should NOT read ${shown} as ${expected} (${code})`, () => {
      const result = feel.evaluateAs(expression, variables, expected, what);

      expect(result).to.deep.include({ ok: false, code, message });
    });
  }

  it('should keep the warnings of a successful typed evaluation', () => {
    const result = feel.evaluateAs(feelOf('get or else(x, "mặc định")'), {}, 'string', what);

    expect(result).to.deep.include({ ok: true, value: 'mặc định' });
    expect(result.ok && result.warnings.map((w) => w.type)).to.deep.equal(['NO_VARIABLE_FOUND']);
  });
});

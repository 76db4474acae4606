import { expect } from 'chai';
import { buildFeel, evaluateToJson } from './feelFixture.js';

describe('feel: evaluate', () => {
  const feel = buildFeel();

  const values: [source: string, variables: Record<string, unknown>, expected: unknown][] = [
    ['amount > 100', { amount: 150 }, true],
    ['amount > 100', { amount: 50 }, false],
    ['applicant.name', { applicant: { name: 'Nguyễn Văn An' } }, 'Nguyễn Văn An'],
    ['for x in [1, 2, 3] return x * 2', {}, [2, 4, 6]],
    ['{total: price * quantity}', { price: 2.5, quantity: 4 }, { total: 10 }],
    ['`họ và tên` + " (đã xác minh)"', { 'họ và tên': 'Trần Thị Bình' }, 'Trần Thị Bình (đã xác minh)'],
    ['if status = "received" then "tiếp nhận" else "khác"', { status: 'received' }, 'tiếp nhận'],
    ['count(documents[required = true])', { documents: [{ required: true }, { required: false }] }, 1],
  ];

  for (const [source, variables, expected] of values) {
    it(`should evaluate \`${source}\` with ${JSON.stringify(variables)} to ${JSON.stringify(expected)}`, () => {
      expect(evaluateToJson(feel, source, variables)).to.deep.equal(expected);
    });
  }

  it('should evaluate a missing variable to null and keep the warning', () => {
    // when
    const result = feel.evaluate('amount > 100', {});

    // then
    expect(result).to.deep.include({ ok: true, value: null });
    expect(result.ok && result.warnings).to.deep.equal([
      { type: 'NO_VARIABLE_FOUND', message: "Variable 'amount' not found", position: { from: 0, to: 6 } },
    ]);
  });

  it('should let a variable shadow a function of the same name', () => {
    expect(evaluateToJson(feel, 'uuid', { uuid: 'biến của quy trình' })).to.equal('biến của quy trình');
  });

  const syntaxErrors: [source: string, message: string, position: { from: number; to: number }][] = [
    [
      'a +',
      'Expected a valid FEEL expression, but the arithmetic expression is incomplete at the end (column 4): a +',
      { from: 3, to: 3 },
    ],
    [
      '1 +* 2',
      "Expected a valid FEEL expression, but found unexpected '*' at column 4 in the arithmetic expression: 1 +* 2",
      { from: 3, to: 4 },
    ],
    [
      'if x then',
      'Expected a valid FEEL expression, but the if expression is incomplete at the end (column 10): if x then',
      { from: 9, to: 9 },
    ],
    [
      'x\n  + )',
      "Expected a valid FEEL expression, but found unexpected ')' at line 2, column 5 in the arithmetic expression: x\n  + )",
      { from: 6, to: 7 },
    ],
    ['[1, 2', 'Expected a valid FEEL expression, but the list is incomplete at the end (column 6): [1, 2', { from: 5, to: 5 }],
    ['', 'Expected a valid FEEL expression, but it is empty: ', { from: 0, to: 0 }],
  ];

  for (const [source, message, position] of syntaxErrors) {
    it(`should report \`${source.replace('\n', '\\n')}\` as FEEL_SYNTAX at ${position.from}`, () => {
      expect(feel.evaluate(source, {})).to.deep.equal({ ok: false, code: 'FEEL_SYNTAX', message, position });
    });
  }

  it('should report a failed assert(…) as FEEL_EVALUATION instead of throwing', () => {
    expect(feel.evaluate('assert(x, x > 1, "x must be above 1")', { x: 0 })).to.deep.equal({
      ok: false,
      code: 'FEEL_EVALUATION',
      message:
        "Expected the FEEL expression 'assert(x, x > 1, \"x must be above 1\")' to evaluate, but it failed: The assertion failed: x must be above 1",
    });
  });

  it('should report a function that throws as FEEL_EVALUATION instead of throwing', () => {
    const result = feel.evaluate('explode()', {
      explode: () => {
        throw new Error('boom');
      },
    });

    expect(result).to.deep.equal({
      ok: false,
      code: 'FEEL_EVALUATION',
      message: "Expected the FEEL expression 'explode()' to evaluate, but it failed: boom",
    });
  });
});

describe('feel: evaluate with many variables', () => {
  const feel = buildFeel();
  const dossier: Record<string, unknown> = { fee: 30000, 'so ho so': 'H56-260213-0042' };
  for (let i = 0; i < 50; i++) dossier[`field${i}`] = { value: i, parts: [i, i + 1] };

  it('should give the same result with fifty unrelated variables present', () => {
    expect(feel.evaluate('fee > 20000 and field7.value = 7', dossier)).to.deep.include({ ok: true, value: true });
  });

  it('should find a variable whose name has spaces when the expression quotes it', () => {
    expect(feel.evaluate('`so ho so`', dossier)).to.deep.include({ ok: true, value: 'H56-260213-0042' });
  });

  it('should still let a variable shadow a function of the same name', () => {
    expect(feel.evaluate('uuid', { uuid: 'fixed' })).to.deep.include({ ok: true, value: 'fixed' });
  });
});

describe('feel: check', () => {
  const feel = buildFeel();

  const accepted = ['amount > 100', 'get or else(x, 1)', 'add working days(now(), 3)', 'string join(xs, ", ", "[", "]")'];

  for (const source of accepted) {
    it(`should accept \`${source}\``, () => {
      expect(feel.check(source)).to.equal(null);
    });
  }

  const refused: [source: string, message: string][] = [
    ['amount >', 'Expected a valid FEEL expression, but the comparison is incomplete at the end (column 9): amount >'],
    ['foo(', 'Expected a valid FEEL expression, but the function call is incomplete at the end (column 5): foo('],
    ['{a: 1,', 'Expected a valid FEEL expression, but the context is incomplete at the end (column 7): {a: 1,'],
    ['   ', 'Expected a valid FEEL expression, but it is empty:    '],
  ];

  for (const [source, message] of refused) {
    it(`should NOT accept \`${source}\``, () => {
      expect(feel.check(source)).to.equal(message);
    });
  }

  it('should NOT run the expression while checking it', () => {
    // given
    let uuidCalls = 0;
    const counting = buildFeel({
      uuid: () => {
        uuidCalls += 1;
        return 'a';
      },
    });

    // when
    const problem = counting.check('assert(uuid(), false)');

    // then
    expect(problem).to.equal(null);
    expect(uuidCalls).to.equal(0);
  });
});

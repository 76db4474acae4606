import type { Db } from '../../../engine/store/index.js';

/** One column of each type the product stores, with the JS value both adapters must give back. */
export const VALUE_COLUMNS = {
  t: { type: 'text', value: 'Hồ sơ một cửa' },
  i4: { type: 'int4', value: 2147483647 },
  i8: { type: 'int8', value: '9007199254740993' },
  n: { type: 'numeric', value: '12345678901234567890.125' },
  ts: { type: 'timestamptz', value: new Date('2025-01-02T03:04:05.678Z') },
  j: { type: 'jsonb', value: { status: 4, steps: ['tiếp nhận', null, 1.5], nested: { ok: true } } },
  b: { type: 'boolean', value: false },
  ta: { type: 'text[]', value: ['a', 'b c', 'quote "q"', 'comma,', null] },
  d: { type: 'date', value: '2025-03-04' },
  i8a: { type: 'int8[]', value: ['1', '9007199254740993'] },
  na: { type: 'numeric[]', value: ['1.50', '-2'] },
  tsl: { type: 'timestamp', value: '2025-01-02 03:04:05.5' },
  none: { type: 'text', value: null },
} as const;

type Column = keyof typeof VALUE_COLUMNS;
const columns = Object.keys(VALUE_COLUMNS) as Column[];

export function expectedValueRow(): Record<string, unknown> {
  return Object.fromEntries(columns.map((name) => [name, VALUE_COLUMNS[name].value]));
}

/** Creates `value_row` and stores the row through bound parameters. */
export async function insertValueRow(db: Db): Promise<void> {
  const definitions = columns.map((name) => `${name} ${VALUE_COLUMNS[name].type}`).join(', ');
  await db.query(`CREATE TABLE value_row (${definitions})`);
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  await db.query(
    `INSERT INTO value_row (${columns.join(', ')}) VALUES (${placeholders})`,
    columns.map((name) => VALUE_COLUMNS[name].value),
  );
}

export async function selectValueRow(db: Db): Promise<Record<string, unknown>> {
  const { rows } = await db.query(`SELECT ${columns.join(', ')} FROM value_row`);
  return rows[0];
}

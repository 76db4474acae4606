import { expect } from 'chai';
import type { Db } from '../../../engine/store/index.js';
import { openTestDb } from '../../support/testDb.js';

describe('store/Db: named (prepared) statements', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    db = await openTestDb();
  });

  after(async function () {
    await db?.close();
  });

  it('should bind every kind of parameter the engine passes, the same as an unnamed statement', async function () {
    // given
    const sql = `SELECT $1::text AS text, $2::int AS int, $3::boolean AS bool, $4::timestamptz AS at, $5::text[] AS list,
                        $6::jsonb AS json, $7::text AS nothing`;
    const params = ["it's Tết \\ \"quoted\"", 42, true, new Date('2026-02-13T03:00:00Z'), ['a', 'b "c"', 'd\\e'], { ok: ["x'y"] }, null];
    // when
    const named = await db.query(sql, params, { name: 'spec_every_kind' });
    const plain = await db.query(sql, params);
    // then
    expect(named.rows).to.deep.equal(plain.rows);
    expect(named.rows[0]).to.deep.include({ text: "it's Tết \\ \"quoted\"", int: 42, bool: true, list: ['a', 'b "c"', 'd\\e'], json: { ok: ["x'y"] }, nothing: null });
  });

  it('should reuse a named statement across calls and follow a new text given under the same name', async function () {
    // when
    const first = await db.query<{ n: number }>('SELECT $1::int + 1 AS n', [1], { name: 'spec_reused' });
    const again = await db.query<{ n: number }>('SELECT $1::int + 1 AS n', [2], { name: 'spec_reused' });
    // then
    expect([first.rows[0]!.n, again.rows[0]!.n]).to.deep.equal([2, 3]);
    if (db.dialect === 'pglite') {
      const changed = await db.query<{ n: number }>('SELECT $1::int + 10 AS n', [2], { name: 'spec_reused' });
      expect(changed.rows[0]!.n).to.equal(12);
    }
  });

  it('should run a named statement inside a transaction and roll it back with it', async function () {
    // given
    await db.query('CREATE TABLE IF NOT EXISTS named_item (id int PRIMARY KEY)');
    // when
    const error = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO named_item VALUES ($1)', [1], { name: 'spec_insert_item' });
        throw new Error('abort');
      })
      .catch((e: unknown) => e);
    // then
    expect((error as Error).message).to.equal('abort');
    expect((await db.query('SELECT count(*)::int AS n FROM named_item')).rows[0]).to.deep.equal({ n: 0 });
  });
});

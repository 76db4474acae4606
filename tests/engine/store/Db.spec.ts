import { expect } from 'chai';
import type { Db } from '../../../engine/store/index.js';
import { openTestDb } from '../../support/testDb.js';
import { rejectionOf } from '../../support/rejectionOf.js';

describe('store/Db (the port, on the database this run uses)', function () {
  let db: Db;

  before(async function () {
    this.timeout(30_000);
    db = await openTestDb();
    await db.query('CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)');
    await db.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
  });

  after(async function () {
    await db?.close();
  });

  beforeEach(async function () {
    await db.query('DELETE FROM item');
  });

  async function names(): Promise<string[]> {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM item ORDER BY id');
    return rows.map((row) => row.name);
  }

  describe('query', function () {
    it('should name its dialect after the database the run selected', function () {
      expect(db.dialect).to.equal(process.env.TEST_DB === 'pg' ? 'pg' : 'pglite');
      expect(db.inTransaction).to.equal(false);
    });

    it('should bind $1…$n parameters and return rows', async function () {
      // when
      const { rows, rowCount } = await db.query<{ sum: number; label: string }>(
        'SELECT $1::int + $2::int AS sum, $3::text AS label',
        [2, 3, 'năm'],
      );

      // then
      expect(rows).to.deep.equal([{ sum: 5, label: 'năm' }]);
      expect(rowCount).to.equal(1);
    });

    it('should count the rows a write changed', async function () {
      // given
      await db.query("INSERT INTO item VALUES (1, 'a'), (2, 'b'), (3, 'c')");

      // when
      const updated = await db.query('UPDATE item SET name = $1 WHERE id > $2', ['x', 1]);
      const deleted = await db.query('DELETE FROM item WHERE id = $1', [1]);

      // then
      expect(updated.rowCount).to.equal(2);
      expect(deleted.rowCount).to.equal(1);
    });

    it('should count zero for statements without rows', async function () {
      const { rows, rowCount } = await db.query('CREATE TABLE IF NOT EXISTS scratch (id int)');

      expect(rows).to.deep.equal([]);
      expect(rowCount).to.equal(0);
    });

    it('should run several statements given without parameters and return the last result', async function () {
      // when
      const { rows } = await db.query(
        "INSERT INTO item VALUES (1, 'a'); INSERT INTO item VALUES (2, 'b'); SELECT count(*)::int AS n FROM item",
      );

      // then
      expect(rows).to.deep.equal([{ n: 2 }]);
    });

    it('should reject with the database error when a statement fails', async function () {
      const error = await rejectionOf(db.query('SELECT * FROM no_such_table'));

      expect(error.message).to.match(/no_such_table/);
      expect(error.code).to.equal('42P01');
    });
  });

  describe('transaction', function () {
    it('should commit when the work resolves, and return its result', async function () {
      // when
      const result = await db.transaction(async (tx) => {
        await tx.query("INSERT INTO item VALUES (1, 'a')");
        return 'done';
      });

      // then
      expect(result).to.equal('done');
      expect(await names()).to.deep.equal(['a']);
    });

    it('should roll back when the work throws, and rethrow the error', async function () {
      // given
      const failure = new Error('officer cancelled');

      // when
      const error = await rejectionOf(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO item VALUES (1, 'a')");
          throw failure;
        }),
      );

      // then
      expect(error).to.equal(failure);
      expect(await names()).to.deep.equal([]);
    });

    it('should give the work a handle that is in the transaction', async function () {
      await db.transaction(async (tx) => {
        expect(tx.inTransaction).to.equal(true);
        expect(tx.dialect).to.equal(db.dialect);
      });
    });

    it('should join the outer transaction when nested, so the outer rollback undoes the inner writes', async function () {
      // when
      await rejectionOf(
        db.transaction(async (outer) => {
          await outer.transaction(async (inner) => {
            expect(inner).to.equal(outer);
            await inner.query("INSERT INTO item VALUES (1, 'inner')");
          });
          throw new Error('outer fails after the inner work resolved');
        }),
      );

      // then
      expect(await names()).to.deep.equal([]);
    });

    it('should NOT commit when the work caught a failed statement', async function () {
      // when
      const error = await rejectionOf(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO item VALUES (1, 'a')");
          await tx.query("INSERT INTO item VALUES (1, 'duplicate')").catch(() => undefined);
        }),
      );

      // then
      expect(error.code).to.equal('TRANSACTION_ROLLED_BACK');
      expect(await names()).to.deep.equal([]);
    });

    it('should reject with the statement error when the work goes on after a failed statement', async function () {
      // when
      const error = await rejectionOf(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO item VALUES (1, 'a'), (1, 'duplicate')").catch(() => undefined);
          await tx.query("INSERT INTO item VALUES (2, 'b')");
        }),
      );

      // then
      expect(error.code).to.equal('25P02');
      expect(await names()).to.deep.equal([]);
    });

    it('should refuse the root handle inside its own open transaction', async function () {
      // when
      const error = await rejectionOf(
        db.transaction(async () => {
          await db.query("INSERT INTO item VALUES (1, 'outside')");
        }),
      );

      // then
      expect(error.code).to.equal('ROOT_HANDLE_IN_TRANSACTION');
      expect(await names()).to.deep.equal([]);
    });

    it('should refuse a root transaction started inside its own open transaction', async function () {
      const error = await rejectionOf(db.transaction(() => db.transaction(async () => 'never')));

      expect(error.code).to.equal('ROOT_HANDLE_IN_TRANSACTION');
    });

    it('should refuse a transaction handle used after its transaction settled', async function () {
      // given
      const leaked = await db.transaction(async (tx) => tx);

      // when
      const error = await rejectionOf(leaked.query('SELECT 1'));

      // then
      expect(error.code).to.equal('TRANSACTION_CLOSED');
    });

    it('should refuse close() on a transaction handle', async function () {
      const error = await db.transaction((tx) => rejectionOf(tx.close()));

      expect(error.code).to.equal('CLOSE_ON_TRANSACTION');
    });

    it('should let the root handle work again once the transaction settled', async function () {
      // given
      await db.transaction(async (tx) => {
        await tx.query("INSERT INTO item VALUES (1, 'a')");
      });

      // when
      await db.query("INSERT INTO item VALUES (2, 'b')");

      // then
      expect(await names()).to.deep.equal(['a', 'b']);
    });

    it('should commit every one of many concurrent transactions from unrelated callers', async function () {
      // given
      await db.query('INSERT INTO counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');

      // when
      await Promise.all(
        Array.from({ length: 20 }, () =>
          db.transaction(async (tx) => {
            const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter WHERE id = 1 FOR UPDATE');
            await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [rows[0].n + 1]);
          }),
        ),
      );

      // then
      const { rows } = await db.query<{ n: number }>('SELECT n FROM counter WHERE id = 1');
      expect(rows[0].n).to.equal(20);
    });
  });
});

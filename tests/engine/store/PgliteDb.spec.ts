import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../../engine/store/index.js';
import { openPglite } from '../../../engine/store/index.js';

// PGlite needs no server, so its own behaviour is checked in the PGlite run only.
if (process.env.TEST_DB !== 'pg') {
  describe('store/PgliteDb', function () {
    this.timeout(30_000);

    describe('in a directory', function () {
      let parent: string;

      before(async function () {
        parent = await mkdtemp(join(tmpdir(), 'motcua-pglite-'));
      });

      after(async function () {
        await rm(parent, { recursive: true, force: true });
      });

      it('should create the directory and keep the data after reopening', async function () {
        // given
        const dataDir = join(parent, 'not', 'yet', 'there');
        const first = await openPglite(dataDir);
        await first.query('CREATE TABLE kept (name text)');
        await first.query('INSERT INTO kept VALUES ($1)', ['hồ sơ']);
        await first.close();

        // when
        const second = await openPglite(dataDir);
        const { rows } = await second.query('SELECT name FROM kept');
        await second.close();

        // then
        expect(rows).to.deep.equal([{ name: 'hồ sơ' }]);
      });
    });

    describe('in memory', function () {
      let db: Db;

      before(async function () {
        db = await openPglite();
        await db.query('CREATE TABLE entry (id serial PRIMARY KEY, caller text NOT NULL)');
      });

      after(async function () {
        await db?.close();
      });

      beforeEach(async function () {
        await db.query('DELETE FROM entry');
      });

      it('should name its dialect pglite', function () {
        expect(db.dialect).to.equal('pglite');
      });

      it('should NOT interleave the statements of concurrent transactions', async function () {
        // given
        const order: string[] = [];
        const work = (caller: string) => async (tx: Db) => {
          for (const step of [1, 2, 3]) {
            await tx.query('INSERT INTO entry (caller) VALUES ($1)', [`${caller}${step}`]);
            order.push(`${caller}${step}`);
            await sleep(5);
          }
        };

        // when
        await Promise.all([db.transaction(work('a')), db.transaction(work('b'))]);

        // then
        expect(order).to.deep.equal(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
      });

      it('should make a query from another caller wait until the open transaction ends', async function () {
        // given
        let release!: () => void;
        const released = new Promise<void>((resolve) => (release = resolve));
        let inserted!: () => void;
        const insertedRow = new Promise<void>((resolve) => (inserted = resolve));
        const open = db.transaction(async (tx) => {
          await tx.query("INSERT INTO entry (caller) VALUES ('tx')");
          inserted();
          await released;
          await tx.query("INSERT INTO entry (caller) VALUES ('tx, later')");
        });
        await insertedRow;

        // when
        let answered = false;
        const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM entry');
        void outside.then(() => (answered = true));
        await sleep(50);
        const answeredWhileOpen = answered;
        release();
        await open;

        // then
        expect(answeredWhileOpen).to.equal(false);
        expect((await outside).rows).to.deep.equal([{ n: 2 }]);
      });
    });
  });
}

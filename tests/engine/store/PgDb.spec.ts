import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Db } from '../../../engine/store/index.js';
import { openPg, openPglite } from '../../../engine/store/index.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { openTestDb } from '../../support/testDb.js';
import { insertValueRow, selectValueRow } from './valueRow.js';

const url = process.env.DATABASE_URL ?? '';

// Runs in the PostgreSQL run; listed as pending when no server is configured at all.
if (process.env.TEST_DB === 'pg' || url === '') {
  (url === '' ? describe.skip : describe)('store/PgDb', function () {
    this.timeout(30_000);

    let schema: string;
    const opened: Db[] = [];

    async function onServer(sql: string): Promise<void> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    }

    async function open(options: { max?: number } = {}): Promise<Db> {
      const db = await openPg(url, { schema, ...options });
      opened.push(db);
      return db;
    }

    beforeEach(async function () {
      schema = `t_${randomBytes(6).toString('hex')}`;
      await onServer(`CREATE SCHEMA ${schema}`);
    });

    afterEach(async function () {
      await Promise.all(opened.splice(0).map((db) => db.close()));
      await onServer(`DROP SCHEMA ${schema} CASCADE`);
    });

    it('should name its dialect pg', async function () {
      expect((await open()).dialect).to.equal('pg');
    });

    it('should work in the given schema on every connection', async function () {
      // given
      const db = await open({ max: 3 });

      // when
      const schemas = await Promise.all(
        [1, 2, 3].map(() =>
          db.transaction(async (tx) => {
            await sleep(10);
            return (await tx.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
          }),
        ),
      );
      await db.query('CREATE TABLE placed (id int)');

      // then
      expect(schemas).to.deep.equal([schema, schema, schema]);
      const { rows } = await db.query('SELECT table_schema FROM information_schema.tables WHERE table_name = $1', ['placed']);
      expect(rows).to.deep.equal([{ table_schema: schema }]);
    });

    it('should refuse a schema that is not a plain lower-case identifier', async function () {
      const error = await rejectionOf(openPg(url, { schema: 'x; DROP TABLE y' }));

      expect(error.code).to.equal('INVALID_OPTION');
    });

    it('should reject on open when the server cannot be reached', async function () {
      const error = await rejectionOf(openPg('postgres://postgres@127.0.0.1:1/test'));

      expect(error.message).to.match(/ECONNREFUSED|connect/);
    });

    it('should give the connection back after a failed transaction', async function () {
      // given
      const db = await open({ max: 1 });
      await db.query('CREATE TABLE item (id int PRIMARY KEY)');
      await rejectionOf(db.transaction(() => Promise.reject(new Error('work failed'))));
      await rejectionOf(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO item VALUES (1), (1)').catch(() => undefined);
        }),
      );

      // when
      const { rows } = await db.transaction((tx) => tx.query('SELECT count(*)::int AS n FROM item'));

      // then
      expect(rows).to.deep.equal([{ n: 0 }]);
    });

    it('should survive the server ending the connection inside a transaction', async function () {
      // given
      const db = await open({ max: 1 });

      // when
      const error = await rejectionOf(
        db.transaction(async (tx) => {
          await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
        }),
      );

      // then
      expect(error.message).to.match(/terminat/i);
      const { rows } = await db.query('SELECT 1 AS n');
      expect(rows).to.deep.equal([{ n: 1 }]);
    });

    it('should run transactions of unrelated callers side by side on separate connections', async function () {
      // given
      const db = await open({ max: 2 });
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const slow = db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await released;
      });

      // when
      const quick = await db.transaction(async (tx) => (await tx.query('SELECT 2 AS n')).rows);
      release();
      await slow;

      // then
      expect(quick).to.deep.equal([{ n: 2 }]);
    });

    it('should return the same JS values as PGlite for a row of each type', async function () {
      // given
      const server = await openTestDb();
      const embedded = await openPglite();
      try {
        await insertValueRow(server);
        await insertValueRow(embedded);

        // when
        const fromServer = await selectValueRow(server);
        const fromEmbedded = await selectValueRow(embedded);

        // then
        expect(fromServer).to.deep.equal(fromEmbedded);
      } finally {
        await Promise.all([server.close(), embedded.close()]);
      }
    });
  });
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../engine/store/index.js';
import { openPg, openPglite } from '../../engine/store/index.js';

/**
 * A fresh, empty database for one spec, on whichever database the run selected:
 * `TEST_DB=pg` gives a throwaway schema on the `DATABASE_URL` server (dropped by close()),
 * anything else an in-memory PGlite.
 */
export async function openTestDb(): Promise<Db> {
  return (await openTestDbs(1))[0]!;
}

/**
 * Several handles on one fresh database, as several engine processes would
 * have: separate connection pools on the server; on PGlite, which serves one
 * process, the same handle. Closing the first drops the database.
 */
export async function openTestDbs(count: number): Promise<Db[]> {
  if (process.env.TEST_DB !== 'pg') {
    const db = await openPgliteSchema();
    return Array.from({ length: count }, (_, i) => (i === 0 ? db : { ...db, close: async () => undefined }));
  }
  const url = process.env.DATABASE_URL;
  if (url === undefined || url === '') {
    throw new Error('Expected DATABASE_URL to name a PostgreSQL server when TEST_DB=pg, but it is not set.');
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await onServer(url, `CREATE SCHEMA ${schema}`);
  const pools = await Promise.all(Array.from({ length: count }, () => openPg(url, { schema, max: 4 })));
  return pools.map((db, i) => ({
    dialect: db.dialect,
    inTransaction: db.inTransaction,
    query: (sql, params, options) => db.query(sql, params, options),
    transaction: (work) => db.transaction(work),
    close: async () => {
      await db.close();
      if (i === 0) {
        await Promise.all(pools.slice(1).map((other) => other.close().catch(() => undefined)));
        await onServer(url, `DROP SCHEMA ${schema} CASCADE`);
      }
    },
  }));
}

// Starting PGlite takes seconds (WASM start-up and initdb), so one instance serves the
// whole run and each spec gets its own schema in it, as on the server.
let sharedPglite: Promise<Db> | undefined;

async function openPgliteSchema(): Promise<Db> {
  const base = await (sharedPglite ??= openPglite());
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await base.query(`CREATE SCHEMA ${schema}`);
  await base.query(`SET search_path TO ${schema}`);
  return {
    dialect: base.dialect,
    inTransaction: false,
    query: (sql, params, options) => base.query(sql, params, options),
    transaction: (work) => base.transaction(work),
    close: async () => {
      await base.query(`DROP SCHEMA ${schema} CASCADE`);
      await base.query('SET search_path TO public');
    },
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

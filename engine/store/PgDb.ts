import pg from 'pg';
import type { Db, QueryOptions, QueryResult } from './Db.js';
import { StoreError } from './StoreError.js';
import { TransactionHandle } from './TransactionHandle.js';
import { assertOutsideOwnTransaction, runInTransactionScope } from './transactionScope.js';

export interface PgOptions {
  /** Most connections the pool opens. Default 10. */
  readonly max?: number;
  /** Schema every connection works in (its `search_path`); it must already exist. */
  readonly schema?: string;
}

type TextParser = (text: string) => unknown;
// pg-types declares only the scalar type ids; array types are looked up by number too.
type GetTypeParser = (oid: number, format?: 'text' | 'binary') => TextParser;

const defaultParser = pg.types.getTypeParser as unknown as GetTypeParser;

const asText: TextParser = (text) => text;
const textArray = defaultParser(1009); // text[]: elements stay strings

// Values must come back the same as from PGlite (see README, "Values"). `pg` would give
// local-midnight Dates for date, local-time Dates for timestamp without time zone,
// and floats inside numeric[] while plain numeric stays a string.
const textParsers: Readonly<Record<number, TextParser>> = {
  1082: asText, // date
  1182: textArray, // date[]
  1114: asText, // timestamp
  1115: textArray, // timestamp[]
  1231: textArray, // numeric[]
};

const getTypeParser: GetTypeParser = (oid, format) =>
  (format === 'binary' ? undefined : textParsers[oid]) ?? defaultParser(oid, format);

const typeParsers = { getTypeParser } as unknown as pg.CustomTypesConfig;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/** A pool of connections to a PostgreSQL server; resolves once a first connection works. */
export async function openPg(url: string, options: PgOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    options: sessionSettings(options.schema),
    types: typeParsers,
  });
  // An idle connection that drops emits 'error' on the pool, which would otherwise
  // crash the process; the pool discards that connection and opens a new one on demand.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PgDb(pool);
}

function sessionSettings(schema: string | undefined): string {
  // UTC keeps SQL date arithmetic and timestamptz text the same as on PGlite,
  // whatever the server's configured zone.
  const settings = ['-c TimeZone=UTC'];
  if (schema !== undefined) {
    if (!SCHEMA_NAME.test(schema)) {
      throw new StoreError(
        'INVALID_OPTION',
        `Expected the schema to be a lower-case SQL identifier (a-z, 0-9, _), but got '${schema}'.`,
      );
    }
    settings.push(`-c search_path=${schema}`);
  }
  return settings.join(' ');
}

/** pg prepares a named statement once per connection and reuses its plan. */
function statement(sql: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): pg.QueryConfig {
  return { text: sql, ...(params === undefined ? {} : { values: [...params] }), ...(options?.name ? { name: options.name } : {}) };
}

class PgDb implements Db {
  readonly dialect = 'pg';
  readonly inTransaction = false;

  constructor(private readonly pool: pg.Pool) {}

  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    assertOutsideOwnTransaction(this);
    return toQueryResult<R>(await this.pool.query(statement(sql, params, options)));
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    assertOutsideOwnTransaction(this);
    const client = await this.pool.connect();
    const tx = new TransactionHandle('pg', async (sql, params, options) => toQueryResult(await client.query(statement(sql, params, options))));
    // A failed BEGIN/COMMIT/ROLLBACK may leave the connection unusable: give it back
    // with the error so the pool destroys it instead of lending it out again.
    let brokenBy: Error | undefined;
    // The pool stops listening for a lent connection's errors; without a listener a
    // connection the server ends mid-transaction would crash the process.
    const onConnectionError = (error: Error): void => {
      brokenBy = error;
    };
    client.on('error', onConnectionError);
    const control = async (sql: string): Promise<pg.QueryResult> => {
      try {
        return await client.query(sql);
      } catch (error) {
        brokenBy = error instanceof Error ? error : new Error(String(error));
        throw error;
      }
    };
    try {
      await control('BEGIN');
      let result: T;
      try {
        result = await runInTransactionScope(this, () => tx.isOpen, () => work(tx));
      } catch (error) {
        tx.end();
        await control('ROLLBACK').catch(() => undefined);
        throw error;
      }
      tx.end();
      const commit = await control('COMMIT');
      if (commit.command === 'ROLLBACK') throw StoreError.transactionRolledBack();
      return result;
    } finally {
      tx.end();
      client.off('error', onConnectionError);
      client.release(brokenBy);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toQueryResult<R>(result: pg.QueryResult | pg.QueryResult[] | undefined): QueryResult<R> {
  // Text with several statements (no parameters) yields one result per statement.
  const last = Array.isArray(result) ? result.at(-1) : result;
  return { rows: (last?.rows ?? []) as R[], rowCount: last?.rowCount ?? 0 };
}

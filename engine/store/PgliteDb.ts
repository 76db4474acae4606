import { mkdir } from 'node:fs/promises';
import { PGlite, types, type ParserOptions, type Results, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryResult } from './Db.js';
import { StoreError } from './StoreError.js';
import { TransactionHandle } from './TransactionHandle.js';
import { assertOutsideOwnTransaction, runInTransactionScope } from './transactionScope.js';

const asText = (text: string): string => text;

// Values must come back the same as from `pg` (see README, "Values"): PGlite's own
// defaults give bigint for int8, UTC-midnight Dates for date and Uint8Array for bytea.
// Array types are derived from these element parsers.
const parsers: ParserOptions = {
  [types.INT8]: asText,
  [types.DATE]: asText,
  [types.TIMESTAMP]: asText,
  [types.BYTEA]: (text: string) => Buffer.from(text.slice(2), 'hex'),
};

/** PGlite in memory, or persisted in `dataDir` (created when missing). */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir, { parsers });
  return new PgliteDb(pglite);
}

class PgliteDb implements Db {
  readonly dialect = 'pglite';
  readonly inTransaction = false;

  constructor(private readonly pglite: PGlite) {}

  // PGlite queues a statement issued outside a transaction behind any open
  // transaction, so unrelated callers never see each other's uncommitted work.
  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
    assertOutsideOwnTransaction(this);
    return runStatement<R>(this.pglite, sql, params);
  }

  // PGlite's transaction() holds its transaction mutex from BEGIN to COMMIT, which
  // serialises concurrent transactions on the single connection.
  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    assertOutsideOwnTransaction(this);
    let committing = false;
    try {
      return await this.pglite.transaction(async (pgliteTx) => {
        const tx = new TransactionHandle('pglite', (sql, params) => runStatement(pgliteTx, sql, params));
        try {
          const result = await runInTransactionScope(this, () => tx.isOpen, () => work(tx));
          committing = true;
          return result;
        } finally {
          tx.end();
        }
      });
    } catch (error) {
      // PGlite reports a COMMIT that PostgreSQL turned into a ROLLBACK as 25P02.
      if (committing && sqlState(error) === '25P02') throw StoreError.transactionRolledBack(error);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.pglite.close();
  }
}

async function runStatement<R>(
  target: PGlite | Transaction,
  sql: string,
  params: readonly unknown[] | undefined,
): Promise<QueryResult<R>> {
  // Like `pg`, text without parameters goes over the simple protocol, which accepts
  // several statements (migration files); the last statement's result is returned.
  if (params === undefined || params.length === 0) {
    const results = await target.exec(sql);
    return toQueryResult(results.at(-1) as Results<R> | undefined);
  }
  return toQueryResult(await target.query<R>(sql, [...params]));
}

function toQueryResult<R>(result: Results<R> | undefined): QueryResult<R> {
  return { rows: result?.rows ?? [], rowCount: result?.rowCount ?? 0 };
}

function sqlState(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

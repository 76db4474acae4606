import { mkdir } from 'node:fs/promises';
import { PGlite, types, type ParserOptions, type Results, type Transaction } from '@electric-sql/pglite';
import type { Db, QueryOptions, QueryResult } from './Db.js';
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

  /** Statement names prepared in this (single) session, with their text and how often each ran. */
  private readonly prepared = new Map<string, PreparedStatement>();

  constructor(private readonly pglite: PGlite) {}

  // PGlite queues a statement issued outside a transaction behind any open
  // transaction, so unrelated callers never see each other's uncommitted work.
  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    assertOutsideOwnTransaction(this);
    return runStatement<R>(this.pglite, sql, params, options?.name ? this.prepared : undefined, options?.name);
  }

  // PGlite's transaction() holds its transaction mutex from BEGIN to COMMIT, which
  // serialises concurrent transactions on the single connection.
  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    assertOutsideOwnTransaction(this);
    let committing = false;
    try {
      return await this.pglite.transaction(async (pgliteTx) => {
        const tx = new TransactionHandle('pglite', (sql, params, options) =>
          runStatement(pgliteTx, sql, params, options?.name ? this.prepared : undefined, options?.name),
        );
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
  prepared?: Map<string, PreparedStatement>,
  name?: string,
): Promise<QueryResult<R>> {
  // PGlite's protocol path has no named statements: PREPARE once, then EXECUTE with the
  // parameters written as literals (a utility statement takes no protocol parameters).
  // Planning a large statement costs more than running it, so this pays off on hot paths.
  if (prepared && name) {
    const known = prepared.get(name);
    // PGlite runs no autovacuum, so nothing would make PostgreSQL plan again as tables grow:
    // a plan made on near-empty tables (sequential scans) would stay. Preparing again now and
    // then lets the planner see the tables as they are.
    // Young tables change the most, so the first plans are replaced soonest.
    const stale = !known || known.sql !== sql || ++known.uses >= known.replanAt;
    if (stale) {
      if (known) await target.exec(`DEALLOCATE ${name}`);
      await target.exec(`PREPARE ${name} AS ${sql}`);
      const replanAt = known?.sql === sql ? Math.min(known.replanAt * 2, MAX_REPLAN_INTERVAL) : FIRST_REPLAN;
      prepared.set(name, { sql, uses: 0, replanAt });
    }
    const args = (params ?? []).map(literal).join(', ');
    const results = await target.exec(`EXECUTE ${name}${args ? `(${args})` : ''}`);
    return toQueryResult(results.at(-1) as Results<R> | undefined);
  }
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

interface PreparedStatement {
  readonly sql: string;
  uses: number;
  /** Executions after which the statement is prepared again. */
  readonly replanAt: number;
}

const FIRST_REPLAN = 32;
const MAX_REPLAN_INTERVAL = 4096;

/** A parameter as an SQL literal; the prepared statement's casts give it its type. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new StoreError('INVALID_PARAMETER', `Expected a finite number parameter, but got ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return quote(value.toISOString());
  if (Array.isArray(value)) return quote(`{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`);
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return quote(String(value));
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The database port. Two adapters implement it with the same SQL:
 * PGlite (embedded, in memory or a directory) and `pg` (a PostgreSQL server).
 */

export interface QueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

export interface Db {
  readonly dialect: 'pglite' | 'pg';
  /** Run one statement with `$1…$n` parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /**
   * Run `work` in a transaction and commit when it resolves, roll back when it throws.
   * Called on a `Db` that is already a transaction, it joins that transaction
   * (no savepoint): the outer caller decides commit or rollback.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /** Whether this handle is inside a transaction. */
  readonly inTransaction: boolean;
  /** Release connections (the pool, or the PGlite instance). Only on the root handle. */
  close(): Promise<void>;
}

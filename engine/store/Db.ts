/**
 * The database port. Two adapters implement it with the same SQL:
 * PGlite (embedded, in memory or a directory) and `pg` (a PostgreSQL server).
 */

export interface QueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

export interface QueryOptions {
  readonly name?: string;
}

export interface Db {
  readonly dialect: 'pglite' | 'pg';
  /**
   * Run one statement with `$1…$n` parameters. With a `name`, the statement is
   * prepared once per connection and its plan reused: for hot statements whose
   * text never changes (a name stands for exactly one text).
   */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<R>>;
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

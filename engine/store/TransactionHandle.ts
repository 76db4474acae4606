import type { Db, QueryOptions, QueryResult } from './Db.js';
import { StoreError } from './StoreError.js';

export type RunStatement = (sql: string, params: readonly unknown[] | undefined, options?: QueryOptions) => Promise<QueryResult<unknown>>;

/** The `Db` a transaction's work receives; both adapters share it and differ only in how a statement runs. */
export class TransactionHandle implements Db {
  readonly inTransaction = true;
  #open = true;

  constructor(
    readonly dialect: Db['dialect'],
    private readonly run: RunStatement,
  ) {}

  get isOpen(): boolean {
    return this.#open;
  }

  /** Called by the adapter once the work has settled; later use is a bug in the caller. */
  end(): void {
    this.#open = false;
  }

  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<R>> {
    this.assertOpen();
    return (await this.run(sql, params, options)) as QueryResult<R>;
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    this.assertOpen();
    return work(this);
  }

  close(): Promise<void> {
    return Promise.reject(
      new StoreError('CLOSE_ON_TRANSACTION', 'Expected close() on the root handle, but it was called on a transaction handle.'),
    );
  }

  private assertOpen(): void {
    if (!this.#open) {
      throw new StoreError(
        'TRANSACTION_CLOSED',
        'Expected an open transaction, but this handle was used after its transaction(work) had settled.',
      );
    }
  }
}

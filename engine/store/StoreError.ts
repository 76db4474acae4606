export type StoreErrorCode =
  | 'ROOT_HANDLE_IN_TRANSACTION'
  | 'TRANSACTION_CLOSED'
  | 'TRANSACTION_ROLLED_BACK'
  | 'CLOSE_ON_TRANSACTION'
  | 'INVALID_OPTION'
  | 'INVALID_MIGRATIONS'
  | 'MIGRATION_FAILED'
  | 'INVALID_PARAMETER';

/** A misuse of the store or a failure it can name; `code` is stable, the message is for people. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static transactionRolledBack(cause?: unknown): StoreError {
    return new StoreError(
      'TRANSACTION_ROLLED_BACK',
      'Expected the transaction to commit, but PostgreSQL rolled it back: a statement in it failed ' +
        'and the work caught the error instead of rethrowing it.',
      { cause },
    );
  }
}

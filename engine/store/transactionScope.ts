import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreError } from './StoreError.js';

interface OpenTransaction {
  readonly root: object;
  readonly isOpen: () => boolean;
}

// Statements issued through the root handle while its own transaction is open would run
// outside that transaction on `pg`, and wait forever on PGlite (one connection). Both
// adapters refuse them the same way so the mistake shows up on either database.
const scope = new AsyncLocalStorage<readonly OpenTransaction[]>();

export function runInTransactionScope<T>(root: object, isOpen: () => boolean, work: () => Promise<T>): Promise<T> {
  const outer = scope.getStore() ?? [];
  return scope.run([...outer, { root, isOpen }], work);
}

export function assertOutsideOwnTransaction(root: object): void {
  if (scope.getStore()?.some((open) => open.root === root && open.isOpen())) {
    throw new StoreError(
      'ROOT_HANDLE_IN_TRANSACTION',
      'Expected statements inside transaction(work) to use the handle passed to work, ' +
        'but the root handle was used while that transaction is open.',
    );
  }
}

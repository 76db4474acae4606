import { StoreError } from './StoreError.js';

/** A migration's SQL failed; its transaction was rolled back and later migrations were not tried. */
export class MigrationError extends StoreError {
  override readonly name: string = 'MigrationError';

  constructor(
    readonly migrationId: string,
    cause: unknown,
  ) {
    super('MIGRATION_FAILED', `Migration '${migrationId}' failed: ${messageOf(cause)}`, { cause });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

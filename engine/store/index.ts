export type { Db, QueryResult } from './Db.js';
export { openDb, type OpenDbOptions } from './openDb.js';
export { openPg, type PgOptions } from './PgDb.js';
export { openPglite } from './PgliteDb.js';
export { migrate, loadMigrations, type Migration } from './migrate.js';
export { StoreError, type StoreErrorCode } from './StoreError.js';
export { MigrationError } from './MigrationError.js';

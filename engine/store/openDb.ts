import type { Db } from './Db.js';
import { openPg } from './PgDb.js';
import { openPglite } from './PgliteDb.js';

export interface OpenDbOptions {
  /** A PostgreSQL server, `postgres://…`; when set, `dataDir` is not used. */
  readonly databaseUrl?: string;
  /** Directory for embedded PGlite files; in memory when missing. */
  readonly dataDir?: string;
}

/** A server when a URL is given, embedded PGlite otherwise. */
export function openDb(options: OpenDbOptions): Promise<Db> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') return openPg(options.databaseUrl);
  return openPglite(options.dataDir);
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './Db.js';
import { MigrationError } from './MigrationError.js';
import { StoreError } from './StoreError.js';

export interface Migration {
  /** File name without `.sql`, e.g. `001_engine_state`; recorded once applied. */
  readonly id: string;
  /** One or more statements, without BEGIN/COMMIT: the runner wraps each migration in a transaction. */
  readonly sql: string;
}

// First key of the advisory lock; the second is the schema, so databases that share a
// server in different schemas (test runs, several installations) do not wait for each other.
const MIGRATION_LOCK = 0x6d6f7463;

const MIGRATION_FILE = /^(\d+)_[A-Za-z0-9_-]+\.sql$/;

/**
 * Apply the migrations not yet recorded in `schema_migrations`, in the given order, each in
 * its own transaction. Safe to run from several processes at once. Returns the ids applied now.
 */
export async function migrate(db: Db, migrations: readonly Migration[]): Promise<string[]> {
  assertDistinctIds(migrations);
  const applied: string[] = [];
  for (const migration of migrations) {
    if (await db.transaction((tx) => applyOnce(tx, migration))) applied.push(migration.id);
  }
  return applied;
}

async function applyOnce(tx: Db, migration: Migration): Promise<boolean> {
  // Held until this transaction ends; a second process waits here, then sees the row.
  await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))`, [MIGRATION_LOCK]);
  await tx.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const recorded = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
  if (recorded.rowCount > 0) return false;
  try {
    await tx.query(migration.sql);
  } catch (error) {
    throw new MigrationError(migration.id, error);
  }
  await tx.query('INSERT INTO schema_migrations (id, applied_at) VALUES ($1, now())', [migration.id]);
  return true;
}

function assertDistinctIds(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (seen.has(id)) {
      throw new StoreError('INVALID_MIGRATIONS', `Expected each migration id once, but '${id}' appears twice.`);
    }
    seen.add(id);
  }
}

/** Read `NNN_name.sql` files from `dir`, ordered by their number; other files are ignored. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const sqlFiles = (await readdir(dir)).filter((name) => name.endsWith('.sql'));
  const misnamed = sqlFiles.filter((name) => !MIGRATION_FILE.test(name));
  if (misnamed.length > 0) {
    throw new StoreError(
      'INVALID_MIGRATIONS',
      `Expected migration files named NNN_name.sql in ${dir}, but found ${misnamed.join(', ')}.`,
    );
  }
  const ordered = sqlFiles
    .map((name) => ({ name, number: Number(MIGRATION_FILE.exec(name)?.[1]) }))
    .sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
  assertDistinctNumbers(dir, ordered);
  return Promise.all(
    ordered.map(async ({ name }) => ({
      id: name.slice(0, -'.sql'.length),
      sql: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

function assertDistinctNumbers(dir: string, files: readonly { name: string; number: number }[]): void {
  for (let i = 1; i < files.length; i++) {
    if (files[i].number === files[i - 1].number) {
      throw new StoreError(
        'INVALID_MIGRATIONS',
        `Expected one migration per number in ${dir}, but ${files[i - 1].name} and ${files[i].name} share one.`,
      );
    }
  }
}

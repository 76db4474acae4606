import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPg, openPglite, type Db, type QueryResult } from '../../engine/index.js';

export interface BenchDatabase {
  readonly label: string;
  readonly db: Db;
  /** Closes the database and, on a server, drops the schema the run worked in. */
  close(): Promise<void>;
}

/** The service's own default pool size (openDb without options). */
const POOL_SIZE = 10;

/** In-memory PGlite, or a schema of its own on the server so the database is left as it was found. */
export async function openBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  if (!url) {
    const db = await openPglite();
    return { label: 'PGlite (embedded, in memory)', db, close: () => db.close() };
  }
  const schema = `bench_api_${randomBytes(4).toString('hex')}`;
  await onServer(url, `CREATE SCHEMA ${schema}`);
  let db: Db;
  try {
    db = await openPg(url, { schema, max: POOL_SIZE });
  } catch (error) {
    await onServer(url, `DROP SCHEMA ${schema} CASCADE`);
    throw error;
  }
  const server = new URL(url);
  return {
    label: `PostgreSQL server ${server.host}${server.pathname}, schema ${schema}, pool of ${POOL_SIZE}`,
    db,
    async close() {
      try {
        await db.close();
      } finally {
        await onServer(url, `DROP SCHEMA ${schema} CASCADE`);
      }
    },
  };
}

async function onServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface InboxStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The service's database handle with a window onto the inbox: while `label`
 * is set, the two statements `GET /api/tasks` runs (the page and the count)
 * are timed and the last text and parameters of each are kept, so the bench can
 * show where a request's time goes and EXPLAIN exactly what the service ran.
 */
export class InboxProbe implements Db {
  readonly dialect: Db['dialect'];
  readonly inTransaction = false;
  label: string | undefined;
  readonly timings = new Map<string, { page: number[]; count: number[] }>();
  readonly statements = new Map<string, { page?: InboxStatement; count?: InboxStatement }>();

  constructor(private readonly inner: Db) {
    this.dialect = inner.dialect;
  }

  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: { name?: string }): Promise<QueryResult<R>> {
    const label = this.label;
    const kind = label === undefined ? undefined : inboxStatement(sql);
    if (label === undefined || kind === undefined) return this.inner.query<R>(sql, params, options);
    const started = performance.now();
    const result = await this.inner.query<R>(sql, params, options);
    const timings = this.timings.get(label) ?? { page: [], count: [] };
    timings[kind].push(performance.now() - started);
    this.timings.set(label, timings);
    this.statements.set(label, { ...this.statements.get(label), [kind]: { sql, params: params ?? [] } });
    return result;
  }

  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.inner.transaction(work);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function inboxStatement(sql: string): 'page' | 'count' | undefined {
  if (!sql.includes('FROM dossier_tasks t JOIN dossiers d')) return undefined;
  if (sql.includes('ORDER BY t.due_at')) return 'page';
  if (sql.trimStart().startsWith('SELECT count(*)')) return 'count';
  return undefined;
}

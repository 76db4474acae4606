import type { Db, QueryResult } from '../../engine/index.js';

export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/**
 * The application's database handle with a window onto chosen statements:
 * each statement `kindOf` names is timed, and the last text and parameters of
 * each kind are kept, so the bench can EXPLAIN exactly what the service ran.
 */
export class StatementProbe implements Db {
  readonly dialect: Db['dialect'];
  readonly inTransaction = false;
  readonly timings = new Map<string, number[]>();
  readonly statements = new Map<string, Statement>();

  constructor(
    private readonly inner: Db,
    private readonly kindOf: (sql: string) => string | undefined,
  ) {
    this.dialect = inner.dialect;
  }

  async query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: { name?: string }): Promise<QueryResult<R>> {
    const kind = this.kindOf(sql);
    if (kind === undefined) return this.inner.query<R>(sql, params, options);
    const started = performance.now();
    const result = await this.inner.query<R>(sql, params, options);
    const times = this.timings.get(kind) ?? [];
    times.push(performance.now() - started);
    this.timings.set(kind, times);
    this.statements.set(kind, { sql, params: params ?? [] });
    return result;
  }

  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return this.inner.transaction(work);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Forget what was timed so far (after a warm-up). */
  reset(): void {
    this.timings.clear();
  }
}

/** The statements the reports bench looks into: 06a's count, the inbox's page and count. */
export function benchStatementKind(sql: string): string | undefined {
  if (sql.includes('FROM report_dossiers f') && sql.includes('GROUP BY c.agency_id, c.procedure_code')) return '06a count';
  if (sql.includes('FROM dossier_tasks t JOIN dossiers d')) {
    if (sql.includes('ORDER BY t.due_at')) return 'inbox page';
    if (sql.trimStart().startsWith('SELECT count(*)')) return 'inbox count';
  }
  return undefined;
}

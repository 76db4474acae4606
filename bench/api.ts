/**
 * npm run bench:api
 *
 * The whole one-stop service (Application.start: migrations, catalogue import,
 * engine, projection, HTTP server on an ephemeral port, system clock, no jobs)
 * measured through its HTTP API:
 *
 * 1. Throughput: BENCH_DOSSIERS (default 200) birth registrations (`khai-sinh`)
 *    submitted at the public endpoint and walked receive → register → approve →
 *    return by the demo officers of Hải Châu, from BENCH_CLIENTS (default 8)
 *    concurrent clients in a worker thread. Prints dossiers/s, requests/s and
 *    p50/p95 per kind of request.
 * 2. Inbox latency with BENCH_LOADED (default 100,000) dossiers in the database:
 *    a few hundred written through the service layer, the rest set-based copies
 *    of those (see bench/api/load.ts); then BENCH_INBOX_REQUESTS (default 200)
 *    sequential `GET /api/tasks` per filter as a desk officer and a specialist
 *    of Hải Châu, with p50/p95/p99, the time of the two inbox statements, and
 *    EXPLAIN ANALYZE of each.
 *
 * Embedded PGlite in memory by default; with DATABASE_URL, that PostgreSQL
 * server instead, in a schema of its own that is dropped at the end.
 * BENCH_DOSSIERS=0 or BENCH_LOADED=0 leaves out part 1 or part 2.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Application } from '../api/Application.js';
import { readConfig } from '../api/config.js';
import { dueSoonLimit } from '../api/dossiers/index.js';
import { DEMO_PASSWORD } from '../api/seed/demoAccounts.js';
import type { Db } from '../engine/index.js';
import { InboxProbe, openBenchDatabase } from './api/database.js';
import { Session } from './api/http.js';
import { fixture, loadDossiers, loadedShape } from './api/load.js';
import { count, ms, percentile, seconds, table, type Samples } from './api/stats.js';
import type { WalkInput, WalkResult } from './api/walker.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 200);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const LOADED = Number(process.env.BENCH_LOADED ?? 100_000);
const INBOX_REQUESTS = Number(process.env.BENCH_INBOX_REQUESTS ?? 200);
const WARM_UP = 10;
/** An inbox read slower than this at p95 gets its plan printed. */
const SLOW_MS = 100;
const AGENCY = 'hai-chau';
const OFFICERS = { desk: 'motcua.haichau', specialist: 'chuyenvien.haichau', leader: 'lanhdao.haichau' } as const;

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const started = performance.now();
  const database = await openBenchDatabase(process.env.DATABASE_URL || undefined);
  const probe = new InboxProbe(database.db);
  console.log(`bench:api on ${database.label}; Node ${process.version}; ${loadLine()}`);
  let app: Application | undefined;
  try {
    const startStarted = performance.now();
    app = await Application.start({
      config: { ...readConfig({}, root), runJobs: false, logLevel: 'silent', publicRequestsPerMinute: 1e9, port: 0 },
      db: probe,
    });
    const url = await app.listen(0, '127.0.0.1');
    console.log(`service started in ${seconds(performance.now() - startStarted)} (migrations, catalogue import, demo accounts), listening on ${url}\n`);

    if (DOSSIERS > 0) await throughput(url);
    if (LOADED > 0) {
      await loadAndDescribe(app, database.db);
      await inbox(url, probe, database.db);
    }
  } finally {
    await app?.stop();
    await database.close();
  }
  console.log(`\nwhole run: ${seconds(performance.now() - started)}; ${loadLine()}`);
}

/** Figures from a machine busy with other work are not comparable; the load average says whether it was. */
function loadLine(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

async function throughput(url: string): Promise<void> {
  console.log(`1. Submit → return through HTTP: ${DOSSIERS} dossiers of khai-sinh at ${AGENCY}, ${CLIENTS} concurrent clients (worker thread)`);
  const result = await runWalker({
    url,
    dossiers: DOSSIERS,
    clients: CLIENTS,
    password: DEMO_PASSWORD,
    officers: OFFICERS,
    submission: { procedure: 'khai-sinh', agency: AGENCY, applicant: fixture('applicant'), formData: fixture('khai-sinh') },
  });
  const ended = Object.entries(result.finalStatuses).map(([status, n]) => `${n} in status ${status}`).join(', ');
  const perSecond = (n: number) => (n / result.elapsedMs) * 1000;
  console.log(`  ${ended}; ${result.steps} steps claimed and completed; ${Object.keys(OFFICERS).length * CLIENTS} logins before the clock started`);
  console.log(
    `  ${seconds(result.elapsedMs)}: ${perSecond(DOSSIERS).toFixed(1)} dossiers/s, ${perSecond(result.requests).toFixed(0)} HTTP requests/s ` +
      `(${count(result.requests)} requests, ${(result.requests / DOSSIERS).toFixed(1)} per dossier), ${perSecond(result.steps).toFixed(0)} steps/s`,
  );
  console.log(latencyTable(result.samples, ['p50', 'p95']));
  console.log();
}

function runWalker(input: WalkInput): Promise<WalkResult> {
  // A worker starts without tsx's loader; it imports the TypeScript entry through tsx's API.
  const entry = new URL('./api/walker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(source, { eval: true, workerData: input });
  return new Promise<WalkResult>((resolve, reject) => {
    worker.once('message', (message: { result?: WalkResult; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(`HTTP walk failed: ${message.error}`));
      else resolve(message.result!);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The HTTP client worker exited (${code}) without a result`)));
  });
}

async function loadAndDescribe(app: Application, db: Db): Promise<void> {
  console.log(`2. Loading ${count(LOADED)} dossiers`);
  const loaded = await loadDossiers(app, db, LOADED, (line) => console.log(line));
  console.log(
    `  set-based SQL: ${count(loaded.cloned.dossiers)} dossiers and ${count(loaded.cloned.tasks)} dossier_tasks copied from those in ${seconds(loaded.cloned.ms)}; ` +
      `ANALYZE ${seconds(loaded.analyzeMs)}`,
  );
  console.log(
    `  how: ${count(loaded.service.dossiers)} dossiers through application.services.dossiers (submit, claim, complete, withdraw: engine state, audit, outbox),\n` +
      `       one per receiving agency × procedure × point on the normal path (claimed or not), refused, waiting for papers, withdrawn;\n` +
      `       ${count(loaded.cloned.dossiers)} copies of those rows in dossiers + dossier_tasks only (no engine instance, timeline, hand-overs, audit or outbox),\n` +
      `       every timestamp moved back onto a working day of the past year (due dates keep their span from the service, not re-counted on the calendar),\n` +
      `       codes numbered per unit and local day. ${count(loaded.before)} dossiers were there already (part 1).`,
  );
  console.log(
    `  the same mix through the service layer alone would take ≈ ${(loaded.projectedServiceMs / 60_000).toFixed(0)} min at the rate measured here, hence the copies.`,
  );

  const now = new Date();
  const shape = await loadedShape(db, now, dueSoonLimit(app.services.calendar, now));
  console.log(`  ${count(loaded.total)} dossiers by status: ${shape.statuses.map((s) => `${s.status}: ${count(s.n)}`).join(', ')}`);
  const agencies = new Map<string, { total: number; open: number; overdue: number; due_soon: number; claimed: number }>();
  for (const t of shape.tasks) {
    const a = agencies.get(t.agency_id) ?? { total: 0, open: 0, overdue: 0, due_soon: 0, claimed: 0 };
    for (const k of ['total', 'open', 'overdue', 'due_soon', 'claimed'] as const) a[k] += Number(t[k]);
    agencies.set(t.agency_id, a);
  }
  const row = (label: string, a: { total: number; open: number; overdue: number; due_soon: number; claimed: number }) =>
    [label, count(a.total), count(a.open), count(a.overdue), count(a.due_soon), count(a.claimed)];
  console.log(
    table(
      ['dossier_tasks by agency', 'rows', 'open', 'overdue', 'due soon', 'claimed'],
      [
        ...[...agencies].map(([agency, a]) => row(agency, a)),
        ...shape.tasks.filter((t) => t.agency_id === AGENCY).map((t) => row(`  ${AGENCY}, role ${t.role}`, { ...t })),
      ],
    ),
  );
  console.log();
}

interface Variant {
  readonly key: string;
  readonly officer: string;
  readonly filter: string;
  readonly query: string;
}

async function inbox(url: string, probe: InboxProbe, db: Db): Promise<void> {
  console.log(`3. GET /api/tasks with ${count(LOADED)} dossiers loaded: ${INBOX_REQUESTS} sequential requests per officer and filter (after ${WARM_UP} not counted)`);
  const filters = [
    ['default', ''],
    ['overdue=true', '?overdue=true'],
    ['dueSoon=true', '?dueSoon=true'],
    ['assignedToMe=true', '?assignedToMe=true'],
  ] as const;
  const variants: Variant[] = [];
  const samples: Samples = {};
  const answers = new Map<string, { total: number; rows: number; bytes: number }>();
  for (const role of ['desk', 'specialist'] as const) {
    const officer = OFFICERS[role];
    const session = new Session(url, samples);
    await session.login(officer, DEMO_PASSWORD);
    for (const [filter, query] of filters) {
      const variant = { key: `${officer} ${filter}`, officer, filter, query };
      variants.push(variant);
      for (let i = 0; i < WARM_UP; i++) await session.call('warm-up', 'GET', `/api/tasks${query}`);
      probe.label = variant.key;
      try {
        for (let i = 0; i < INBOX_REQUESTS; i++) {
          const answer = await session.call<{ total: number; tasks: unknown[] }>(variant.key, 'GET', `/api/tasks${query}`);
          if (answer.status !== 200) throw new Error(`Expected 200 for GET /api/tasks${query} as ${officer}, but got ${answer.status} ${JSON.stringify(answer.body)}`);
          answers.set(variant.key, { total: answer.body.total, rows: answer.body.tasks.length, bytes: answer.bytes });
        }
      } finally {
        probe.label = undefined;
      }
    }
  }

  console.log(
    table(
      ['officer', 'filter', 'total', 'rows', 'KiB', 'p50 ms', 'p95 ms', 'p99 ms', 'page SQL p50', 'count SQL p50'],
      variants.map((v) => {
        const times = samples[v.key] ?? [];
        const answer = answers.get(v.key)!;
        const sql = probe.timings.get(v.key) ?? { page: [], count: [] };
        return [
          v.officer,
          v.filter,
          count(answer.total),
          String(answer.rows),
          (answer.bytes / 1024).toFixed(0),
          ms(percentile(times, 50)),
          ms(percentile(times, 95)),
          ms(percentile(times, 99)),
          ms(percentile(sql.page, 50)),
          ms(percentile(sql.count, 50)),
        ];
      }),
    ),
  );

  console.log(
    '  total: the inbox size the answer reports; page/count SQL: the two statements of one request as the service awaited them\n' +
      '  (sent together; PGlite runs them one after the other on its single connection).',
  );
  console.log('\n  EXPLAIN ANALYZE of the statements the service ran (execution time, ms):');
  const explained: { variant: Variant; page: string[]; count: string[] }[] = [];
  for (const variant of variants) {
    const statements = probe.statements.get(variant.key);
    if (!statements?.page || !statements.count) continue;
    const plan = async (s: { sql: string; params: readonly unknown[] }) =>
      (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params)).rows.map((r) => r['QUERY PLAN']);
    explained.push({ variant, page: await plan(statements.page), count: await plan(statements.count) });
  }
  const executionTime = (lines: string[]) => lines.find((l) => l.startsWith('Execution Time'))?.replace(/[^\d.]/g, '') ?? '—';
  console.log(
    table(
      ['officer', 'filter', 'page', 'count'],
      explained.map((e) => [e.variant.officer, e.variant.filter, executionTime(e.page), executionTime(e.count)]),
    ),
  );
  const first = explained[0];
  const slow = explained.filter((e) => percentile(samples[e.variant.key] ?? [], 95) > SLOW_MS);
  for (const e of first && !slow.includes(first) ? [first, ...slow] : slow) {
    console.log(`\n  plan of the page statement, ${e.variant.officer} ${e.variant.filter}${slow.includes(e) ? ` (p95 over ${SLOW_MS} ms)` : ''}:`);
    console.log(e.page.map((l) => `    ${l}`).join('\n'));
    if (slow.includes(e)) {
      console.log('  plan of the count statement:');
      console.log(e.count.map((l) => `    ${l}`).join('\n'));
    }
  }
}

function latencyTable(samples: Samples, columns: readonly ('p50' | 'p95' | 'p99')[]): string {
  const kinds = Object.keys(samples).sort((a, b) => (a === 'POST /api/auth/login' ? 1 : b === 'POST /api/auth/login' ? -1 : 0));
  return table(
    ['request', 'n', ...columns.map((c) => `${c} ms`), 'max ms'],
    kinds.map((kind) => {
      const values = samples[kind]!;
      return [kind, count(values.length), ...columns.map((c) => ms(percentile(values, Number(c.slice(1))))), ms(Math.max(...values))];
    }),
  );
}

await main();

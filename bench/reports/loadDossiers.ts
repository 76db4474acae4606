import { join } from 'node:path';
import type { Application } from '../../api/Application.js';
import type { ApologyDuePolicy, Counts06a, Period } from '../../api/reports/index.js';
import { endOfLocalDay } from '../../api/reports/ReportScope.js';
import type { Db } from '../../engine/index.js';
import { mulberry32 } from '../api/stats.js';
import { BulkWriter, writeCodeCounters, type WrittenRows } from './BulkWriter.js';
import { DossierFactory, type GeneratedDossier } from './DossierFactory.js';
import { Expected06a } from './Expected06a.js';
import { loadRoutes } from './routes.js';
import { Submissions } from './submissions.js';

export interface LoadOptions {
  readonly total: number;
  /** First local date of submissions; the last is the day of `now`. */
  readonly from: string;
  readonly now: Date;
  readonly seed: number;
  readonly batchSize: number;
  /** The period and report date the expected 06a totals are counted for. */
  readonly period: Period;
  readonly reportDate: string;
  readonly apologyDue: ApologyDuePolicy;
  readonly root: string;
  readonly log: (line: string) => void;
}

export interface LoadResult {
  readonly written: WrittenRows;
  readonly ms: number;
  /** Part of `ms` spent waiting for the database. */
  readonly waitedMs: number;
  readonly analyzeMs: number;
  readonly statuses: ReadonlyMap<number, number>;
  readonly shape: { received: number; paused: number; apologies: number; openAtNow: number; overdueAtNow: number; openTasks: number; completedTasks: number };
  readonly expected: Counts06a;
}

/**
 * Generate `total` dossiers and write them set-based: the dossiers, their
 * report rows (from the application's own `reportFactsOf` / `deadlineStateOf`),
 * deadline history and inbox steps. Then ANALYZE (VACUUM ANALYZE on a server),
 * as autovacuum would after a bulk load.
 */
export async function loadDossiers(app: Application, db: Db, options: LoadOptions): Promise<LoadResult> {
  const { services } = app;
  const calendar = services.calendar;
  const routes = await loadRoutes(services.catalogue(), join(options.root, 'processes'), join(options.root, 'tests', 'forms', 'fixtures'));
  const submissions = new Submissions(calendar, routes, mulberry32(options.seed));
  const factory = new DossierFactory(calendar, options.now, mulberry32(options.seed + 1), uuids(mulberry32(options.seed + 2)));
  const expected = new Expected06a(options.period, options.reportDate, endOfLocalDay(options.reportDate, calendar.data.utcOffsetMinutes), options.apologyDue);
  // A server's backend writes one batch while this process generates and sends the next.
  const writer = new BulkWriter(db, options.batchSize, db.dialect === 'pg' ? 2 : 1);
  const statuses = new Map<number, number>();
  const shape = { received: 0, paused: 0, apologies: 0, openAtNow: 0, overdueAtNow: 0, openTasks: 0, completedTasks: 0 };
  const observe = (d: GeneratedDossier) => {
    const { record } = d;
    statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1);
    if (!record.receivedAt) return;
    shape.received += 1;
    if (d.traits.paused) shape.paused += 1;
    if (d.traits.apology) shape.apologies += 1;
    if (!d.facts?.finishedAt) {
      shape.openAtNow += 1;
      if (!record.pausedAt && record.dueAt && record.dueAt < options.now) shape.overdueAtNow += 1;
    }
    for (const t of d.tasks) {
      if (t.state === 'open') shape.openTasks += 1;
      else if (t.state === 'completed') shape.completedTasks += 1;
    }
  };

  const started = performance.now();
  let made = 0;
  let nextReport = Math.max(options.batchSize, Math.round(options.total / 10));
  for (const day of submissions.byDay(options.from, options.now, options.total)) {
    for (const submission of day) {
      const dossier = factory.make(submission);
      observe(dossier);
      expected.add(dossier.truth);
      await writer.add(dossier);
      made += 1;
    }
    if (made >= nextReport) {
      options.log(`    ${made.toLocaleString('en-US')} dossiers generated, ${writer.written.dossiers.toLocaleString('en-US')} written, ${((performance.now() - started) / 1000).toFixed(1)} s`);
      nextReport += Math.round(options.total / 10);
    }
  }
  await writer.close();
  await writeCodeCounters(db, submissions.lastNumbers());
  const ms = performance.now() - started;

  const analyzeStarted = performance.now();
  // PGlite has no autovacuum; on a server VACUUM also sets the visibility map that index-only scans need.
  const tables = 'dossiers, report_dossiers, report_deadlines, dossier_tasks, dossier_code_counters';
  await db.query(db.dialect === 'pg' ? `VACUUM ANALYZE ${tables}` : `ANALYZE ${tables}`);
  const analyzeMs = performance.now() - analyzeStarted;

  return { written: writer.written, ms, waitedMs: writer.waitedMs, analyzeMs, statuses, shape, expected: expected.total };
}

/** Version-4-shaped ids from a seeded generator, so every run writes the same rows. */
function uuids(random: () => number): () => string {
  const hex = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  return () => {
    const [a, b, c, d] = [hex(), hex(), hex(), hex()];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${(8 + (parseInt(c[0]!, 16) & 3)).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}

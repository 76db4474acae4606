import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../engine/index.js';
import { AppError } from '../errors.js';

/** Runs waiting or running at once; more are refused. */
const MAX_QUEUED = 4;

// Starting PGlite takes seconds (WASM start-up and initdb), so test runs share one
// in-memory instance, started on first use; each run gets a schema of its own, dropped
// afterwards, and runs alone (the schema is chosen per session, and PGlite has one).
let shared: Promise<Db> | undefined;
let tail: Promise<void> = Promise.resolve();
let queued = 0;

/**
 * Run `work` on an empty scratch database that is thrown away afterwards. Past
 * `timeLimitMs` the run is stopped (its next statement fails) and a 422 explains why.
 */
export async function withScratchDb<T>(timeLimitMs: number, work: (db: Db) => Promise<T>): Promise<T> {
  if (queued >= MAX_QUEUED) throw new AppError('RATE_LIMITED', 'Đang có nhiều lượt chạy thử; vui lòng thử lại sau giây lát.');
  queued++;
  const previous = tail;
  let release = (): void => undefined;
  tail = new Promise<void>((resolve) => {
    release = resolve;
  });
  try {
    await previous;
    return await runInSchema(await (shared ??= openDb({})), timeLimitMs, work);
  } finally {
    queued--;
    release();
  }
}

async function runInSchema<T>(base: Db, timeLimitMs: number, work: (db: Db) => Promise<T>): Promise<T> {
  const schema = `sim_${randomBytes(6).toString('hex')}`;
  await base.query(`CREATE SCHEMA ${schema}`);
  await base.query(`SET search_path TO ${schema}`);
  // The clock is read at every statement too: PGlite answers without yielding to timers,
  // so a run that only talks to the database would never see the time-out fire.
  const guard = { stopped: false, deadline: Date.now() + timeLimitMs };
  const run = work(guarded(base, guard));
  run.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeLimitReached()), timeLimitMs);
  });
  try {
    return await Promise.race([run, limit]);
  } catch (error) {
    if (error instanceof TimeLimitReached) {
      throw new AppError('VALIDATION_FAILED', `Chạy thử vượt quá ${Math.round(timeLimitMs / 1000)} giây; hãy rút ngắn kịch bản hoặc khoảng thời gian cho qua.`);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    guard.stopped = true;
    await run.catch(() => undefined);
    await base.query(`DROP SCHEMA ${schema} CASCADE`);
    await base.query('SET search_path TO public');
  }
}

class TimeLimitReached extends Error {
  constructor() {
    super('The test run reached its time limit');
    this.name = 'TimeLimitReached';
  }
}

/** The shared database as one run sees it: every statement fails once the run is stopped or past its deadline. */
function guarded(base: Db, guard: { stopped: boolean; readonly deadline: number }): Db {
  const check = (): void => {
    if (guard.stopped || Date.now() > guard.deadline) throw new TimeLimitReached();
  };
  return {
    dialect: base.dialect,
    inTransaction: false,
    query: (sql, params, options) => {
      check();
      return base.query(sql, params, options);
    },
    transaction: (work) => {
      check();
      return base.transaction(work);
    },
    close: async () => undefined,
  };
}

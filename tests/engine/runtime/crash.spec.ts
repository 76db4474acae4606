import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import pg from 'pg';
import { Engine } from '../../../engine/runtime/Engine.js';
import type { TreeState } from '../../../engine/runtime/state.js';
import type { Db } from '../../../engine/store/Db.js';
import { openPg } from '../../../engine/store/PgDb.js';
import { openPglite } from '../../../engine/store/PgliteDb.js';

const worker = fileURLToPath(new URL('./fixtures/crashWorker.ts', import.meta.url));

/** Start the worker, let it run `commands` commands, then kill it with SIGKILL mid-flight. */
function runAndKill(env: Record<string, string>, commands: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      const done = Math.max(...chunk.toString().trim().split('\n').map(Number));
      // A random extra delay lands the kill anywhere inside a command.
      if (done >= commands) setTimeout(() => child.kill('SIGKILL'), Math.random() * 20);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited with ${code}: ${stderr}`))));
  });
}

/** Every projection agrees with the tree document it was written with. */
async function checkConsistent(db: Db): Promise<number> {
  const { rows } = await db.query<{ key: string; doc: TreeState }>('SELECT key, doc FROM engine_instances WHERE key = root_key');
  for (const { key, doc } of rows) {
    const keys = async (sql: string) => (await db.query<{ key: string }>(sql, [key])).rows.map((r) => r.key).sort();
    expect(await keys("SELECT key FROM engine_user_tasks WHERE root_key = $1 AND state = 'created'"), `open tasks of ${key}`).to.deep.equal(Object.keys(doc.userTasks).sort());
    expect(await keys('SELECT key FROM engine_jobs WHERE root_key = $1'), `jobs of ${key}`).to.deep.equal(Object.keys(doc.jobs).sort());
    expect(await keys('SELECT key FROM engine_timers WHERE root_key = $1'), `timers of ${key}`).to.deep.equal(Object.keys(doc.timers).sort());
  }
  const log = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM crash_log');
  const batches = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM engine_events');
  // The application's write and the engine's share each transaction: one log row per command batch.
  expect(log.rows[0]!.n).to.equal(batches.rows[0]!.n);
  return rows.length;
}

async function finishAll(db: Db): Promise<void> {
  const engine = await Engine.create({ db });
  engine.subscribe(async (events, tx) => {
    await tx.query('INSERT INTO crash_log (events) VALUES ($1)', [events.length]);
  });
  for (const task of await engine.listUserTasks({ state: 'created' })) await engine.completeUserTask(task.key, { finished: true });
  for (const task of await engine.listUserTasks({ state: 'created' })) await engine.completeUserTask(task.key, { finished: true });
  const active = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM engine_instances WHERE state = 'active'");
  expect(active.rows[0]!.n).to.equal(0);
}

describe('engine/runtime: crash of the engine process', function () {
  this.timeout(120_000);

  it('should leave a consistent database after a kill -9 at an arbitrary point, and continue from it', async function () {
    if (process.env.TEST_DB === 'pg') {
      const url = process.env.DATABASE_URL!;
      const schema = `crash_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      try {
        for (const commands of [20, 35, 50]) {
          await runAndKill({ DATABASE_URL: url, SCHEMA: schema }, commands);
          const db = await openPg(url, { schema });
          try {
            expect(await checkConsistent(db)).to.be.greaterThan(0);
          } finally {
            await db.close();
          }
        }
        const db = await openPg(url, { schema });
        try {
          await finishAll(db);
          await checkConsistent(db);
        } finally {
          await db.close();
        }
      } finally {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'engine-crash-'));
    try {
      for (const commands of [20, 35]) {
        await runAndKill({ DATA_DIR: dir }, commands);
        const db = await openPglite(dir);
        try {
          expect(await checkConsistent(db)).to.be.greaterThan(0);
        } finally {
          await db.close();
        }
      }
      const db = await openPglite(dir);
      try {
        await finishAll(db);
        await checkConsistent(db);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

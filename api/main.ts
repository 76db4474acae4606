/**
 * npm start: the one-stop engine service on its embedded default.
 *
 * Opens the database (PGlite under DATA_DIR, default ./data; a PostgreSQL
 * server when DATABASE_URL is set), applies migrations, deploys every
 * procedure model under processes/, and drives time (timers, message expiry)
 * until stopped with Ctrl-C or SIGTERM. Logs are JSON lines on stdout.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, EngineError, Scheduler, openDb } from '../engine/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function log(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
}

async function findModels(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findModels(path)));
    else if (entry.name.endsWith('.bpmn')) found.push(path);
  }
  return found.sort();
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.DATA_DIR ?? join(root, 'data');
  const db = await openDb(databaseUrl ? { databaseUrl } : { dataDir });
  log('info', 'database open', databaseUrl ? { database: 'postgresql' } : { database: 'pglite', dataDir });
  const engine = await Engine.create({ db });

  for (const path of await findModels(join(root, 'processes'))) {
    const name = relative(root, path);
    try {
      for (const p of await engine.deploy(await readFile(path, 'utf8'), name)) {
        log('info', p.isNew ? 'process deployed' : 'process unchanged', { resource: name, processId: p.processId, version: p.version });
      }
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      log('error', 'process rejected', { resource: name, problems: error.details.problems ?? error.message });
    }
  }

  const scheduler = new Scheduler(engine, { intervalMs: 1000, onError: (error) => log('error', 'scheduler tick failed', { error: String(error) }) }).start();
  log('info', 'engine running; press Ctrl-C to stop');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    await scheduler.stop();
    await db.close();
    log('info', 'stopped');
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log('error', 'start-up failed', { error: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
});

/**
 * npm run bench:engine
 *
 * The same 5-user-task dossier model (receive → appraise → gateway → approve →
 * return, with a boundary timer on the appraisal) on this engine and on
 * `bpmn-engine`, both persisting state to the same kind of database after every
 * step, in one process and one run. Prints user-task completions per second and
 * the ratio. With DATABASE_URL set, also runs both against that PostgreSQL
 * server with 8 concurrent clients.
 *
 * BENCH_INSTANCES (default 300) sets the dossiers per run; BENCH_ROUNDS (default 3)
 * how many alternating rounds each side runs: the median round is reported.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { Engine as BpmnEngine } from 'bpmn-engine';
import pg from 'pg';
import { Engine } from '../engine/runtime/Engine.js';
import type { Db } from '../engine/store/Db.js';
import { openPg } from '../engine/store/PgDb.js';
import { openPglite } from '../engine/store/PgliteDb.js';

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 300);
const CLIENTS = 8;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The happy path: four of the model's five user tasks are completed per dossier. */
const PATH = ['receive', 'appraise', 'approve', 'return'] as const;

interface Result {
  readonly completions: number;
  readonly seconds: number;
  readonly perSecond: number;
}

const ourXml = await readFile(new URL('../processes/demo-dossier/process.bpmn', import.meta.url), 'utf8');
/**
 * bpmn-engine reads plain BPMN with its own expression syntax: the same model
 * with the gateway condition and the timer written for it (FEEL and Zeebe
 * extensions are not its language).
 */
const theirXml = ourXml
  .replace('=eligible = true', '${environment.variables.eligible}')
  .replace('<bpmn:timeDate xsi:type="bpmn:tFormalExpression">=add working days(now(), 2)</bpmn:timeDate>', '<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P2D</bpmn:timeDuration>');

async function ours(db: Db, clients: number): Promise<Result> {
  const engine = await Engine.create({ db });
  await engine.deploy(ourXml, 'dossier.bpmn');
  // The application learns about new tasks from the engine's events once they are committed.
  const openTasks = new Map<string, string>();
  engine.onCommitted((events) => {
    for (const e of events) if (e.valueType === 'USER_TASK' && e.intent === 'CREATED') openTasks.set(`${e.rootKey}:${e.elementId}`, e.key);
  });
  let completions = 0;
  const perClient = Math.ceil(INSTANCES / clients);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const { instanceKey } = await engine.createInstance('dossier', { eligible: true, applicant: 'Nguyễn Văn A' });
        for (const step of PATH) {
          const task = openTasks.get(`${instanceKey}:${step}`);
          if (!task) throw new Error(`No open task '${step}' for ${instanceKey}`);
          openTasks.delete(`${instanceKey}:${step}`);
          await engine.completeUserTask(task, step === 'appraise' ? { eligible: true } : {});
          completions += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { completions, seconds, perSecond: completions / seconds };
}

async function theirs(db: Db, clients: number): Promise<Result> {
  await db.query('CREATE TABLE IF NOT EXISTS bpmn_engine_state (id text PRIMARY KEY, state jsonb NOT NULL, updated_at timestamptz NOT NULL)');
  const moddleContext = await BpmnModdle().fromXML(theirXml);
  let completions = 0;
  const perClient = Math.ceil(INSTANCES / clients);
  const save = async (id: string, engine: InstanceType<typeof BpmnEngine>) => {
    const state = await engine.getState();
    await db.query(
      `INSERT INTO bpmn_engine_state (id, state, updated_at) VALUES ($1, $2::jsonb, now())
       ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [id, JSON.stringify(state)],
    );
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < perClient; i++) {
        const id = `c${client}-i${i}`;
        const engine = new BpmnEngine({ name: id, moddleContext, settings: { enableDummyService: false } });
        const execution = await engine.execute({ variables: { eligible: true, applicant: 'Nguyễn Văn A' } });
        await save(id, engine);
        for (const step of PATH) {
          const waiting = execution.getPostponed().find((api) => api.id === step);
          if (!waiting) throw new Error(`bpmn-engine: no postponed '${step}' for ${id}`);
          execution.signal({ id: step });
          await save(id, engine);
          completions += 1;
        }
        // stop() never settles on an engine that already ran to completion.
        if (engine.state === 'running') await engine.stop();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { completions, seconds, perSecond: completions / seconds };
}

function line(label: string, r: Result): string {
  return `${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)} completions/s  (${r.completions} in ${r.seconds.toFixed(2)} s)`;
}

function median(results: Result[]): Result {
  return [...results].sort((x, y) => x.perSecond - y.perSecond)[Math.floor(results.length / 2)]!;
}

/** Alternate the two sides round by round, so drift on the machine hits both alike. */
async function compare(open: () => Promise<Db>, clients: number): Promise<{ ours: Result; theirs: Result }> {
  const ourRuns: Result[] = [];
  const theirRuns: Result[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const a = await open();
    try {
      ourRuns.push(await ours(a, clients));
    } finally {
      await a.close();
    }
    const b = await open();
    try {
      theirRuns.push(await theirs(b, clients));
    } finally {
      await b.close();
    }
  }
  return { ours: median(ourRuns), theirs: median(theirRuns) };
}

async function onPglite(): Promise<void> {
  console.log(`PGlite (embedded, in memory), ${INSTANCES} dossiers, 1 client, median of ${ROUNDS} rounds`);
  const { ours: a, theirs: b } = await compare(() => openPglite(), 1);
  console.log(line('  this engine', a));
  console.log(line('  bpmn-engine + getState() saved', b));
  console.log(`  ratio: ${(a.perSecond / b.perSecond).toFixed(2)}× (target ≥ 5×)`);
}

async function onServer(url: string): Promise<void> {
  console.log(`PostgreSQL server, ${INSTANCES} dossiers, ${CLIENTS} concurrent clients, median of ${ROUNDS} rounds`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const schemas: string[] = [];
  const open = async (): Promise<Db> => {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    await admin.query(`CREATE SCHEMA ${schema}`);
    return openPg(url, { schema, max: CLIENTS });
  };
  try {
    const { ours: a, theirs: b } = await compare(open, CLIENTS);
    console.log(line('  this engine', a));
    console.log(line('  bpmn-engine + getState() saved', b));
    console.log(`  ratio: ${(a.perSecond / b.perSecond).toFixed(2)}×; this engine ${a.perSecond >= 2000 ? 'meets' : 'misses'} the 2,000 completions/s target`);
  } finally {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  }
}

await onPglite();
if (process.env.DATABASE_URL) await onServer(process.env.DATABASE_URL);

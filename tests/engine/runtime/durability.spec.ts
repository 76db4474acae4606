import { expect } from 'chai';
import { Engine } from '../../../engine/runtime/Engine.js';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import { VirtualClock, timeOrderedIds } from '../../../engine/runtime/clock.js';
import type { Db, QueryOptions } from '../../../engine/store/Db.js';
import { openTestDb, openTestDbs } from '../../support/testDb.js';
import { flow, processXml, userTask } from './harness.js';

const twoSteps = processXml(
  'p',
  `<bpmn:startEvent id="s" />${userTask('first')}${userTask('second')}<bpmn:endEvent id="e" />
   ${flow('s', 'first')}${flow('first', 'second')}${flow('second', 'e')}`,
);

/** Everything the engine stores about one tree, to compare before and after a failed command. */
async function snapshot(db: Db, rootKey: string): Promise<unknown> {
  const q = async (sql: string) => (await db.query(sql, [rootKey])).rows;
  return {
    instance: await q('SELECT rev, state, doc FROM engine_instances WHERE key = $1'),
    tasks: await q('SELECT key, state, ended_at FROM engine_user_tasks WHERE root_key = $1 ORDER BY key'),
    timers: await q('SELECT key FROM engine_timers WHERE root_key = $1 ORDER BY key'),
    events: await q('SELECT count(*)::int AS n FROM engine_events WHERE root_key = $1'),
  };
}

async function openTask(engine: Engine, rootKey: string, elementId: string): Promise<string> {
  const [task] = await engine.listUserTasks({ rootKey, elementId, state: 'created' });
  if (!task) throw new Error(`no open task at ${elementId}`);
  return task.key;
}

/** A database handle that fails the first statement matching `pattern`, as a crash at that point would. */
function failingOnce(db: Db, pattern: RegExp): Db & { failed: boolean } {
  const wrapped = {
    failed: false,
    dialect: db.dialect,
    inTransaction: db.inTransaction,
    query: async (sql: string, params?: readonly unknown[], options?: QueryOptions) => {
      if (!wrapped.failed && pattern.test(sql)) {
        wrapped.failed = true;
        throw new Error('connection lost');
      }
      return db.query(sql, params, options);
    },
    transaction: <T>(work: (tx: Db) => Promise<T>) =>
      db.transaction((tx) =>
        work({
          ...tx,
          dialect: tx.dialect,
          inTransaction: true,
          query: (sql, params, options) => {
            if (!wrapped.failed && pattern.test(sql)) {
              wrapped.failed = true;
              return Promise.reject(new Error('connection lost'));
            }
            return tx.query(sql, params, options);
          },
          transaction: (inner) => inner(tx),
        }),
      ),
    close: () => db.close(),
  };
  return wrapped as Db & { failed: boolean };
}

describe('engine/runtime: durability', () => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDb();
  });
  afterEach(async () => {
    await db.close();
  });

  it('should leave no trace of a command whose transaction fails after the engine wrote, and complete it on retry', async () => {
    // given an application listener that fails inside the command's transaction
    const engine = await Engine.create({ db, clock: new VirtualClock('2026-02-13T10:00:00+07:00') });
    await engine.deploy(twoSteps);
    const { instanceKey } = await engine.createInstance('p');
    const task = await openTask(engine, instanceKey, 'first');
    let fail = true;
    engine.subscribe(() => {
      if (fail) throw new Error('application crashed');
    });
    const before = await snapshot(db, instanceKey);
    // when
    const error = await engine.completeUserTask(task).catch((e: unknown) => e);
    // then nothing changed
    expect((error as Error).message).to.equal('application crashed');
    expect(await snapshot(db, instanceKey)).to.deep.equal(before);
    // and the retry completes the step exactly once
    fail = false;
    await engine.completeUserTask(task);
    const tasks = await engine.listUserTasks({ rootKey: instanceKey });
    expect(tasks.map((t) => [t.elementId, t.state])).to.deep.equal([
      ['first', 'completed'],
      ['second', 'created'],
    ]);
  });

  it('should leave no trace when the connection is lost while a command is written, and complete it on retry', async () => {
    // given
    const flaky = failingOnce(db, /^WITH c AS/);
    const engine = await Engine.create({ db: flaky, clock: new VirtualClock('2026-02-13T10:00:00+07:00') });
    await engine.deploy(twoSteps);
    flaky.failed = true;
    const { instanceKey } = await engine.createInstance('p');
    const task = await openTask(engine, instanceKey, 'first');
    const before = await snapshot(db, instanceKey);
    flaky.failed = false;
    // when
    const error = await engine.completeUserTask(task).catch((e: unknown) => e);
    // then
    expect((error as Error).message).to.equal('connection lost');
    expect(await snapshot(db, instanceKey)).to.deep.equal(before);
    await engine.completeUserTask(task);
    expect((await engine.listUserTasks({ rootKey: instanceKey, state: 'created' })).map((t) => t.elementId)).to.deep.equal(['second']);
  });

  it("should commit the engine's changes and the application's own writes together, or neither", async () => {
    // given
    const engine = await Engine.create({ db });
    await db.query('CREATE TABLE dossier (code text PRIMARY KEY, status int NOT NULL)');
    await engine.deploy(twoSteps);
    // when the application's transaction rolls back after the engine started an instance in it
    const rolledBack = await db
      .transaction(async (tx) => {
        await tx.query("INSERT INTO dossier VALUES ('H56-260213-0001', 2)");
        await engine.createInstance('p', { code: 'H56-260213-0001' }, { tx });
        throw new Error('validation failed later');
      })
      .catch((e: unknown) => e);
    // then neither the dossier nor the instance exists
    expect((rolledBack as Error).message).to.equal('validation failed later');
    expect((await db.query('SELECT count(*)::int AS n FROM dossier')).rows[0]).to.deep.equal({ n: 0 });
    expect((await db.query('SELECT count(*)::int AS n FROM engine_instances')).rows[0]).to.deep.equal({ n: 0 });
    // and when it commits, both exist
    const started = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO dossier VALUES ('H56-260213-0002', 2)");
      return engine.createInstance('p', { code: 'H56-260213-0002' }, { tx });
    });
    expect((await db.query('SELECT count(*)::int AS n FROM dossier')).rows[0]).to.deep.equal({ n: 1 });
    expect((await engine.getInstance(started.instanceKey))?.variables).to.deep.equal({ code: 'H56-260213-0002' });
  });

  it('should let exactly one of two officers complete the same task; the other is told it is gone', async () => {
    // given two engine processes on one database
    const [a, b] = await openTestDbs(2);
    try {
      const one = await Engine.create({ db: a!, ids: timeOrderedIds() });
      const two = await Engine.create({ db: b!, ids: timeOrderedIds() });
      await one.deploy(twoSteps);
      const { instanceKey } = await one.createInstance('p');
      const task = await openTask(one, instanceKey, 'first');
      // when both complete it at once
      const results = await Promise.allSettled([one.completeUserTask(task, { by: 'one' }), two.completeUserTask(task, { by: 'two' })]);
      // then one wins, the other gets NOT_FOUND, and the next step exists once
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).to.be.instanceOf(EngineError).with.property('code', 'NOT_FOUND');
      expect((await one.listUserTasks({ rootKey: instanceKey, elementId: 'second' })).length).to.equal(1);
    } finally {
      await a!.close();
    }
  });

  it('should notice when another engine process changed a tree it has cached, and work on the current state', async () => {
    // given engine one has the tree cached after starting it
    const [a, b] = await openTestDbs(2);
    try {
      const one = await Engine.create({ db: a!, ids: timeOrderedIds() });
      const two = await Engine.create({ db: b!, ids: timeOrderedIds() });
      await one.deploy(twoSteps);
      const { instanceKey } = await one.createInstance('p');
      // when engine two moves the instance on, then engine one completes the next task
      await two.completeUserTask(await openTask(two, instanceKey, 'first'), { step: 1 });
      await one.completeUserTask(await openTask(one, instanceKey, 'second'), { step: 2 });
      // then the instance completed once, through both steps
      const view = await one.getInstance(instanceKey);
      expect(view?.status).to.equal('completed');
      expect(view?.variables).to.deep.equal({ step: 2 });
      const history = await one.history(instanceKey);
      expect(history.filter((e) => e.intent === 'ELEMENT_COMPLETED' && e.elementId === 'p')).to.have.length(1);
    } finally {
      await a!.close();
    }
  });
});

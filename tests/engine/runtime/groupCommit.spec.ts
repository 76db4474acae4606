import { expect } from 'chai';
import { Engine } from '../../../engine/runtime/Engine.js';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import type { EngineEvent } from '../../../engine/runtime/events.js';
import type { Db } from '../../../engine/store/Db.js';
import { openTestDb } from '../../support/testDb.js';
import { flow, processXml, userTask } from './harness.js';

const twoSteps = processXml(
  'p',
  `<bpmn:startEvent id="s" />${userTask('first')}${userTask('second')}<bpmn:endEvent id="e" />
   ${flow('s', 'first')}${flow('first', 'second')}${flow('second', 'e')}`,
);

describe('engine/runtime: group commit of concurrent commands', () => {
  let db: Db;
  let engine: Engine;
  const created = new Map<string, string>();
  /** Names of the save statements sent, to see whether commands shared one. */
  let statements: string[];
  beforeEach(async () => {
    db = await openTestDb();
    statements = [];
    const counting: Db = {
      ...db,
      dialect: db.dialect,
      inTransaction: db.inTransaction,
      query: (sql, params, options) => {
        if (options?.name?.startsWith('engine_save_')) statements.push(options.name);
        return db.query(sql, params, options);
      },
      transaction: (work) => db.transaction(work),
      close: () => db.close(),
    };
    engine = await Engine.create({ db: counting });
    engine.onCommitted((events: readonly EngineEvent[]) => {
      for (const e of events) if (e.valueType === 'USER_TASK' && e.intent === 'CREATED') created.set(`${e.rootKey}:${e.elementId}`, e.key);
    });
    await engine.deploy(twoSteps);
  });
  afterEach(async () => {
    await db.close();
  });

  it('should write commands on many trees issued at once, each exactly once, whether they share a statement or not', async () => {
    // given
    const instances = await Promise.all(Array.from({ length: 24 }, (_, i) => engine.createInstance('p', { i })));
    // when every first task is completed at once
    await Promise.all(instances.map(({ instanceKey }, i) => engine.completeUserTask(created.get(`${instanceKey}:first`)!, { done: i })));
    // then some commands shared a statement
    expect(statements.some((name) => name.startsWith('engine_save_many_')), statements.join(' ')).to.equal(true);
    // and each instance moved on once, with its own variables
    for (const [i, { instanceKey }] of instances.entries()) {
      const tasks = await engine.listUserTasks({ rootKey: instanceKey });
      expect(tasks.map((t) => [t.elementId, t.state])).to.deep.equal([
        ['first', 'completed'],
        ['second', 'created'],
      ]);
      expect((await engine.getInstance(instanceKey))?.variables).to.deep.equal({ i, done: i });
    }
  });

  it('should apply only one of two commands on the same tree issued at once, and refuse the other', async () => {
    // given
    const { instanceKey } = await engine.createInstance('p');
    const task = created.get(`${instanceKey}:first`)!;
    // when
    const results = await Promise.allSettled([engine.completeUserTask(task, { by: 'a' }), engine.completeUserTask(task, { by: 'b' })]);
    // then
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).to.be.instanceOf(EngineError).with.property('code', 'NOT_FOUND');
    expect(await engine.listUserTasks({ rootKey: instanceKey, elementId: 'second' })).to.have.length(1);
  });
});

import { expect } from 'chai';
import { migrateEngine } from '../../../engine/runtime/Engine.js';
import type { Db } from '../../../engine/store/index.js';
import { saveStatement } from '../../../engine/store/TreeStore.js';
import { openTestDb } from '../../support/testDb.js';

/**
 * A command's write must find the rows it changes by key, however many rows the tables hold:
 * the planner guesses a hundred rows for a JSON record set, and a join with it can turn into a
 * scan of a whole table on every command.
 */
describe('store/TreeStore: plans of the write statement', function () {
  this.timeout(60_000);
  let db: Db;

  before(async () => {
    db = await openTestDb();
    await migrateEngine(db);
    await db.query(`INSERT INTO engine_processes (key, process_id, version, checksum, resource_name, xml, model, deployed_at)
                    VALUES ('p1', 'dossier', 1, 'x', 'x.bpmn', '<x/>', '{}', now())`);
    await db.query(`INSERT INTO engine_instances (key, root_key, process_key, process_id, version, state, created_at, doc, rev)
                    SELECT 'r' || n, 'r' || n, 'p1', 'dossier', 1, 'active', now(), '{}', 1 FROM generate_series(1, 20000) AS n`);
    await db.query(`INSERT INTO engine_user_tasks (key, root_key, instance_key, element_instance_key, element_id, process_id, state,
                                                   candidate_groups, candidate_users, priority, headers, created_at)
                    SELECT 't' || n, 'r' || n, 'r' || n, 'e' || n, 'receive', 'dossier', 'created', '{desk}', '{}', 50, '{}', now()
                    FROM generate_series(1, 20000) AS n`);
    await db.query(`INSERT INTO engine_timers (key, root_key, instance_key, element_instance_key, element_id, process_key, target, due_at, repetitions)
                    SELECT 'tm' || n, 'r' || n, 'r' || n, 'e' || n, 'late', 'p1', 'boundary', now(), 0 FROM generate_series(1, 20000) AS n`);
    await db.query('ANALYZE');
  });

  after(async () => {
    await db?.close();
  });

  for (const trees of ['one', 'many'] as const) {
    it(`should reach instances, tasks and timers through their keys when writing ${trees === 'one' ? 'one tree' : 'several trees'}`, async () => {
      // given a completion: the task ends, a new one starts, a timer goes
      const { sql } = saveStatement(trees, ['userTasks', 'userTasksEnded', 'timersRemoved', 'events']);
      const payload = {
        updates: [{ rootKey: 'r7', rev: 1, doc: {}, state: null, endedAt: null }],
        inserts: [],
        userTasks: [],
        userTasksEnded: [{ key: 't7', rootKey: 'r7', state: 'completed', endedAt: '2026-02-13T10:00:00+07:00' }],
        timersRemoved: [{ key: 'tm7', rootKey: 'r7' }],
        events: [{ rootKey: 'r7', at: '2026-02-13T10:00:00+07:00', events: [] }],
      };
      // when
      const plan = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`.replace('$1::jsonb', `'${JSON.stringify(payload)}'::jsonb`).replace(/\$1/g, `'${JSON.stringify(payload)}'::jsonb`));
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      // then
      for (const table of ['engine_instances', 'engine_user_tasks', 'engine_timers']) expect(plan, plan).not.to.match(new RegExp(`Seq Scan on ${table}\\b`));
    });
  }
});

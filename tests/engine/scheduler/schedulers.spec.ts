import { expect } from 'chai';
import { Engine } from '../../../engine/runtime/Engine.js';
import { VirtualClock, timeOrderedIds } from '../../../engine/runtime/clock.js';
import { Scheduler } from '../../../engine/scheduler/Scheduler.js';
import { openTestDbs } from '../../support/testDb.js';
import { flow, processXml } from '../runtime/harness.js';

const TIMERS = 1000;

const waitOneHour = processXml(
  'wait',
  `<bpmn:startEvent id="s" />
   <bpmn:intermediateCatchEvent id="hour"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
   <bpmn:endEvent id="e" />${flow('s', 'hour')}${flow('hour', 'e')}`,
);

describe('engine/scheduler: several schedulers on one database', function () {
  this.timeout(180_000);

  it(`should fire each of ${TIMERS} timers exactly once with two schedulers running at the same time`, async () => {
    // given two engine processes on one database, sharing the clock
    const [a, b] = await openTestDbs(2);
    try {
      const clock = new VirtualClock('2026-02-13T10:00:00+07:00');
      const one = await Engine.create({ db: a!, clock, ids: timeOrderedIds() });
      const two = await Engine.create({ db: b!, clock, ids: timeOrderedIds() });
      const fired: string[] = [];
      const firedBy = [0, 0];
      [one, two].forEach((engine, index) => {
        engine.onCommitted((events) => {
          for (const e of events) {
            if (e.valueType !== 'TIMER' || e.intent !== 'TRIGGERED') continue;
            fired.push(e.key);
            firedBy[index] += 1;
          }
        });
      });
      await one.deploy(waitOneHour);
      const instances: string[] = [];
      for (let i = 0; i < TIMERS; i++) instances.push((await one.createInstance('wait', { i })).instanceKey);
      // when the timers fall due and both schedulers tick at once
      clock.advance(2 * 3600_000);
      const errors: unknown[] = [];
      const schedulers = [one, two].map((engine) => new Scheduler(engine, { batch: TIMERS, onError: (error) => errors.push(error) }));
      await Promise.all(schedulers.map((s) => s.tick()));
      // then every timer fired once, and every instance completed once
      expect(errors.map(String)).to.deep.equal([]);
      expect(fired).to.have.length(TIMERS);
      expect(new Set(fired).size).to.equal(TIMERS);
      expect(firedBy.every((n) => n > 0), `fired by each scheduler: ${firedBy.join(', ')}`).to.equal(true);
      const left = await a!.query<{ n: number }>('SELECT count(*)::int AS n FROM engine_timers');
      expect(left.rows[0]!.n).to.equal(0);
      const completed = await a!.query<{ n: number }>("SELECT count(*)::int AS n FROM engine_instances WHERE state = 'completed'");
      expect(completed.rows[0]!.n).to.equal(TIMERS);
      const sample = await one.history(instances[TIMERS - 1]!);
      expect(sample.filter((e) => e.valueType === 'TIMER' && e.intent === 'TRIGGERED')).to.have.length(1);
    } finally {
      await a!.close();
    }
  });
});

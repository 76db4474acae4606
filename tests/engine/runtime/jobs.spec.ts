import { expect } from 'chai';
import { JobWorker } from '../../../engine/scheduler/JobWorker.js';
import {
  createHarness,
  definitionsXml,
  errorBoundary,
  errorRoot,
  flow,
  ioMapping,
  openIncidents,
  processXml,
  serviceTask,
  type Harness,
} from './harness.js';

const MINUTE = 60_000;

/** s → work (service task of type `stamp`) → e */
const workProcess = (extra = '') => processXml('p', `<bpmn:startEvent id="s" />${serviceTask('work', 'stamp', extra)}<bpmn:endEvent id="e" />${flow('s', 'work')}${flow('work', 'e')}`);

/** s → work (with error boundary `rejected` catching REJECTED → rejectedEnd) → e */
const errorProcess = () =>
  definitionsXml(errorRoot('err', 'REJECTED'), {
    id: 'p',
    content: `<bpmn:startEvent id="s" />${serviceTask('work', 'stamp')}<bpmn:endEvent id="e" />
      ${errorBoundary('rejected', 'work', 'err', 'zeebe:errorMessageVariable="rejectionReason"')}<bpmn:endEvent id="rejectedEnd" />
      ${flow('s', 'work')}${flow('work', 'e')}${flow('rejected', 'rejectedEnd')}`,
  });

async function jobEvents(h: Harness, rootKey: string): Promise<string[]> {
  return (await h.engine.history(rootKey)).filter((e) => e.valueType === 'JOB').map((e) => e.intent);
}

const activate = (h: Harness, timeoutMs?: number) => h.engine.activateJobs({ type: 'stamp', worker: 'w1', ...(timeoutMs ? { timeoutMs } : {}) });

describe('engine/runtime: jobs', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('activation', () => {
    it('should hand out the variables visible at the task, its input mappings included', async () => {
      // given
      await h.deploy(workProcess(ioMapping([['=fee * 2', 'doubleFee']])));
      await h.start('p', { fee: 50_000, applicant: 'An' });
      // when
      const jobs = await activate(h);
      // then
      expect(jobs).to.have.length(1);
      expect(jobs[0]).to.deep.include({ type: 'stamp', elementId: 'work', bpmnProcessId: 'p', retries: 3 });
      expect(jobs[0]!.variables).to.deep.equal({ fee: 50_000, applicant: 'An', doubleFee: 100_000 });
    });

    it('should NOT offer an activated job again before its lock runs out', async () => {
      // given
      await h.deploy(workProcess());
      await h.start('p');
      await activate(h, MINUTE);
      // when
      await h.advance(MINUTE - 1);
      const jobs = await activate(h);
      // then
      expect(jobs).to.deep.equal([]);
    });

    it('should offer the job again once the lock timeout has passed', async () => {
      // given
      await h.deploy(workProcess());
      const key = await h.start('p');
      const [first] = await activate(h, MINUTE);
      // when
      await h.advance(MINUTE);
      const again = await activate(h);
      // then
      expect(again.map((j) => j.key)).to.deep.equal([first!.key]);
      const activations = (await h.engine.history(key)).filter((e) => e.valueType === 'JOB' && e.intent === 'ACTIVATED');
      expect(activations.map((e) => e.value.timedOut)).to.deep.equal([false, true]);
    });
  });

  describe('failure', () => {
    it('should NOT offer a failed job again before its back-off has passed', async () => {
      // given
      await h.deploy(workProcess());
      await h.start('p');
      const [job] = await activate(h);
      // when
      await h.engine.failJob(job!.key, { retries: 2, errorMessage: 'registry offline', backoffMs: 10 * MINUTE });
      await h.advance(10 * MINUTE - 1);
      // then
      expect(await activate(h)).to.deep.equal([]);
    });

    it('should offer a failed job with retries left again after its back-off', async () => {
      // given
      await h.deploy(workProcess());
      const key = await h.start('p');
      const [job] = await activate(h);
      await h.engine.failJob(job!.key, { retries: 2, errorMessage: 'registry offline', backoffMs: 10 * MINUTE });
      // when
      await h.advance(10 * MINUTE);
      const again = await activate(h);
      // then
      expect(again.map((j) => [j.key, j.retries])).to.deep.equal([[job!.key, 2]]);
      expect(await jobEvents(h, key)).to.deep.equal(['CREATED', 'ACTIVATED', 'FAILED', 'ACTIVATED']);
      expect(await openIncidents(h, key)).to.deep.equal([]);
    });

    it('should raise a JOB_NO_RETRIES incident when a job fails with no retries left', async () => {
      // given
      await h.deploy(workProcess());
      const key = await h.start('p');
      const [job] = await activate(h);
      // when
      await h.engine.failJob(job!.key, { retries: 0, errorMessage: 'registry offline' });
      // then
      expect((await h.state(key)).status).to.equal('incident');
      const incidents = await openIncidents(h, key);
      expect(incidents.map((i) => [i.type, i.elementId, i.message, i.jobKey])).to.deep.equal([['JOB_NO_RETRIES', 'work', 'registry offline', job!.key]]);
      await h.advance(60 * MINUTE);
      expect(await activate(h)).to.deep.equal([]);
    });

    it('should offer the job again with the given retries when its incident is resolved', async () => {
      // given
      await h.deploy(workProcess());
      const key = await h.start('p');
      const [job] = await activate(h);
      await h.engine.failJob(job!.key, { retries: 0, errorMessage: 'registry offline' });
      const [incident] = await openIncidents(h, key);
      // when
      await h.engine.resolveIncident(incident!.key, { retries: 2 });
      // then
      const again = await activate(h);
      expect(again.map((j) => [j.key, j.retries])).to.deep.equal([[job!.key, 2]]);
      expect((await h.state(key)).status).to.equal('active');
      await h.engine.completeJob(job!.key);
      expect((await h.state(key)).status).to.equal('completed');
    });
  });

  describe('errors', () => {
    it('should take the error boundary path when the worker throws a caught error', async () => {
      // given
      await h.deploy(errorProcess());
      const key = await h.start('p');
      const [job] = await activate(h);
      // when
      await h.engine.throwError(job!.key, { errorCode: 'REJECTED', errorMessage: 'missing birth certificate', variables: { rejectedBy: 'w1' } });
      // then
      expect(await h.lifecycle(key)).to.deep.equal([
        'p:ACTIVATING', 'p:ACTIVATED',
        's:ACTIVATING', 's:ACTIVATED', 's:COMPLETING', 's:COMPLETED',
        'work:ACTIVATING', 'work:ACTIVATED',
        'work:TERMINATING', 'work:TERMINATED',
        'rejected:ACTIVATING', 'rejected:ACTIVATED', 'rejected:COMPLETING', 'rejected:COMPLETED',
        'rejectedEnd:ACTIVATING', 'rejectedEnd:ACTIVATED', 'rejectedEnd:COMPLETING', 'rejectedEnd:COMPLETED',
        'p:COMPLETING', 'p:COMPLETED',
      ]);
      expect((await h.state(key)).variables).to.deep.equal({ rejectedBy: 'w1', rejectionReason: 'missing birth certificate' });
      expect(await jobEvents(h, key)).to.deep.equal(['CREATED', 'ACTIVATED', 'ERROR_THROWN']);
    });
  });

  describe('JobWorker', () => {
    it('should complete the jobs it polls with the variables its handler returns', async () => {
      // given
      await h.deploy(workProcess());
      const first = await h.start('p', { n: 1 });
      const second = await h.start('p', { n: 2 });
      const worker = new JobWorker(h.engine, { type: 'stamp', worker: 'stamper', handler: (job) => ({ stamped: (job.variables.n as number) * 10 }) });
      // when
      const handled = await worker.pollOnce();
      // then
      expect(handled).to.equal(2);
      expect(await h.state(first)).to.deep.include({ status: 'completed', variables: { n: 1, stamped: 10 } });
      expect(await h.state(second)).to.deep.include({ status: 'completed', variables: { n: 2, stamped: 20 } });
    });

    it('should fail the job with one retry less and a back-off when its handler throws', async () => {
      // given
      await h.deploy(workProcess());
      const key = await h.start('p');
      const seen: unknown[] = [];
      const worker = new JobWorker(h.engine, {
        type: 'stamp',
        backoffMs: 1000,
        handler: () => {
          throw new Error('seal service unavailable');
        },
        onError: (error) => seen.push(error),
      });
      // when
      await worker.pollOnce();
      // then
      const failed = (await h.engine.history(key)).find((e) => e.valueType === 'JOB' && e.intent === 'FAILED')!;
      expect(failed.value).to.deep.include({ retries: 2, errorMessage: 'seal service unavailable', retryAt: '2026-02-13T10:00:01.000+07:00' });
      expect(seen.map((e) => (e as Error).message)).to.deep.equal(['seal service unavailable']);
      expect(await worker.pollOnce()).to.equal(0);
      await h.advance(1000);
      expect(await worker.pollOnce()).to.equal(1);
    });

    it('should raise an incident once a throwing handler has used up the three default retries', async () => {
      // given
      await h.deploy(workProcess());
      const key = await h.start('p');
      const worker = new JobWorker(h.engine, {
        type: 'stamp',
        handler: () => {
          throw new Error('seal service unavailable');
        },
      });
      // when
      await worker.pollOnce();
      await h.advance(10 * MINUTE);
      await worker.pollOnce();
      await h.advance(10 * MINUTE);
      await worker.pollOnce();
      // then
      expect((await openIncidents(h, key)).map((i) => [i.type, i.message])).to.deep.equal([['JOB_NO_RETRIES', 'seal service unavailable']]);
    });
  });
});

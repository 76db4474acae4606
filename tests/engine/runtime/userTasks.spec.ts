import { expect } from 'chai';
import { EngineError } from '../../../engine/runtime/EngineError.js';
import { USER_TASK_JOB_TYPE } from '../../../engine/runtime/userTasks.js';
import type { UserTaskRecord } from '../../../engine/store/queries.js';
import { rejectionOf } from '../../support/rejectionOf.js';
import { createHarness, escapeXml, flow, processXml, userTask, type Harness } from './harness.js';

/** s → review → e, where review is a native user task with the given extension elements. */
const nativeTaskProcess = (extensions: string) =>
  processXml('p', `<bpmn:startEvent id="s" />${userTask('review', extensions)}<bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'e')}`);

/** Same, with a job-based user task (no zeebe:userTask element). */
const jobBasedTaskProcess = (extensions: string) =>
  processXml(
    'p',
    `<bpmn:startEvent id="s" /><bpmn:userTask id="review"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>
     <bpmn:endEvent id="e" />${flow('s', 'review')}${flow('review', 'e')}`,
  );

const assignment = (attributes: Record<string, string>) =>
  `<zeebe:assignmentDefinition ${Object.entries(attributes).map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ')} />`;

const schedule = (attributes: Record<string, string>) =>
  `<zeebe:taskSchedule ${Object.entries(attributes).map(([name, value]) => `${name}="${escapeXml(value)}"`).join(' ')} />`;

const headers = (values: Record<string, string>) =>
  `<zeebe:taskHeaders>${Object.entries(values).map(([key, value]) => `<zeebe:header key="${escapeXml(key)}" value="${escapeXml(value)}" />`).join('')}</zeebe:taskHeaders>`;

/** The first task record of a tree, whatever its state. */
async function taskOf(h: Harness, rootKey: string): Promise<UserTaskRecord> {
  const [task] = await h.engine.listUserTasks({ rootKey });
  if (!task) throw new Error(`Expected a user task in instance '${rootKey}', but there is none`);
  return task;
}

async function userTaskEvents(h: Harness, rootKey: string): Promise<string[]> {
  return (await h.engine.history(rootKey)).filter((e) => e.valueType === 'USER_TASK').map((e) => e.intent);
}

describe('engine/runtime: user tasks', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('assignment', () => {
    it('should create the task with a static assignee and comma-separated static candidate groups', async () => {
      // given
      await h.deploy(nativeTaskProcess(assignment({ assignee: 'an.nguyen', candidateGroups: 'mot-cua, tu-phap' })));
      // when
      const key = await h.start('p');
      // then
      expect(await taskOf(h, key)).to.deep.include({ state: 'created', assignee: 'an.nguyen', candidateGroups: ['mot-cua', 'tu-phap'], candidateUsers: [] });
    });

    it('should evaluate FEEL candidate groups to a list with the variables at activation', async () => {
      // given
      await h.deploy(nativeTaskProcess(assignment({ candidateGroups: '=[unit, "lanh-dao"]', candidateUsers: '=reviewers' })));
      // when
      const key = await h.start('p', { unit: 'phuong-1', reviewers: ['binh.tran'] });
      // then
      expect(await taskOf(h, key)).to.deep.include({ assignee: null, candidateGroups: ['phuong-1', 'lanh-dao'], candidateUsers: ['binh.tran'] });
      expect(await h.engine.listUserTasks({ candidateGroups: ['lanh-dao'] })).to.have.length(1);
    });

    it('should assign and unassign an open task', async () => {
      // given
      await h.deploy(nativeTaskProcess(''));
      const key = await h.start('p');
      const taskKey = await h.task('review', key);
      // when
      await h.engine.assignUserTask(taskKey, 'chi.le');
      const assigned = await taskOf(h, key);
      await h.engine.assignUserTask(taskKey, null);
      // then
      expect(assigned.assignee).to.equal('chi.le');
      expect((await taskOf(h, key)).assignee).to.equal(null);
      const events = (await h.engine.history(key)).filter((e) => e.valueType === 'USER_TASK' && e.intent === 'ASSIGNED');
      expect(events.map((e) => [e.value.assignee ?? null, e.value.previousAssignee ?? null])).to.deep.equal([
        ['chi.le', null],
        [null, 'chi.le'],
      ]);
    });
  });

  describe('schedule, form and headers', () => {
    it('should compute the due and follow-up dates with the working-time functions', async () => {
      // given: received Friday 13 Feb 2026 at 10:00; office hours pause 11:30–13:30 and Tết holidays follow
      await h.deploy(nativeTaskProcess(schedule({ dueDate: '=add working days(now(), 3)', followUpDate: '=add working hours(now(), 4)' })));
      // when
      const key = await h.start('p');
      // then
      const task = await taskOf(h, key);
      expect(task.dueDate?.toISOString()).to.equal('2026-02-25T03:00:00.000Z');
      expect(task.followUpDate?.toISOString()).to.equal('2026-02-13T09:00:00.000Z');
      const created = (await h.engine.history(key)).find((e) => e.valueType === 'USER_TASK' && e.intent === 'CREATED')!;
      expect(created.value).to.deep.include({ dueDate: '2026-02-25T10:00:00.000+07:00' });
    });

    it('should take the form key from the formId of zeebe:formDefinition and keep the task headers', async () => {
      // given
      await h.deploy(nativeTaskProcess(`<zeebe:formDefinition formId="dang-ky-khai-sinh" />${headers({ procedure: '1.001193', step: 'review' })}`));
      // when
      const key = await h.start('p');
      // then
      expect(await taskOf(h, key)).to.deep.include({ formKey: 'dang-ky-khai-sinh', headers: { procedure: '1.001193', step: 'review' }, jobKey: null });
    });
  });

  describe('job-based user task', () => {
    const jobBased = () =>
      jobBasedTaskProcess(
        `${assignment({ assignee: 'an.nguyen', candidateGroups: '=["mot-cua", "tu-phap"]' })}${schedule({ dueDate: '2026-02-20T17:00:00+07:00' })}` +
          `<zeebe:formDefinition formKey="form:khai-sinh" />${headers({ step: 'review' })}`,
      );

    it('should create a task record and a job carrying the reserved headers', async () => {
      // given
      await h.deploy(jobBased());
      // when
      const key = await h.start('p');
      // then
      const task = await taskOf(h, key);
      const jobs = await h.engine.activateJobs({ type: USER_TASK_JOB_TYPE, worker: 'tasklist' });
      expect(jobs).to.have.length(1);
      expect(task).to.deep.include({ state: 'created', assignee: 'an.nguyen', formKey: 'form:khai-sinh', jobKey: jobs[0]!.key });
      expect(jobs[0]!.customHeaders).to.deep.equal({
        step: 'review',
        'io.camunda.zeebe:assignee': 'an.nguyen',
        'io.camunda.zeebe:candidateGroups': '["mot-cua","tu-phap"]',
        'io.camunda.zeebe:dueDate': '2026-02-20T17:00:00.000+07:00',
        'io.camunda.zeebe:formKey': 'form:khai-sinh',
      });
    });

    it('should complete the task when its job is completed', async () => {
      // given
      await h.deploy(jobBased());
      const key = await h.start('p');
      const [job] = await h.engine.activateJobs({ type: USER_TASK_JOB_TYPE, worker: 'tasklist' });
      // when
      await h.engine.completeJob(job!.key, { approved: true });
      // then
      expect(await h.state(key)).to.deep.include({ status: 'completed', variables: { approved: true } });
      expect((await taskOf(h, key)).state).to.equal('completed');
      expect(await userTaskEvents(h, key)).to.deep.equal(['CREATED', 'COMPLETED']);
    });

    it('should complete the job when its task is completed', async () => {
      // given
      await h.deploy(jobBased());
      const key = await h.start('p');
      // when
      await h.completeTask('review', { approved: false }, key);
      // then
      expect((await h.state(key)).status).to.equal('completed');
      const { rows } = await h.db.query('SELECT key FROM engine_jobs WHERE root_key = $1', [key]);
      expect(rows).to.deep.equal([]);
      expect((await h.engine.history(key)).filter((e) => e.valueType === 'JOB').map((e) => e.intent)).to.deep.equal(['CREATED', 'COMPLETED']);
    });

    it('should cancel both the task and its job when the task is terminated', async () => {
      // given
      await h.deploy(jobBased());
      const key = await h.start('p');
      // when
      await h.engine.cancelInstance(key);
      // then
      expect((await taskOf(h, key)).state).to.equal('canceled');
      expect(await h.engine.activateJobs({ type: USER_TASK_JOB_TYPE, worker: 'tasklist' })).to.deep.equal([]);
      expect((await h.engine.history(key)).filter((e) => e.valueType === 'JOB').map((e) => e.intent)).to.deep.equal(['CREATED', 'CANCELED']);
    });
  });

  describe('commands', () => {
    it('should update candidate groups, due date and priority of an open task', async () => {
      // given
      await h.deploy(nativeTaskProcess(assignment({ candidateGroups: 'mot-cua' })));
      const key = await h.start('p');
      const taskKey = await h.task('review', key);
      // when
      await h.engine.updateUserTask(taskKey, { candidateGroups: ['lanh-dao'], dueDate: new Date('2026-03-02T10:00:00+07:00'), priority: 80 });
      // then
      const task = await taskOf(h, key);
      expect(task).to.deep.include({ candidateGroups: ['lanh-dao'], priority: 80 });
      expect(task.dueDate?.toISOString()).to.equal('2026-03-02T03:00:00.000Z');
      expect(await userTaskEvents(h, key)).to.deep.equal(['CREATED', 'UPDATED']);
    });

    it('should clear the due date when it is updated to null', async () => {
      // given
      await h.deploy(nativeTaskProcess(schedule({ dueDate: '2026-02-20T17:00:00+07:00' })));
      const key = await h.start('p');
      // when
      await h.engine.updateUserTask(await h.task('review', key), { dueDate: null });
      // then
      expect((await taskOf(h, key)).dueDate).to.equal(null);
    });

    it('should refuse to complete a task that is already completed with NOT_FOUND', async () => {
      // given
      await h.deploy(nativeTaskProcess(''));
      const key = await h.start('p');
      const taskKey = await h.task('review', key);
      await h.engine.completeUserTask(taskKey);
      // when
      const error = await rejectionOf(h.engine.completeUserTask(taskKey));
      // then
      expect(error).to.be.instanceOf(EngineError);
      expect(error.code).to.equal('NOT_FOUND');
      expect(await userTaskEvents(h, key)).to.deep.equal(['CREATED', 'COMPLETED']);
    });
  });
});

import type { Expression, ExecutableElement } from '../model/types.js';
import { acceptVariables } from './variables.js';
import { formatInstant, type ProcessingContext } from './context.js';
import { EngineError } from './EngineError.js';
import { createJob } from './jobs.js';
import { complete } from './lifecycle.js';
import type { Expected } from './ports.js';
import type { ElementInstanceState, UserTaskState, Variables } from './state.js';

/**
 * User tasks of both kinds. A native task (`zeebe:userTask`) is a task record;
 * a job-based one is also a job of type `io.camunda.zeebe:userTask` carrying
 * the reserved headers, as Zeebe offers it to its task list worker. Either way
 * the engine keeps a task record, so inboxes can query both alike.
 */

export const USER_TASK_JOB_TYPE = 'io.camunda.zeebe:userTask';
const DEFAULT_PRIORITY = 50;

export interface UserTaskValues {
  readonly assignee?: string;
  readonly candidateGroups: string[];
  readonly candidateUsers: string[];
  readonly dueDate?: string;
  readonly followUpDate?: string;
  readonly priority: number;
}

export function evaluateUserTask(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  element: ExecutableElement,
): { ok: true; value: UserTaskValues } | { ok: false; message: string } {
  const task = element.userTask!;
  const variables = ctx.visibleVariables(ei.key);
  const optional = (expression: Expression | undefined, expected: Expected, what: string) =>
    expression ? ctx.services.evaluator.evaluate(expression, variables, expected, what, { optional: true }) : { ok: true as const, value: undefined };
  const assignee = optional(task.assignee, 'string', `the assignee of '${element.id}'`);
  if (!assignee.ok) return assignee;
  const groups = optional(task.candidateGroups, 'stringList', `the candidate groups of '${element.id}'`);
  if (!groups.ok) return groups;
  const users = optional(task.candidateUsers, 'stringList', `the candidate users of '${element.id}'`);
  if (!users.ok) return users;
  const due = optional(task.dueDate, 'dateTime', `the due date of '${element.id}'`);
  if (!due.ok) return due;
  const followUp = optional(task.followUpDate, 'dateTime', `the follow-up date of '${element.id}'`);
  if (!followUp.ok) return followUp;
  const priority = optional(task.priority, 'number', `the priority of '${element.id}'`);
  if (!priority.ok) return priority;
  const offset = ctx.services.utcOffsetMinutes;
  return {
    ok: true,
    value: {
      ...(assignee.value !== undefined ? { assignee: String(assignee.value) } : {}),
      candidateGroups: (groups.value as string[] | undefined) ?? [],
      candidateUsers: (users.value as string[] | undefined) ?? [],
      ...(due.value ? { dueDate: formatInstant(due.value as Date, offset) } : {}),
      ...(followUp.value ? { followUpDate: formatInstant(followUp.value as Date, offset) } : {}),
      priority: priority.value === undefined ? DEFAULT_PRIORITY : Number(priority.value),
    },
  };
}

export function createUserTask(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement, values: UserTaskValues): void {
  const task = element.userTask!;
  const instance = ctx.tree.instances[ei.instanceKey]!;
  const key = ctx.newKey();
  const jobKey = task.native ? undefined : ctx.newKey();
  const formKey = task.formKey ?? task.formId ?? task.externalReference;
  ctx.write(
    'USER_TASK',
    'CREATED',
    key,
    {
      elementInstanceKey: ei.key,
      elementId: ei.elementId,
      instanceKey: ei.instanceKey,
      processInstanceKey: ei.instanceKey,
      processId: instance.processId,
      processDefinitionKey: instance.processKey,
      name: element.name,
      assignee: values.assignee,
      candidateGroups: values.candidateGroups,
      candidateUsers: values.candidateUsers,
      dueDate: values.dueDate,
      followUpDate: values.followUpDate,
      priority: values.priority,
      formKey,
      headers: { ...task.headers },
      jobKey,
    },
    { instanceKey: ei.instanceKey, elementId: ei.elementId },
  );
  if (!jobKey) return;
  const reserved: Record<string, string> = {};
  if (values.assignee) reserved['io.camunda.zeebe:assignee'] = values.assignee;
  if (values.candidateGroups.length) reserved['io.camunda.zeebe:candidateGroups'] = JSON.stringify(values.candidateGroups);
  if (values.candidateUsers.length) reserved['io.camunda.zeebe:candidateUsers'] = JSON.stringify(values.candidateUsers);
  if (values.dueDate) reserved['io.camunda.zeebe:dueDate'] = values.dueDate;
  if (values.followUpDate) reserved['io.camunda.zeebe:followUpDate'] = values.followUpDate;
  if (formKey) reserved['io.camunda.zeebe:formKey'] = formKey;
  createJob(ctx, ei, element, { type: USER_TASK_JOB_TYPE, retries: 1 }, { key: jobKey, userTaskKey: key, headers: { ...task.headers, ...reserved } });
}

export function cancelUserTask(ctx: ProcessingContext, ei: ElementInstanceState): void {
  const task = ei.userTaskKey ? ctx.tree.userTasks[ei.userTaskKey] : undefined;
  if (task) ctx.write('USER_TASK', 'CANCELED', task.key, { elementInstanceKey: ei.key }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  const job = ei.jobKey ? ctx.tree.jobs[ei.jobKey] : undefined;
  if (job) ctx.write('JOB', 'CANCELED', job.key, { elementInstanceKey: ei.key, type: job.type }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
}

function openTask(ctx: ProcessingContext, taskKey: string): { task: UserTaskState; ei: ElementInstanceState } {
  const task = ctx.tree.userTasks[taskKey];
  if (!task) throw new EngineError('NOT_FOUND', `Expected an open user task with key '${taskKey}', but none exists (it may be completed or cancelled)`);
  const ei = ctx.instance(task.elementInstanceKey);
  if (!ei || ei.state !== 'activated') throw new EngineError('INVALID_STATE', `Expected the element of user task '${taskKey}' to be active`);
  return { task, ei };
}

export function completeUserTask(ctx: ProcessingContext, taskKey: string, variables: Variables, action?: string): void {
  const { task, ei } = openTask(ctx, taskKey);
  ctx.write('USER_TASK', 'COMPLETED', task.key, { elementInstanceKey: ei.key, variables, action }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  if (task.jobKey && ctx.tree.jobs[task.jobKey]) {
    ctx.write('JOB', 'COMPLETED', task.jobKey, { type: USER_TASK_JOB_TYPE, elementInstanceKey: ei.key, variables }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  }
  acceptVariables(ctx, ei, ctx.elementOf(ei), variables);
  complete(ctx, ei.key);
}

export function assignUserTask(ctx: ProcessingContext, taskKey: string, assignee: string | null): void {
  const { task, ei } = openTask(ctx, taskKey);
  ctx.write('USER_TASK', 'ASSIGNED', task.key, { elementInstanceKey: ei.key, assignee: assignee ?? undefined, previousAssignee: task.assignee }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
}

export interface UserTaskChanges {
  readonly candidateGroups?: string[];
  readonly candidateUsers?: string[];
  readonly dueDate?: Date | null;
  readonly followUpDate?: Date | null;
  readonly priority?: number;
}

export function updateUserTask(ctx: ProcessingContext, taskKey: string, changes: UserTaskChanges): void {
  const { task, ei } = openTask(ctx, taskKey);
  const offset = ctx.services.utcOffsetMinutes;
  const value: Record<string, string | number | string[] | null | undefined> = { elementInstanceKey: ei.key };
  if (changes.candidateGroups) value.candidateGroups = changes.candidateGroups;
  if (changes.candidateUsers) value.candidateUsers = changes.candidateUsers;
  if (changes.dueDate !== undefined) value.dueDate = changes.dueDate ? formatInstant(changes.dueDate, offset) : null;
  if (changes.followUpDate !== undefined) value.followUpDate = changes.followUpDate ? formatInstant(changes.followUpDate, offset) : null;
  if (changes.priority !== undefined) value.priority = changes.priority;
  ctx.write('USER_TASK', 'UPDATED', task.key, value as never, { instanceKey: ei.instanceKey, elementId: ei.elementId });
}

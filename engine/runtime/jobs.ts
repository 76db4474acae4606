import type { ExecutableElement } from '../model/types.js';
import { acceptVariables } from './variables.js';
import { formatInstant, type ProcessingContext } from './context.js';
import { EngineError } from './EngineError.js';
import { throwError } from './errors.js';
import { createIncident } from './incidents.js';
import { complete } from './lifecycle.js';
import type { ElementInstanceState, JobState, Variables } from './state.js';

/**
 * Jobs: the work of service, send, script and business-rule tasks (and of
 * job-based user tasks) done by workers outside the engine. At least once:
 * a worker's lock expires and the job is offered again.
 */

export interface JobSpec {
  readonly type: string;
  readonly retries: number;
}

export function evaluateJob(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  element: ExecutableElement,
): { ok: true; value: JobSpec } | { ok: false; message: string } {
  const job = element.job!;
  const variables = ctx.visibleVariables(ei.key);
  const type = ctx.services.evaluator.evaluate(job.type, variables, 'string', `the job type of '${element.id}'`);
  if (!type.ok) return type;
  const retries = ctx.services.evaluator.evaluate(job.retries, variables, 'number', `the job retries of '${element.id}'`);
  if (!retries.ok) return retries;
  return { ok: true, value: { type: String(type.value), retries: Math.max(0, Math.trunc(Number(retries.value))) } };
}

export function createJob(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  element: ExecutableElement,
  spec: JobSpec,
  extra: { key?: string; userTaskKey?: string; headers?: Record<string, string> } = {},
): string {
  const key = extra.key ?? ctx.newKey();
  const instance = ctx.tree.instances[ei.instanceKey]!;
  ctx.write(
    'JOB',
    'CREATED',
    key,
    {
      type: spec.type,
      retries: spec.retries,
      customHeaders: { ...(element.job?.headers ?? {}), ...(extra.headers ?? {}) },
      elementInstanceKey: ei.key,
      elementId: ei.elementId,
      processInstanceKey: ei.instanceKey,
      processDefinitionKey: instance.processKey,
      bpmnProcessId: instance.processId,
      userTaskKey: extra.userTaskKey,
    },
    { instanceKey: ei.instanceKey, elementId: ei.elementId },
  );
  return key;
}

function openJob(ctx: ProcessingContext, jobKey: string): { job: JobState; ei: ElementInstanceState } {
  const job = ctx.tree.jobs[jobKey];
  if (!job) throw new EngineError('NOT_FOUND', `Expected an open job with key '${jobKey}', but none exists (it may be completed or cancelled)`);
  if (job.state === 'failed') {
    throw new EngineError('INVALID_STATE', `Expected job '${jobKey}' to be open, but it has no retries left and waits for its incident to be resolved`);
  }
  const ei = ctx.instance(job.elementInstanceKey);
  if (!ei || ei.state !== 'activated') throw new EngineError('INVALID_STATE', `Expected the element of job '${jobKey}' to be active`);
  return { job, ei };
}

export function completeJob(ctx: ProcessingContext, jobKey: string, variables: Variables): void {
  const { job, ei } = openJob(ctx, jobKey);
  ctx.write('JOB', 'COMPLETED', job.key, { type: job.type, elementInstanceKey: ei.key, variables }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  if (job.userTaskKey && ctx.tree.userTasks[job.userTaskKey]) {
    ctx.write('USER_TASK', 'COMPLETED', job.userTaskKey, { elementInstanceKey: ei.key, variables }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  }
  acceptVariables(ctx, ei, ctx.elementOf(ei), variables);
  complete(ctx, ei.key);
}

export function failJob(ctx: ProcessingContext, jobKey: string, retries: number, errorMessage: string, backoffMs: number): void {
  const { job, ei } = openJob(ctx, jobKey);
  const left = Math.max(0, Math.trunc(retries));
  const retryAt = left > 0 && backoffMs > 0 ? formatInstant(new Date(ctx.now.getTime() + backoffMs), ctx.services.utcOffsetMinutes) : undefined;
  ctx.write('JOB', 'FAILED', job.key, { type: job.type, retries: left, errorMessage, retryAt, elementInstanceKey: ei.key }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  if (left === 0) {
    createIncident(ctx, ei, 'JOB_NO_RETRIES', errorMessage || `Job '${job.type}' of '${ei.elementId}' failed with no retries left`, 'job', job.key);
  }
}

export function throwJobError(ctx: ProcessingContext, jobKey: string, errorCode: string, errorMessage: string | undefined, variables: Variables): void {
  const { job, ei } = openJob(ctx, jobKey);
  ctx.write('JOB', 'ERROR_THROWN', job.key, { type: job.type, errorCode, errorMessage, elementInstanceKey: ei.key }, { instanceKey: ei.instanceKey, elementId: ei.elementId });
  const thrown = throwError(ctx, ei, errorCode, errorMessage, variables);
  if (thrown.ok) thrown.after();
  else createIncident(ctx, ei, 'UNHANDLED_ERROR_EVENT', thrown.message, 'job', job.key);
}

export function updateJobRetries(ctx: ProcessingContext, jobKey: string, retries: number): void {
  const job = ctx.tree.jobs[jobKey];
  if (!job) throw new EngineError('NOT_FOUND', `Expected a job with key '${jobKey}', but none exists`);
  if (!(retries > 0)) throw new EngineError('INVALID_ARGUMENT', `Expected retries to be a positive number, but got ${retries}`);
  ctx.write('JOB', 'RETRIES_UPDATED', job.key, { type: job.type, retries: Math.trunc(retries), elementInstanceKey: job.elementInstanceKey }, { instanceKey: job.instanceKey, elementId: job.elementId });
}

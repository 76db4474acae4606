import type { ProcessingContext } from './context.js';
import { EngineError } from './EngineError.js';
import { createJob, evaluateJob } from './jobs.js';
import { incidentValue, runActivation, runCompletion, terminate } from './lifecycle.js';
import type { Variables } from './state.js';

/**
 * Commands on one instance tree besides those owned by jobs, user tasks,
 * timers and messages. Each runs inside the executor's transaction.
 */

export function cancelInstance(ctx: ProcessingContext, instanceKey: string): void {
  const instance = ctx.tree.instances[instanceKey];
  if (!instance || instance.state !== 'active') {
    throw new EngineError('NOT_FOUND', `Expected an active process instance with key '${instanceKey}', but none exists`);
  }
  if (instance.parentInstanceKey) {
    throw new EngineError(
      'INVALID_STATE',
      `Expected a root process instance, but '${instanceKey}' was created by call activity '${instance.parentElementInstanceKey}'; cancel its root instance '${ctx.tree.rootKey}'`,
    );
  }
  terminate(ctx, instanceKey);
}

export function resolveIncident(ctx: ProcessingContext, incidentKey: string, retries?: number): void {
  const incident = ctx.tree.incidents[incidentKey];
  if (!incident) throw new EngineError('NOT_FOUND', `Expected an open incident with key '${incidentKey}', but none exists`);
  const ei = ctx.instance(incident.elementInstanceKey);
  ctx.write('INCIDENT', 'RESOLVED', incident.key, incidentValue(incident), { instanceKey: incident.instanceKey, elementId: incident.elementId });
  if (!ei) return;
  switch (incident.retry) {
    case 'activate':
      if (ei.state === 'activating') runActivation(ctx, ei.key);
      return;
    case 'complete':
      if (ei.state === 'completing') runCompletion(ctx, ei.key);
      return;
    case 'job': {
      const job = incident.jobKey ? ctx.tree.jobs[incident.jobKey] : undefined;
      if (job) {
        ctx.write('JOB', 'RETRIES_UPDATED', job.key, { type: job.type, retries: Math.max(1, Math.trunc(retries ?? 1)), elementInstanceKey: ei.key }, { instanceKey: job.instanceKey, elementId: job.elementId });
        return;
      }
      // The job ended with an uncaught error: offer the work again as a new job.
      const element = ctx.elementOf(ei);
      const spec = evaluateJob(ctx, ei, element);
      if (spec.ok) createJob(ctx, ei, element, { ...spec.value, retries: retries ?? spec.value.retries });
      return;
    }
    case 'none':
      return;
  }
}

/** Set variables on a scope (a process instance or an element instance), as an operator fixing data before resolving an incident. */
export function setVariables(ctx: ProcessingContext, scopeKey: string, variables: Variables, local: boolean): void {
  const scope = ctx.instance(scopeKey);
  if (!scope) throw new EngineError('NOT_FOUND', `Expected an active scope with key '${scopeKey}', but none exists`);
  if (local) ctx.setLocal(scopeKey, variables);
  else ctx.propagate(scopeKey, variables);
}

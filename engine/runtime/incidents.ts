import type { ProcessingContext } from './context.js';
import type { ElementInstanceState, IncidentState, IncidentType } from './state.js';

/**
 * An expected failure (a FEEL error, no matching flow, retries exhausted, an
 * uncaught error) stops the element where it is and records an incident. The
 * instance lives on; resolving the incident retries the failed step.
 */
export function createIncident(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  type: IncidentType,
  message: string,
  retry: IncidentState['retry'],
  jobKey?: string,
): string {
  const key = ctx.newKey();
  ctx.write(
    'INCIDENT',
    'CREATED',
    key,
    {
      errorType: type,
      errorMessage: message,
      elementInstanceKey: ei.key,
      elementId: ei.elementId,
      processInstanceKey: ei.instanceKey,
      bpmnProcessId: ctx.tree.instances[ei.instanceKey]?.processId,
      jobKey,
      retry,
    },
    { instanceKey: ei.instanceKey, elementId: ei.elementId },
  );
  return key;
}

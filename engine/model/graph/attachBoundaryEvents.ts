import { describeKind } from '../describe.js';
import { elementsOf, type ProcessDraft } from '../ProcessDraft.js';
import type { TransformContext } from '../TransformContext.js';
import type { ElementKind } from '../types.js';

/** Activities a token can wait in, so that a boundary event has something to interrupt. */
const HOSTS = new Set<ElementKind>([
  'task',
  'manualTask',
  'userTask',
  'serviceTask',
  'sendTask',
  'scriptTask',
  'businessRuleTask',
  'receiveTask',
  'subProcess',
  'callActivity',
]);

/** Fills `boundaryEvents` on each host, in document order, after checking the attachment. */
export function attachBoundaryEvents(process: ProcessDraft, ctx: TransformContext): void {
  for (const event of elementsOf(process)) {
    if (event.kind !== 'boundaryEvent' || event.attachedTo === undefined) continue;
    const label = describeKind(event.kind, event.id);
    const host = process.elements.get(event.attachedTo);
    if (!host) {
      if (!process.flowNodeIds.has(event.attachedTo)) {
        ctx.report(event.id, 'invalid-attachment', `Expected ${label} to be attached to an activity of ${process.label}, but '${event.attachedTo}' is not one`);
      }
      continue;
    }
    if (!HOSTS.has(host.kind)) {
      const why = host.kind === 'eventSubProcess' ? ': event sub-processes cannot have boundary events' : '';
      ctx.report(event.id, 'invalid-attachment', `Expected ${label} to be attached to a task, sub-process or call activity, but it is attached to ${describeKind(host.kind, host.id)}${why}`);
      continue;
    }
    if (host.scopeId !== event.scopeId) {
      ctx.report(event.id, 'invalid-attachment', `Expected ${label} to be defined in the same scope as ${describeKind(host.kind, host.id)}, which it is attached to`);
      continue;
    }
    host.boundaryEvents.push(event.id);
  }
}

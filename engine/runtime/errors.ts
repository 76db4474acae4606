import type { ExecutableElement } from '../model/types.js';
import type { ProcessingContext } from './context.js';
import { interruptScope, scheduleActivation, terminate } from './lifecycle.js';
import { unsubscribeAll } from './subscriptions.js';
import type { ElementInstanceState, Variables } from './state.js';

/**
 * BPMN errors: thrown by an error end event or a job, caught by the nearest
 * error boundary event or error event sub-process, from the thrower outwards
 * through sub-processes and across call activities. At each level a catch
 * event with the same error code wins over a catch-all.
 */

type Catcher =
  | { readonly kind: 'boundary'; readonly activity: ElementInstanceState; readonly event: ExecutableElement }
  | { readonly kind: 'eventSubProcess'; readonly scope: ElementInstanceState; readonly eventSubProcess: ExecutableElement; readonly start: ExecutableElement };

export type Thrown = { readonly ok: true; readonly after: () => void } | { readonly ok: false; readonly message: string };

export function throwError(ctx: ProcessingContext, thrower: ElementInstanceState, code: string, message: string | undefined, variables: Variables): Thrown {
  const catcher = findCatcher(ctx, thrower, code);
  if (!catcher) {
    return {
      ok: false,
      message: `Expected the error with code '${code}' thrown by '${thrower.elementId}' to be caught by an error boundary event or error event sub-process, but none catches it${message ? ` (error message: ${message})` : ''}`,
    };
  }
  return { ok: true, after: () => catchError(ctx, catcher, code, message, variables) };
}

function catchError(ctx: ProcessingContext, catcher: Catcher, code: string, message: string | undefined, variables: Variables): void {
  const catchEvent = catcher.kind === 'boundary' ? catcher.event : catcher.start;
  const error = catchEvent.event?.type === 'error' ? catchEvent.event.error : undefined;
  const triggerVariables: Variables = { ...variables };
  if (error?.errorCodeVariable) triggerVariables[error.errorCodeVariable] = code;
  if (error?.errorMessageVariable) triggerVariables[error.errorMessageVariable] = message ?? '';
  const trigger = { variables: triggerVariables };

  if (catcher.kind === 'boundary') {
    const { activity, event } = catcher;
    terminate(ctx, activity.key);
    scheduleActivation(ctx, { elementId: event.id, instanceKey: activity.instanceKey, flowScopeKey: activity.parentKey!, trigger });
    return;
  }
  const { scope, eventSubProcess } = catcher;
  unsubscribeAll(ctx, scope, (id) => id !== scope.elementId && isEventSubProcessStart(ctx, scope, id));
  interruptScope(ctx, scope.key);
  scheduleActivation(ctx, { elementId: eventSubProcess.id, instanceKey: scope.instanceKey, flowScopeKey: scope.key, trigger, interrupting: true });
}

function isEventSubProcessStart(ctx: ProcessingContext, scope: ElementInstanceState, elementId: string): boolean {
  const element = ctx.modelOf(scope.instanceKey).elements[elementId];
  if (!element) return false;
  const parent = ctx.modelOf(scope.instanceKey).elements[element.scopeId];
  return parent?.kind === 'eventSubProcess';
}

function findCatcher(ctx: ProcessingContext, thrower: ElementInstanceState, code: string): Catcher | undefined {
  for (let current: ElementInstanceState | undefined = thrower; current; current = outerOf(ctx, current)) {
    const model = ctx.modelOf(current.instanceKey);
    if (current !== thrower) {
      const espIds = current.role === 'process' ? model.eventSubProcesses : current.role === 'body' ? [] : (model.elements[current.elementId]?.eventSubProcesses ?? []);
      const starts = espIds.map((id) => model.elements[model.elements[id]!.eventStart!]!).filter((start) => start.event?.type === 'error');
      const start = pick(starts, code);
      if (start) return { kind: 'eventSubProcess', scope: current, eventSubProcess: model.elements[start.scopeId]!, start };
    }
    if (current.role === 'element' || current.role === 'body') {
      const boundaries = model.elements[current.elementId]!.boundaryEvents.map((id) => model.elements[id]!).filter((b) => b.event?.type === 'error');
      const event = pick(boundaries, code);
      if (event) return { kind: 'boundary', activity: current, event };
    }
  }
  return undefined;
}

/** The next level outwards: the flow scope, or from a called process to its call activity. */
function outerOf(ctx: ProcessingContext, ei: ElementInstanceState): ElementInstanceState | undefined {
  if (ei.parentKey) return ctx.instance(ei.parentKey);
  const caller = ctx.tree.instances[ei.instanceKey]?.parentElementInstanceKey;
  return caller ? ctx.instance(caller) : undefined;
}

function pick(candidates: readonly ExecutableElement[], code: string): ExecutableElement | undefined {
  const codeOf = (e: ExecutableElement) => {
    const def = e.event?.type === 'error' ? e.event.error.errorCode : undefined;
    return def ? (def.kind === 'static' ? def.value : def.source) : undefined;
  };
  return candidates.find((e) => codeOf(e) === code) ?? candidates.find((e) => codeOf(e) === undefined);
}

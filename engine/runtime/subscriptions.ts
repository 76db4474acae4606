import { addDuration, parseTimeCycle } from '../feel/index.js';
import type { ExecutableElement, MessageDefinition, TimerDefinition } from '../model/types.js';
import { formatInstant, type ProcessingContext } from './context.js';
import type { ElementInstanceState, IncidentType, SubscriptionState, TimerTarget, Variables } from './state.js';

/**
 * Timers and message subscriptions an element instance owns: catch events,
 * boundary events of an activity, event sub-process starts of a scope and the
 * events after an event-based gateway. Owned handles close with their owner.
 */

export type Opened = { readonly ok: true } | { readonly ok: false; readonly type: IncidentType; readonly message: string };

export interface TimerSchedule {
  readonly dueAt: Date;
  /** Repetitions left after the first: -1 for infinite. */
  readonly repetitions: number;
  readonly interval?: string;
}

export function evaluateTimer(
  ctx: ProcessingContext,
  timer: TimerDefinition,
  variables: Variables,
  elementId: string,
): { ok: true; value: TimerSchedule } | { ok: false; message: string } {
  const evaluator = ctx.services.evaluator;
  const offset = ctx.services.utcOffsetMinutes;
  if (timer.type === 'duration') {
    const duration = evaluator.evaluate(timer.expression, variables, 'duration', `the timer duration of '${elementId}'`);
    if (!duration.ok) return duration;
    return { ok: true, value: { dueAt: addDuration(ctx.now, duration.value as never, offset), repetitions: 0 } };
  }
  if (timer.type === 'date') {
    const date = evaluator.evaluate(timer.expression, variables, 'dateTime', `the timer date of '${elementId}'`);
    if (!date.ok) return date;
    return { ok: true, value: { dueAt: date.value as Date, repetitions: 0 } };
  }
  const text = evaluator.evaluate(timer.expression, variables, 'string', `the timer cycle of '${elementId}'`);
  if (!text.ok) return text;
  const cycle = parseTimeCycle(String(text.value));
  if (!cycle.ok) return { ok: false, message: `Expected the timer cycle of '${elementId}' to be an ISO 8601 repeating interval such as 'R3/PT1H': ${cycle.message}` };
  const interval = String(text.value).split('/').pop()!;
  const dueAt = cycle.value.start ?? addDuration(ctx.now, cycle.value.interval, offset);
  const repetitions = cycle.value.repetitions === 'infinite' ? -1 : cycle.value.repetitions - 1;
  return { ok: true, value: { dueAt, repetitions, interval } };
}

export function subscribeToTimer(
  ctx: ProcessingContext,
  owner: ElementInstanceState,
  event: ExecutableElement,
  timer: TimerDefinition,
  target: TimerTarget,
  scopeKey: string,
): Opened {
  const schedule = evaluateTimer(ctx, timer, ctx.visibleVariables(scopeKey), event.id);
  if (!schedule.ok) return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: schedule.message };
  createTimer(ctx, owner, event.id, target, schedule.value);
  return { ok: true };
}

export function createTimer(ctx: ProcessingContext, owner: ElementInstanceState, elementId: string, target: TimerTarget, schedule: TimerSchedule): void {
  ctx.write(
    'TIMER',
    'CREATED',
    ctx.newKey(),
    {
      elementInstanceKey: owner.key,
      elementId,
      processInstanceKey: owner.instanceKey,
      bpmnProcessId: ctx.tree.instances[owner.instanceKey]?.processId,
      target,
      dueAt: formatInstant(schedule.dueAt, ctx.services.utcOffsetMinutes),
      repetitions: schedule.repetitions,
      interval: schedule.interval,
    },
    { instanceKey: owner.instanceKey, elementId },
  );
}

export function subscribeToMessage(
  ctx: ProcessingContext,
  owner: ElementInstanceState,
  event: ExecutableElement,
  message: MessageDefinition,
  target: SubscriptionState['target'],
  scopeKey: string,
  interrupting: boolean,
): Opened {
  const variables = ctx.visibleVariables(scopeKey);
  const name = ctx.services.evaluator.evaluate(message.name, variables, 'string', `the message name of '${event.id}'`);
  if (!name.ok) return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: name.message };
  if (!message.correlationKey) {
    return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: `Expected a correlation key on the message subscription of '${event.id}', but none is set` };
  }
  const key = ctx.services.evaluator.evaluate(message.correlationKey, variables, 'any', `the correlation key of '${event.id}'`);
  if (!key.ok) return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: key.message };
  const correlationKey = ctx.services.evaluator.toJson(key.value);
  if (typeof correlationKey !== 'string' && typeof correlationKey !== 'number') {
    return {
      ok: false,
      type: 'EXTRACT_VALUE_ERROR',
      message: `Expected the correlation key of '${event.id}' to be a string or a number, but got ${describe(correlationKey)}`,
    };
  }
  const subscriptionKey = ctx.newKey();
  const processId = ctx.tree.instances[owner.instanceKey]!.processId;
  ctx.write(
    'MESSAGE_SUBSCRIPTION',
    'CREATED',
    subscriptionKey,
    {
      elementInstanceKey: owner.key,
      elementId: event.id,
      processInstanceKey: owner.instanceKey,
      bpmnProcessId: processId,
      target,
      messageName: String(name.value),
      correlationKey: String(correlationKey),
      interrupting,
    },
    { instanceKey: owner.instanceKey, elementId: event.id },
  );
  ctx.openedSubscriptions.push({ key: subscriptionKey, messageName: String(name.value), correlationKey: String(correlationKey), processId });
  return { ok: true };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

/**
 * Subscribe the owner to each event's timer or message (other kinds need nothing); when one
 * fails, what was opened so far is closed again, so a retry starts clean.
 */
function subscribeEach(
  ctx: ProcessingContext,
  owner: ElementInstanceState,
  events: readonly ExecutableElement[],
  target: TimerTarget,
  interrupting: (event: ExecutableElement) => boolean,
): Opened {
  for (const event of events) {
    const definition = event.event;
    let opened: Opened = { ok: true };
    if (definition?.type === 'timer') opened = subscribeToTimer(ctx, owner, event, definition.timer, target, owner.key);
    else if (definition?.type === 'message') opened = subscribeToMessage(ctx, owner, event, definition.message, target, owner.key, interrupting(event));
    if (!opened.ok) {
      unsubscribeAll(ctx, owner);
      return opened;
    }
  }
  return { ok: true };
}

/** Boundary events of an activity: timers and messages are subscribed when it activates (errors need nothing). */
export function subscribeBoundaryEvents(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement): Opened {
  if (ei.timerKeys?.length || ei.subscriptionKeys?.length) return { ok: true };
  const model = ctx.modelOf(ei.instanceKey);
  const boundaries = element.boundaryEvents.map((id) => model.elements[id]!);
  return subscribeEach(ctx, ei, boundaries, 'boundary', (boundary) => boundary.cancelActivity !== false);
}

/** Start events of a scope's event sub-processes are subscribed when the scope activates. */
export function subscribeEventSubProcesses(ctx: ProcessingContext, scope: ElementInstanceState, eventSubProcessIds: readonly string[]): Opened {
  const model = ctx.modelOf(scope.instanceKey);
  const starts = eventSubProcessIds.map((id) => model.elements[model.elements[id]!.eventStart!]!);
  return subscribeEach(ctx, scope, starts, 'eventSubProcess', (start) => start.interrupting !== false);
}

/** An event-based gateway waits on the events its flows lead to; the first to happen wins. */
export function subscribeEventGateway(ctx: ProcessingContext, gateway: ElementInstanceState, element: ExecutableElement): Opened {
  const model = ctx.modelOf(gateway.instanceKey);
  const events = element.outgoing.map((flowId) => model.elements[model.flows[flowId]!.targetId]!);
  return subscribeEach(ctx, gateway, events, 'eventGateway', () => true);
}

export function unsubscribeAll(ctx: ProcessingContext, ei: ElementInstanceState, only?: (elementId: string) => boolean): void {
  for (const key of [...(ei.timerKeys ?? [])]) {
    const timer = ctx.tree.timers[key];
    if (!timer || (only && !only(timer.elementId))) continue;
    ctx.write('TIMER', 'CANCELED', key, { elementInstanceKey: ei.key, elementId: timer.elementId, processInstanceKey: ei.instanceKey, target: timer.target }, { instanceKey: ei.instanceKey, elementId: timer.elementId });
  }
  for (const key of [...(ei.subscriptionKeys ?? [])]) {
    const subscription = ctx.tree.subscriptions[key];
    if (!subscription || (only && !only(subscription.elementId))) continue;
    ctx.write(
      'MESSAGE_SUBSCRIPTION',
      'DELETED',
      key,
      { elementInstanceKey: ei.key, elementId: subscription.elementId, processInstanceKey: ei.instanceKey, messageName: subscription.messageName, correlationKey: subscription.correlationKey },
      { instanceKey: ei.instanceKey, elementId: subscription.elementId },
    );
  }
}

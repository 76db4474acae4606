import { addDuration, parseIsoDuration } from '../feel/index.js';
import { acceptVariables, type Trigger } from './variables.js';
import type { ProcessingContext } from './context.js';
import { complete, interruptScope, lifecycleValue, scheduleActivation, takeFlow, terminate, where } from './lifecycle.js';
import { createTimer, unsubscribeAll } from './subscriptions.js';
import type { ElementInstanceState, SubscriptionState, TimerState, Variables } from './state.js';

/**
 * What happens when a timer fires or a message is correlated, by what the
 * event belongs to: a catch event, a boundary event, an event sub-process start
 * or an event after an event-based gateway.
 */

export interface CorrelatedMessage {
  readonly key: string;
  readonly name: string;
  readonly correlationKey: string;
  readonly variables: Variables;
}

/** Fire a timer of this tree. Returns false when the timer no longer exists (already fired or cancelled). */
export function triggerTimer(ctx: ProcessingContext, timerKey: string): boolean {
  const timer = ctx.tree.timers[timerKey];
  if (!timer) return false;
  const owner = ctx.instance(timer.elementInstanceKey);
  ctx.write(
    'TIMER',
    'TRIGGERED',
    timer.key,
    { elementInstanceKey: timer.elementInstanceKey, elementId: timer.elementId, processInstanceKey: timer.instanceKey, target: timer.target, dueAt: timer.dueAt },
    { instanceKey: timer.instanceKey, elementId: timer.elementId },
  );
  if (!owner) return true;
  const repeat = () => rescheduleCycle(ctx, owner, timer);
  fire(ctx, owner, timer.target, timer.elementId, {}, repeat);
  return true;
}

/** Correlate a message to one subscription of this tree. Returns false when the subscription is gone. */
export function correlateMessage(ctx: ProcessingContext, subscriptionKey: string, message: CorrelatedMessage): boolean {
  const subscription = ctx.tree.subscriptions[subscriptionKey];
  if (!subscription) return false;
  const owner = ctx.instance(subscription.elementInstanceKey);
  if (!owner) return false;
  const closes = subscription.target === 'catch' || subscription.target === 'eventGateway' || subscription.interrupting;
  ctx.write(
    'MESSAGE_SUBSCRIPTION',
    'CORRELATED',
    subscription.key,
    {
      elementInstanceKey: subscription.elementInstanceKey,
      elementId: subscription.elementId,
      processInstanceKey: subscription.instanceKey,
      messageKey: message.key,
      messageName: message.name,
      correlationKey: message.correlationKey,
      variables: message.variables,
      closes,
    },
    { instanceKey: subscription.instanceKey, elementId: subscription.elementId },
  );
  fire(ctx, owner, subscription.target, subscription.elementId, message.variables);
  return true;
}

function fire(
  ctx: ProcessingContext,
  owner: ElementInstanceState,
  target: TimerState['target'] | SubscriptionState['target'],
  eventId: string,
  variables: Variables,
  repeat?: () => void,
): void {
  const model = ctx.modelOf(owner.instanceKey);
  const event = model.elements[eventId]!;
  const trigger: Trigger = { variables };
  switch (target) {
    case 'catch': {
      if (owner.state !== 'activated') return;
      acceptVariables(ctx, owner, event, variables);
      complete(ctx, owner.key);
      return;
    }
    case 'boundary': {
      if (owner.state !== 'activated') return;
      const flowScopeKey = owner.parentKey!;
      if (event.cancelActivity !== false) terminate(ctx, owner.key);
      else repeat?.();
      scheduleActivation(ctx, { elementId: event.id, instanceKey: owner.instanceKey, flowScopeKey, trigger });
      return;
    }
    case 'eventSubProcess': {
      if (owner.state !== 'activated') return;
      const eventSubProcessId = event.scopeId;
      const interrupting = event.interrupting !== false;
      if (interrupting) {
        // An interrupting event sub-process closes the scope's other event sub-process subscriptions, not its boundary events.
        const scopeElementId = model.elements[eventSubProcessId]!.scopeId;
        const siblingStarts = new Set(
          Object.values(model.elements)
            .filter((e) => e.kind === 'eventSubProcess' && e.scopeId === scopeElementId)
            .map((e) => e.eventStart),
        );
        unsubscribeAll(ctx, owner, (id) => siblingStarts.has(id));
        interruptScope(ctx, owner.key);
      } else {
        repeat?.();
      }
      scheduleActivation(ctx, { elementId: eventSubProcessId, instanceKey: owner.instanceKey, flowScopeKey: owner.key, trigger, interrupting });
      return;
    }
    case 'eventGateway': {
      if (owner.state !== 'activated') return;
      completeEventGateway(ctx, owner, event.id, trigger);
      return;
    }
  }
}

/** The gateway completes along the flow to the event that happened; the event then completes with its variables. */
function completeEventGateway(ctx: ProcessingContext, gateway: ElementInstanceState, eventId: string, trigger: Trigger): void {
  const element = ctx.elementOf(gateway);
  const model = ctx.modelOf(gateway.instanceKey);
  const flowId = element.outgoing.find((id) => model.flows[id]!.targetId === eventId)!;
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_COMPLETING', gateway.key, lifecycleValue(ctx, gateway), where(gateway));
  unsubscribeAll(ctx, gateway);
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', gateway.key, lifecycleValue(ctx, gateway), where(gateway));
  takeFlow(ctx, gateway, flowId, trigger);
}

function rescheduleCycle(ctx: ProcessingContext, owner: ElementInstanceState, timer: TimerState): void {
  if (timer.repetitions === 0 || !timer.interval) return;
  const interval = parseIsoDuration(timer.interval);
  if (!interval.ok) return;
  const dueAt = addDuration(new Date(timer.dueAt), interval.value, ctx.services.utcOffsetMinutes);
  createTimer(ctx, owner, timer.elementId, timer.target, {
    dueAt,
    repetitions: timer.repetitions < 0 ? -1 : timer.repetitions - 1,
    interval: timer.interval,
  });
}

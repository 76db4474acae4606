import { checkForeignAttributes } from '../checks/checkForeignAttributes.js';
import { checkUnreadExtensions } from '../checks/checkUnreadExtensions.js';
import { nodeOf, nodesOf, stringOf, type ModdleNode } from '../ModdleNode.js';
import { isIsoDateTime, isIsoDuration, isRepeatingInterval } from '../isoFormats.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { ErrorDefinition, MessageDefinition, TimerDefinition } from '../types.js';

export type DefinitionType = 'timer' | 'message' | 'error' | 'terminate';

export type FoundDefinition = { readonly type: 'none' } | { readonly type: DefinitionType; readonly node: ModdleNode };

const SUPPORTED: Readonly<Record<string, DefinitionType>> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:TerminateEventDefinition': 'terminate',
};

const UNSUPPORTED: Readonly<Record<string, string>> = {
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CancelEventDefinition': 'cancel',
};

/**
 * The single event definition of an event, or `none`. Unsupported and multiple
 * definitions are reported here and yield undefined.
 */
export function findEventDefinition(owner: Owner, event: ModdleNode, ctx: TransformContext): FoundDefinition | undefined {
  const definitions = nodesOf(event, 'eventDefinitions');
  for (const definition of definitions) {
    checkForeignAttributes(owner, definition, ctx.report);
    checkUnreadExtensions(owner, definition, ctx.report, ctx.wasRead);
  }
  if (definitions.length > 1) {
    const kinds = definitions.map((definition) => SUPPORTED[definition.$type] ?? UNSUPPORTED[definition.$type] ?? definition.$type);
    ctx.report(owner.id, 'multiple-event-definitions', `Expected at most one event definition on ${owner.label}, but found ${definitions.length} (${kinds.join(', ')}): multiple events are not supported`);
    return undefined;
  }
  const [definition] = definitions;
  if (!definition) return { type: 'none' };
  const type = SUPPORTED[definition.$type];
  if (type) return { type, node: definition };
  const unsupported = UNSUPPORTED[definition.$type] ?? definition.$type;
  ctx.report(owner.id, 'unsupported-event-definition', `Expected no ${unsupported} event definition on ${owner.label}: ${unsupported} events are not supported`);
  return undefined;
}

/** "a timer event definition", for sentences about a misplaced definition. */
export function describeDefinition(found: FoundDefinition): string {
  return found.type === 'none' ? 'no event definition' : `a ${found.type} event definition`;
}

const TIMER_PARTS = [
  ['timeDuration', 'duration'],
  ['timeDate', 'date'],
  ['timeCycle', 'cycle'],
] as const;

/** Exactly one of timeDuration, timeDate or timeCycle; static values are checked now. */
export function readTimer(owner: Owner, definition: ModdleNode, ctx: TransformContext): TimerDefinition | undefined {
  const present = TIMER_PARTS.map(([property, type]) => ({ property, type, body: bodyOf(nodeOf(definition, property)) })).filter(
    (part) => part.body !== undefined && part.body.trim() !== '',
  );
  if (present.length !== 1) {
    const found = present.length === 0 ? 'none' : present.map((part) => part.property).join(' and ');
    ctx.report(owner.id, 'invalid-timer', `Expected exactly one of timeDuration, timeDate or timeCycle on the timer of ${owner.label}, but found ${found}`);
    return undefined;
  }
  const [{ type, body }] = present;
  const expression = ctx.expression(owner, body, `timer ${type}`);
  if (!expression) return undefined;
  if (expression.kind === 'static' && !isValidStaticTimer(owner, type, expression.value, ctx)) return undefined;
  return { type, expression };
}

function bodyOf(expression: ModdleNode | undefined): string | undefined {
  return expression ? stringOf(expression, 'body') : undefined;
}

function isValidStaticTimer(owner: Owner, type: TimerDefinition['type'], value: string, ctx: TransformContext): boolean {
  if (type === 'duration' && !isIsoDuration(value)) {
    ctx.report(owner.id, 'invalid-timer-duration', `Expected an ISO 8601 duration such as 'PT1H' or 'P2D' for the timer of ${owner.label}, but got '${value}'`);
    return false;
  }
  if (type === 'date' && !isIsoDateTime(value)) {
    ctx.report(owner.id, 'invalid-timer-date', `Expected an ISO 8601 date-time with a zone such as '2025-01-31T17:00:00+07:00' for the timer of ${owner.label}, but got '${value}'`);
    return false;
  }
  if (type === 'cycle' && !value.startsWith('R')) {
    ctx.report(owner.id, 'unsupported-timer-cycle', `Expected an ISO 8601 repeating interval such as 'R3/PT1H' for the timer cycle of ${owner.label}, but got '${value}': cron expressions are not supported`);
    return false;
  }
  if (type === 'cycle' && !isRepeatingInterval(value)) {
    ctx.report(owner.id, 'invalid-timer-cycle', `Expected an ISO 8601 repeating interval such as 'R3/PT1H' for the timer cycle of ${owner.label}, but got '${value}'`);
    return false;
  }
  return true;
}

export interface MessageOptions {
  /** Process-level message start events create instances and correlate by name only. */
  readonly correlationKey: 'required' | 'unused';
}

/** The referenced message with its name and, where needed, its correlation key. */
export function readMessage(owner: Owner, definition: ModdleNode, ctx: TransformContext, options: MessageOptions): MessageDefinition | undefined {
  const message = nodeOf(definition, 'messageRef');
  if (!message) {
    if (!ctx.isUnresolved(owner.id, 'messageRef')) {
      ctx.report(owner.id, 'missing-message', `Expected a message reference on ${owner.label}`);
    }
    return undefined;
  }
  const name = ctx.expression(owner, stringOf(message, 'name'), 'message name');
  if (!name) {
    ctx.report(owner.id, 'missing-message-name', `Expected the message '${message.id ?? '?'}' of ${owner.label} to have a name`);
  }
  if (options.correlationKey === 'unused') return name ? { name } : undefined;
  const subscription = ctx.extension(owner, message, 'zeebe:Subscription');
  const correlationKey = subscription ? ctx.expression(owner, stringOf(subscription, 'correlationKey'), 'correlation key') : undefined;
  if (!correlationKey) {
    ctx.report(owner.id, 'missing-correlation-key', `Expected a zeebe:subscription with a correlationKey on the message '${message.id ?? '?'}' of ${owner.label}`);
  }
  return name && correlationKey ? { name, correlationKey } : undefined;
}

/**
 * Message throw events are jobs: a worker sends the message, so the message reference
 * is descriptive and may be absent (its name is then empty).
 */
export function readThrownMessage(owner: Owner, definition: ModdleNode, ctx: TransformContext): MessageDefinition {
  const message = nodeOf(definition, 'messageRef');
  const name = message ? ctx.expression(owner, stringOf(message, 'name'), 'message name') : undefined;
  return { name: name ?? { kind: 'static', value: '' } };
}

const ERROR_VARIABLES = [
  ['zeebe:errorCodeVariable', 'errorCodeVariable', 'error code variable'],
  ['zeebe:errorMessageVariable', 'errorMessageVariable', 'error message variable'],
] as const;

/** Throw events need an error code (static or FEEL); catch events catch all without a reference, and take static codes only. */
export function readError(owner: Owner, definition: ModdleNode, ctx: TransformContext, role: 'throw' | 'catch'): ErrorDefinition | undefined {
  const error = nodeOf(definition, 'errorRef');
  const rawCode = error ? stringOf(error, 'errorCode') : undefined;
  const variables: { errorCodeVariable?: string; errorMessageVariable?: string } = {};
  for (const [attribute, property, what] of ERROR_VARIABLES) {
    const raw = definition.$attrs?.[attribute];
    if (raw === undefined) continue;
    if (role === 'throw') {
      ctx.report(owner.id, 'unsupported-attribute', `Expected no '${attribute}' on ${owner.label}: only error catch events store the caught error`);
    } else {
      variables[property] = ctx.staticValue(owner, raw, what);
    }
  }

  if (role === 'throw') {
    const errorCode = ctx.expression(owner, rawCode, 'error code');
    if (!errorCode) {
      if (!ctx.isUnresolved(owner.id, 'errorRef')) {
        ctx.report(owner.id, 'missing-error-code', `Expected a reference to an error with a non-empty errorCode on ${owner.label}`);
      }
      return undefined;
    }
    return { errorCode };
  }
  if (!error) return { ...variables };
  const errorCode = ctx.staticValue(owner, rawCode, 'error code');
  if (errorCode === undefined) {
    if (!rawCode?.trim().startsWith('=')) {
      ctx.report(owner.id, 'missing-error-code', `Expected the error '${error.id ?? '?'}' caught by ${owner.label} to have an errorCode; leave out the error reference to catch every error`);
    }
    return undefined;
  }
  return { errorCode: { kind: 'static', value: errorCode }, ...variables };
}

/** A misplaced but otherwise supported definition, in the words of the element that holds it. */
export function reportMisplacedDefinition(owner: Owner, found: FoundDefinition, expected: string, ctx: TransformContext): void {
  const code = found.type === 'none' ? 'missing-event-definition' : 'invalid-event-definition';
  ctx.report(owner.id, code, `Expected ${expected} on ${owner.label}, but found ${describeDefinition(found)}`);
}

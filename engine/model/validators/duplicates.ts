import { describeKind } from '../describe.js';
import { elementsOf } from '../ProcessDraft.js';
import type { TransformContext } from '../TransformContext.js';
import type { ElementDraft } from '../transformers/Transformer.js';
import type { Validator } from './Validator.js';

/**
 * Events waiting side by side must be told apart, as in Zeebe: two message subscriptions
 * with the same static name, or two error catchers with the same code, on one activity,
 * after one event-based gateway, or among the starts of one scope.
 */
export const duplicates: Validator = (process, ctx) => {
  const elements = elementsOf(process);
  const byId = (ids: readonly string[]): ElementDraft[] => ids.flatMap((id) => process.elements.get(id) ?? []);

  for (const element of elements) {
    if (element.boundaryEvents.length > 1) {
      checkGroup(byId(element.boundaryEvents), `the boundary events of ${describeKind(element.kind, element.id)}`, ctx);
    }
    if (element.kind === 'eventBasedGateway') {
      const targets = element.outgoing.flatMap((flowId) => {
        const targetId = process.flows.get(flowId)?.targetId;
        return targetId === undefined ? [] : [targetId];
      });
      checkGroup(byId(targets), `the events after ${describeKind(element.kind, element.id)}`, ctx);
    }
  }
  const scopes = [
    { label: process.label, children: process.children },
    ...elements.flatMap((element) => (element.children ? [{ label: describeKind(element.kind, element.id), children: element.children }] : [])),
  ];
  for (const scope of scopes) {
    const children = byId(scope.children);
    checkGroup(children.filter((child) => child.kind === 'startEvent'), `the start events of ${scope.label}`, ctx);
    const eventStarts = children.flatMap((child) => (child.kind === 'eventSubProcess' && child.eventStart ? byId([child.eventStart]) : []));
    checkGroup(eventStarts, `the event sub-process start events of ${scope.label}`, ctx);
  }
};

function checkGroup(events: readonly ElementDraft[], group: string, ctx: TransformContext): void {
  const messages = new Map<string, string>();
  const errors = new Map<string, string>();
  for (const event of events) {
    const definition = event.event;
    if (definition?.type === 'message' && definition.message.name.kind === 'static') {
      remember(messages, definition.message.name.value, event, 'duplicate-message-name', `a message named '${definition.message.name.value}'`, group, ctx);
    }
    if (definition?.type === 'error') {
      const code = definition.error.errorCode;
      const key = code?.kind === 'static' ? code.value : '';
      remember(errors, key, event, 'duplicate-error-code', code ? `the error code '${key}'` : 'every error', group, ctx);
    }
  }
}

function remember(
  seen: Map<string, string>,
  key: string,
  event: ElementDraft,
  code: 'duplicate-message-name' | 'duplicate-error-code',
  what: string,
  group: string,
  ctx: TransformContext,
): void {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, event.id);
    return;
  }
  ctx.report(event.id, code, `Expected ${what} to be awaited by one event among ${group}, but both '${first}' and '${event.id}' wait for it`);
}

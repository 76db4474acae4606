import { describeKind } from '../describe.js';
import { childrenOf } from '../graph/fillScopeFacts.js';
import { elementsOf, type ProcessDraft } from '../ProcessDraft.js';
import type { TransformContext } from '../TransformContext.js';
import type { ElementDraft } from '../transformers/Transformer.js';
import type { Validator } from './Validator.js';

/**
 * A process needs a start event (at most one of them none); an embedded sub-process
 * exactly one none start; an event sub-process exactly one start and no sequence flows.
 */
export const startEvents: Validator = (process, ctx) => {
  const processStarts = startsIn(process, process.children);
  if (processStarts.length === 0) {
    ctx.report(process.id, 'missing-start-event', `Expected ${process.label} to have a none, timer or message start event`);
  }
  const noneStarts = processStarts.filter((start) => start.event?.type === 'none');
  if (noneStarts.length > 1) {
    ctx.report(process.id, 'multiple-start-events', `Expected at most one none start event in ${process.label}, but found ${noneStarts.length}: ${ids(noneStarts)}`);
  }

  for (const scope of elementsOf(process)) {
    if (scope.kind === 'subProcess') checkSingleStart(process, scope, 'none start event', ctx);
    if (scope.kind === 'eventSubProcess') {
      checkSingleStart(process, scope, 'start event', ctx);
      if (scope.incoming.length > 0 || scope.outgoing.length > 0) {
        ctx.report(scope.id, 'event-sub-process-with-flows', `Expected no incoming or outgoing sequence flows on ${describeKind(scope.kind, scope.id)}: it is started by its start event`);
      }
    }
  }
};

function checkSingleStart(process: ProcessDraft, scope: ElementDraft, what: string, ctx: TransformContext): void {
  const starts = startsIn(process, scope.children ?? []);
  const label = describeKind(scope.kind, scope.id);
  if (starts.length === 0) {
    ctx.report(scope.id, 'missing-start-event', `Expected exactly one ${what} in ${label}, but found none`);
  } else if (starts.length > 1) {
    ctx.report(scope.id, 'multiple-start-events', `Expected exactly one ${what} in ${label}, but found ${starts.length}: ${ids(starts)}`);
  }
}

function startsIn(process: ProcessDraft, children: readonly string[]): ElementDraft[] {
  return childrenOf(process, children).filter((child) => child.kind === 'startEvent');
}

function ids(elements: readonly ElementDraft[]): string {
  return elements.map((element) => `'${element.id}'`).join(', ');
}

import { describeKind } from '../describe.js';
import { elementsOf } from '../ProcessDraft.js';
import type { Validator } from './Validator.js';

/** Start and boundary events are only entered by their trigger; end events finish the token. */
export const flowEnds: Validator = (process, ctx) => {
  for (const element of elementsOf(process)) {
    const label = describeKind(element.kind, element.id);
    if (element.kind === 'startEvent' && element.incoming.length > 0) {
      ctx.report(element.id, 'start-event-with-incoming', `Expected no incoming sequence flow on ${label}`);
    }
    if (element.kind === 'endEvent' && element.outgoing.length > 0) {
      ctx.report(element.id, 'end-event-with-outgoing', `Expected no outgoing sequence flow on ${label}`);
    }
    if (element.kind === 'boundaryEvent' && element.incoming.length > 0) {
      ctx.report(element.id, 'boundary-event-with-incoming', `Expected no incoming sequence flow on ${label}: it is triggered on its activity`);
    }
    if (element.kind === 'boundaryEvent' && element.outgoing.length === 0) {
      ctx.report(element.id, 'boundary-event-without-outgoing', `Expected at least one outgoing sequence flow on ${label}`);
    }
  }
};

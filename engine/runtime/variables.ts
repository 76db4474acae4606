import type { ExecutableElement } from '../model/types.js';
import type { ProcessingContext } from './context.js';
import type { ElementInstanceState, Variables } from './state.js';

/** The event that activated an element has already happened, with these variables. */
export interface Trigger {
  readonly variables: Variables;
}

/**
 * Variables that arrive with a trigger, a job or a task completion: local to the
 * element when it has output mappings (the mappings decide what leaves),
 * otherwise merged into the process from the element outwards.
 */
export function acceptVariables(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement | undefined, variables: Variables): void {
  if (!Object.keys(variables).length) return;
  if (element?.outputs.length) ctx.setLocal(ei.key, variables);
  else ctx.propagate(ei.key, variables);
}

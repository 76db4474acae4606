import { elementsOf, type ProcessDraft } from '../ProcessDraft.js';
import type { ElementDraft } from '../transformers/Transformer.js';

/** What the runtime needs to enter a scope: its none start, its event sub-processes and their starts. */
export function fillScopeFacts(process: ProcessDraft): void {
  for (const scope of elementsOf(process)) {
    if (scope.kind !== 'subProcess' && scope.kind !== 'eventSubProcess') continue;
    const children = childrenOf(process, scope.children ?? []);
    scope.eventSubProcesses = children.filter((child) => child.kind === 'eventSubProcess').map((child) => child.id);
    const starts = children.filter((child) => child.kind === 'startEvent');
    if (scope.kind === 'eventSubProcess') {
      scope.eventStart = starts.length === 1 ? starts[0].id : undefined;
    } else {
      scope.noneStart = starts.find((start) => start.event?.type === 'none')?.id;
    }
  }
}

/** The elements behind a list of child ids. */
export function childrenOf(process: ProcessDraft, ids: readonly string[]): ElementDraft[] {
  return ids.flatMap((id) => process.elements.get(id) ?? []);
}

export interface ProcessStarts {
  readonly noneStart?: string;
  readonly timerStarts: string[];
  readonly messageStarts: string[];
  readonly eventSubProcesses: string[];
}

export function processStarts(process: ProcessDraft): ProcessStarts {
  const children = childrenOf(process, process.children);
  const startsOf = (type: string): string[] =>
    children.filter((child) => child.kind === 'startEvent' && child.event?.type === type).map((child) => child.id);
  return {
    noneStart: startsOf('none')[0],
    timerStarts: startsOf('timer'),
    messageStarts: startsOf('message'),
    eventSubProcesses: children.filter((child) => child.kind === 'eventSubProcess').map((child) => child.id),
  };
}

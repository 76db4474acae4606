import { elementsOf, type ProcessDraft } from '../ProcessDraft.js';
import type { ExecutableElement, ExecutableFlow, ExecutableProcess } from '../types.js';
import { processStarts } from './fillScopeFacts.js';

export interface ProcessHeader {
  readonly name?: string;
  readonly versionTag?: string;
}

/**
 * The final, JSON-ready record. Only called on drafts without problems, so every flow
 * has both ends. Absent optional fields are left out rather than set to undefined.
 */
export function toExecutableProcess(process: ProcessDraft, header: ProcessHeader): ExecutableProcess {
  const starts = processStarts(process);
  const elements: Record<string, ExecutableElement> = {};
  for (const element of elementsOf(process)) elements[element.id] = compact(element);
  const flows: Record<string, ExecutableFlow> = {};
  for (const { id, sourceId, targetId, condition } of process.flows.values()) {
    flows[id] = compact({ id, sourceId: sourceId ?? '', targetId: targetId ?? '', condition });
  }
  return compact({
    id: process.id,
    name: header.name,
    versionTag: header.versionTag,
    elements,
    flows,
    children: process.children,
    noneStart: starts.noneStart,
    timerStarts: starts.timerStarts,
    messageStarts: starts.messageStarts,
    eventSubProcesses: starts.eventSubProcesses,
  });
}

function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => compact(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries.map(([key, field]) => [key, compact(field)])) as T;
}

import { describeKind } from '../describe.js';
import { elementsOf, type ProcessDraft } from '../ProcessDraft.js';
import type { ElementDraft } from '../transformers/Transformer.js';
import type { TimerDefinition } from '../types.js';
import type { Validator } from './Validator.js';

type TimerType = TimerDefinition['type'];

const WORDS: Readonly<Record<TimerType, string>> = { duration: 'timeDuration', date: 'timeDate', cycle: 'timeCycle' };

/**
 * Which timer types each position allows, as in Zeebe: a process start timer needs a date
 * or cycle; an intermediate catch or interrupting boundary timer fires once (duration or date).
 */
export const timerPositions: Validator = (process, ctx) => {
  for (const element of elementsOf(process)) {
    if (element.event?.type !== 'timer') continue;
    const allowed = allowedTypes(process, element);
    const { type } = element.event.timer;
    if (allowed.includes(type)) continue;
    ctx.report(
      element.id,
      'invalid-timer-type',
      `Expected a ${allowed.map((option) => WORDS[option]).join(' or ')} on the timer of ${describeKind(element.kind, element.id)}, but found a ${WORDS[type]}${reason(process, element)}`,
    );
  }
};

function allowedTypes(process: ProcessDraft, element: ElementDraft): readonly TimerType[] {
  if (element.kind === 'startEvent' && element.scopeId === process.id) return ['date', 'cycle'];
  if (element.kind === 'intermediateCatchEvent') return ['duration', 'date'];
  if (element.kind === 'boundaryEvent' && element.cancelActivity !== false) return ['duration', 'date'];
  return ['duration', 'date', 'cycle'];
}

function reason(process: ProcessDraft, element: ElementDraft): string {
  if (element.kind === 'startEvent' && element.scopeId === process.id) return ': a process start timer is scheduled once at deploy';
  if (element.kind === 'boundaryEvent') return ': only non-interrupting boundary timers can repeat';
  return ': an intermediate timer fires once';
}

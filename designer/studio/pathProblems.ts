import { h } from './dom.js';
import type { PathProblem } from './types.js';

/**
 * Shows messages addressed by JSON pointer next to their fields: each goes to the slot
 * (`[<attribute>="<pointer>"]`) of its own path or of the nearest enclosing one, and the
 * field the slot describes is marked invalid. Messages with no slot go to the `other` list.
 * Earlier messages are cleared first. Returns how many messages there were.
 */
export function showPathProblems(root: HTMLElement, problems: readonly PathProblem[], options: { readonly attribute: string; readonly other: HTMLElement }): number {
  const slots = [...root.querySelectorAll<HTMLElement>(`[${options.attribute}]`)];
  for (const slot of slots) slot.textContent = '';
  for (const field of root.querySelectorAll('[aria-invalid="true"]')) field.removeAttribute('aria-invalid');
  options.other.replaceChildren();

  for (const problem of problems) {
    const slot = slotFor(slots, options.attribute, problem.path);
    if (!slot) {
      options.other.append(h('li', {}, problem.path ? `${problem.path}: ${problem.message}` : problem.message));
      continue;
    }
    slot.textContent = slot.textContent ? `${slot.textContent} ${problem.message}` : problem.message;
    if (slot.id) root.querySelector(`[aria-describedby~="${slot.id}"]`)?.setAttribute('aria-invalid', 'true');
  }
  return problems.length;
}

function slotFor(slots: readonly HTMLElement[], attribute: string, path: string): HTMLElement | undefined {
  const normalized = path.replace(/\/$/, '');
  let best: HTMLElement | undefined;
  let bestLength = -1;
  for (const slot of slots) {
    const slotPath = slot.getAttribute(attribute) ?? '';
    const encloses = normalized === slotPath || normalized.startsWith(`${slotPath}/`);
    if (encloses && slotPath.length > bestLength) {
      best = slot;
      bestLength = slotPath.length;
    }
  }
  return best;
}

import { t } from '../shared/texts.js';
import { h } from './dom.js';
import { metadataLabel } from './metadataLabels.js';
import { problemCount, type DraftProblems } from './problems.js';
import type { ElementProblem, PathProblem } from './types.js';

/** Where a click on a listed problem leads. */
export interface ProblemTargets {
  element(id: string): void;
  metadata(path: string): void;
  form(path: string): void;
  /** The element's name as the diagram shows it. */
  elementName(id: string): string;
}

/** The list of problems in the "Kiểm tra" panel: one group per place, each problem a button that goes there. */
export function renderProblems(container: HTMLElement, problems: DraftProblems, targets: ProblemTargets): void {
  const count = problemCount(problems);
  if (count === 0) {
    container.replaceChildren(h('p', { class: 'badge ok', 'data-validate-ok': true }, t('studio.validate.ok')));
    return;
  }
  container.replaceChildren(
    h('p', { class: 'error', 'data-validate-summary': true }, t('studio.validate.summary', { count })),
    group(t('studio.validate.elements'), problems.elements.map((p) => elementItem(p, targets))),
    group(t('studio.validate.metadata'), problems.metadata.map((p) => pathItem(p, metadataLabel(p.path), () => targets.metadata(p.path)))),
    group(t('studio.validate.form'), problems.form.map((p) => pathItem(p, p.path || '/', () => targets.form(p.path)))),
  );
}

function group(title: string, items: HTMLElement[]): HTMLElement | string {
  if (items.length === 0) return '';
  return h('section', { class: 'studio-problems' }, h('h3', {}, title), h('ul', {}, ...items));
}

function elementItem(problem: ElementProblem, targets: ProblemTargets): HTMLElement {
  if (!problem.elementId) return h('li', { 'data-problem': '' }, h('strong', {}, t('studio.validate.wholeModel')), ': ', problem.message);
  const id = problem.elementId;
  const button = h('button', { type: 'button', class: 'studio-link', 'data-problem-element': id }, targets.elementName(id));
  button.addEventListener('click', () => targets.element(id));
  return h('li', { 'data-problem': id }, button, ': ', problem.message);
}

function pathItem(problem: PathProblem, label: string, go: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'studio-link', 'data-problem-path': problem.path }, label);
  button.addEventListener('click', go);
  return h('li', {}, button, ': ', problem.message);
}

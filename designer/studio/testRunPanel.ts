import { ApiError } from '../shared/http.js';
import { formatDateTime } from '../shared/format.js';
import { t } from '../shared/texts.js';
import { h, messageOf, required } from './dom.js';
import { fromFields, type DraftProblems } from './problems.js';
import { parseDateTime, parseDuration, SUPPLEMENTED } from './scenario.js';
import { studioApi } from './studioApi.js';
import type { OpenItem, ScenarioStep, Trace } from './types.js';

/** What the test run needs from the work screen. */
export interface TestRunContext {
  /** The diagram as it is now, and the process to start. */
  draft(): Promise<{ bpmn: string; processId?: string }>;
  startVariables(): Record<string, unknown>;
  elementName(id: string): string;
  mark(visited: readonly string[], waiting: readonly string[]): void;
  clearMarks(): void;
  /** The simulation rejected the model: show its problems on the diagram. */
  modelRejected(problems: DraftProblems): void;
}

/** One action of the scenario, and how the list of actions names it. */
interface Action {
  readonly step: ScenarioStep;
  readonly text: string;
}

/**
 * The "Chạy thử" panel. It keeps the scenario (the actions chosen so far) and, after each
 * action, runs the whole scenario again on the server's simulation, statelessly: stepping
 * back is dropping the last action.
 */
export function mountTestRun(panel: HTMLElement, context: TestRunContext): void {
  const el = {
    start: required<HTMLInputElement>(panel, '[data-run-start]'),
    startError: required(panel, '#run-start-error'),
    status: required(panel, '[data-run-status]'),
    error: required(panel, '[data-run-error]'),
    controls: required(panel, '[data-run-controls]'),
    open: required(panel, '[data-run-open]'),
    results: required(panel, '[data-run-results]'),
    back: required<HTMLButtonElement>(panel, '[data-action="run-back"]'),
    reset: required<HTMLButtonElement>(panel, '[data-action="run-reset"]'),
    duration: required<HTMLInputElement>(panel, '[data-run-duration]'),
    durationError: required(panel, '#run-duration-error'),
    until: required<HTMLInputElement>(panel, '[data-run-until]'),
    untilError: required(panel, '#run-until-error'),
  };
  el.start.value = formatDateTime(new Date());
  let startAt: string | undefined;
  let steps: Action[] = [];
  let busy = false;

  const run = async (next: Action[], added: boolean): Promise<void> => {
    if (busy || !startAt) return;
    busy = true;
    el.error.textContent = '';
    el.status.textContent = t('studio.run.running');
    try {
      const draft = await context.draft();
      const trace = await studioApi.simulate({ ...draft, start: { at: startAt, variables: context.startVariables() }, steps: next.map((action) => action.step) });
      steps = next;
      el.status.textContent = '';
      show(trace);
    } catch (error) {
      el.status.textContent = '';
      const fields = error instanceof ApiError ? error.fields : [];
      if (fields.some((field) => field.path.startsWith('/bpmn'))) context.modelRejected(fromFields(fields));
      el.error.textContent = added && error instanceof ApiError && error.status === 422 && fields.length === 0
        ? t('studio.run.stepRejected', { message: error.message })
        : t('studio.run.failed', { message: messageOf(error) });
    } finally {
      busy = false;
      el.back.disabled = steps.length === 0;
    }
  };

  const act = (action: Action) => void run([...steps, action], true);

  const show = (trace: Trace) => {
    el.controls.hidden = false;
    el.reset.disabled = false;
    el.open.replaceChildren(...(trace.open.length ? trace.open.map((item) => openItem(item, context, act)) : [h('li', { class: 'muted' }, t('studio.run.none'))]));
    el.results.replaceChildren(...traceView(trace, steps, context));
    context.mark(unique(trace.path.map((entry) => entry.element)), trace.open.map((item) => item.element));
  };

  required(panel, '[data-action="run-start"]').addEventListener('click', () => {
    const at = parseDateTime(el.start.value);
    fieldMessage(el.start, el.startError, at ? '' : t('studio.run.badDateTime'));
    if (!at) return;
    startAt = at;
    void run([], false);
  });
  el.back.addEventListener('click', () => void run(steps.slice(0, -1), false));
  el.reset.addEventListener('click', () => {
    steps = [];
    startAt = undefined;
    el.controls.hidden = true;
    el.results.replaceChildren();
    el.error.textContent = '';
    el.back.disabled = true;
    el.reset.disabled = true;
    context.clearMarks();
  });
  for (const button of panel.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
    button.addEventListener('click', () => act(advanceBy(button.dataset.advance!, button.textContent ?? undefined)));
  }
  required(panel, '[data-action="run-advance"]').addEventListener('click', () => {
    const duration = parseDuration(el.duration.value);
    fieldMessage(el.duration, el.durationError, duration ? '' : t('studio.run.badDuration'));
    if (duration) act(advanceBy(duration));
  });
  required(panel, '[data-action="run-advance-to"]').addEventListener('click', () => {
    const at = parseDateTime(el.until.value);
    fieldMessage(el.until, el.untilError, at ? '' : t('studio.run.badDateTime'));
    if (at) act({ step: { advanceTo: at }, text: t('studio.run.step.advanceTo', { time: formatDateTime(at) }) });
  });
}

function fieldMessage(input: HTMLInputElement, slot: HTMLElement, message: string): void {
  slot.textContent = message;
  if (message) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  } else input.removeAttribute('aria-invalid');
}

/** One waiting step with the actions it offers: its outcomes, plain completion, or the supplement message. */
function openItem(item: OpenItem, context: TestRunContext, act: (action: Action) => void): HTMLElement {
  const name = item.name || context.elementName(item.element);
  const actions: HTMLButtonElement[] = [];
  const action = (label: string, step: ScenarioStep, text: string) => {
    const button = h('button', { type: 'button', 'data-run-action': item.element }, label);
    button.addEventListener('click', () => act({ step, text }));
    actions.push(button);
  };
  if (item.kind === 'message') action(t('studio.run.supplemented'), SUPPLEMENTED, t('studio.run.step.publish', { name }));
  else if (item.outcomes?.length) {
    for (const outcome of item.outcomes) {
      const label = outcome.label || outcome.value;
      action(label, { complete: item.element, variables: { outcome: outcome.value } }, t('studio.run.step.complete', { name, outcome: label }));
    }
  } else action(t('studio.run.complete'), { complete: item.element }, t('studio.run.step.completePlain', { name }));
  return h('li', { 'data-open': item.element }, h('strong', {}, name), h('div', { class: 'studio-actions' }, ...actions));
}

function traceView(trace: Trace, steps: readonly Action[], context: TestRunContext): HTMLElement[] {
  const name = (id: string) => context.elementName(id);
  const views: HTMLElement[] = [
    h('p', {}, h('strong', {}, `${t('studio.run.state')}: `), h('span', { class: `badge ${trace.state === 'incident' ? 'overdue' : 'ok'}`, 'data-run-state': trace.state }, t(`studio.run.state.${trace.state}`))),
    h('h3', {}, t('studio.run.steps')),
    steps.length ? h('ol', { 'data-run-steps': true }, ...steps.map((action) => h('li', {}, action.text))) : h('p', { class: 'muted' }, t('studio.run.noSteps')),
  ];
  if (trace.failures?.length) {
    views.push(h('h3', {}, t('studio.run.failures')), h('ul', { class: 'error' }, ...trace.failures.map((f) => h('li', {}, t('studio.run.failure', { number: f.step + 1, message: f.message })))));
  }
  if (trace.incidents.length) {
    views.push(h('h3', {}, t('studio.run.incidents')), h('ul', { class: 'error', 'data-run-incidents': true }, ...trace.incidents.map((i) => h('li', {}, `${name(i.element)}: ${i.message}`))));
  }
  views.push(
    h('h3', {}, t('studio.run.tasks')),
    table([t('studio.run.element'), t('studio.run.created'), t('studio.run.due'), t('studio.run.completed')],
      trace.tasks.map((task) => [name(task.element), formatDateTime(task.createdAt), formatDateTime(task.dueDate), formatDateTime(task.completedAt) || t('studio.run.notYet')]), 'data-run-tasks'),
  );
  if (trace.timers.length) {
    views.push(h('h3', {}, t('studio.run.timers')),
      table([t('studio.run.element'), t('studio.run.timerDue'), t('studio.run.timerFired')],
        trace.timers.map((timer) => [name(timer.element), formatDateTime(timer.dueAt), formatDateTime(timer.firedAt) || t('studio.run.notYet')]), 'data-run-timers'));
  }
  views.push(
    h('h3', {}, t('studio.run.path')),
    table([t('studio.run.time'), t('studio.run.element'), t('studio.run.event')],
      trace.path.map((entry) => [formatDateTime(entry.at), name(entry.element), t(`studio.run.event.${entry.event}`)]), 'data-run-path'),
  );
  return views;
}

/** Letting time pass, named by the button's words ("1 ngày") or the duration typed. */
function advanceBy(duration: string, label = duration): Action {
  return { step: { advance: duration }, text: t('studio.run.step.advance', { duration: label }) };
}

function table(headings: readonly string[], rows: readonly (readonly string[])[], marker: string): HTMLElement {
  return h('div', { class: 'studio-table-wrap' },
    h('table', { [marker]: true },
      h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', { scope: 'col' }, heading)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell)))))));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

import { Engine } from '../../../engine/runtime/Engine.js';
import { sequentialIds, VirtualClock } from '../../../engine/runtime/clock.js';
import type { EngineEvent } from '../../../engine/runtime/events.js';
import type { Variables } from '../../../engine/runtime/state.js';
import type { Db } from '../../../engine/store/Db.js';
import { openTestDb } from '../../support/testDb.js';

/** Wrap process XML in a definitions element with the Zeebe namespaces, as the modeler writes it. */
export function bpmn(body: string, extraNamespaces = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" ${extraNamespaces}
  id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
${body}
</bpmn:definitions>`;
}

/** A process with the given elements and flows: `flow('a','b')` writes a sequence flow a → b with incoming/outgoing refs left to the parser. */
export function processXml(id: string, content: string): string {
  return bpmn(`<bpmn:process id="${id}" isExecutable="true">\n${content}\n</bpmn:process>`);
}

let flowCounter = 0;
export function flow(source: string, target: string, options: { id?: string; condition?: string } = {}): string {
  const id = options.id ?? `flow_${source}_${target}_${++flowCounter}`;
  if (!options.condition) return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}">
    <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${escapeXml(options.condition)}</bpmn:conditionExpression>
  </bpmn:sequenceFlow>`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const serviceTask = (id: string, type: string, extra = '') =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${type}" />${extra}</bpmn:extensionElements></bpmn:serviceTask>`;

export const userTask = (id: string, extra = '') =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask />${extra}</bpmn:extensionElements></bpmn:userTask>`;

export interface Harness {
  readonly engine: Engine;
  readonly clock: VirtualClock;
  readonly db: Db;
  readonly events: EngineEvent[];
  deploy(xml: string, name?: string): Promise<void>;
  start(processId: string, variables?: Variables): Promise<string>;
  /** The open user task at an element (oldest first). */
  task(elementId: string, rootKey?: string): Promise<string>;
  completeTask(elementId: string, variables?: Variables, rootKey?: string): Promise<void>;
  /** The open job at an element. */
  job(elementId: string, rootKey?: string): Promise<string>;
  completeJob(elementId: string, variables?: Variables, rootKey?: string): Promise<void>;
  /** Move the clock and fire what falls due, in order. */
  advance(ms: number): Promise<void>;
  state(rootKey: string): Promise<{ status: string; variables: Variables; active: string[] }>;
  /** `elementId:INTENT` for every element lifecycle event of a tree, in order. */
  lifecycle(rootKey: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function createHarness(start = '2026-02-13T10:00:00+07:00'): Promise<Harness> {
  const db = await openTestDb();
  const clock = new VirtualClock(start);
  const engine = await Engine.create({ db, clock, ids: sequentialIds() });
  const events: EngineEvent[] = [];
  engine.subscribe((batch) => {
    events.push(...batch);
  });
  const openTask = async (elementId: string, rootKey?: string) => {
    const tasks = await engine.listUserTasks({ state: 'created', elementId, ...(rootKey ? { rootKey } : {}) });
    if (!tasks[0]) throw new Error(`Expected an open user task at '${elementId}', but there is none`);
    return tasks[0].key;
  };
  const openJob = async (elementId: string, rootKey?: string) => {
    const tree = rootKey ? await engine.getTree(rootKey) : undefined;
    const fromTree = tree ? Object.values(tree.jobs).find((j) => j.elementId === elementId) : undefined;
    if (fromTree) return fromTree.key;
    const { rows } = await db.query<{ key: string }>('SELECT key FROM engine_jobs WHERE element_id = $1 ORDER BY created_at, key LIMIT 1', [elementId]);
    if (!rows[0]) throw new Error(`Expected an open job at '${elementId}', but there is none`);
    return rows[0].key;
  };
  return {
    engine,
    clock,
    db,
    events,
    async deploy(xml, name) {
      await engine.deploy(xml, name);
    },
    async start(processId, variables = {}) {
      return (await engine.createInstance(processId, variables)).instanceKey;
    },
    task: openTask,
    async completeTask(elementId, variables = {}, rootKey) {
      await engine.completeUserTask(await openTask(elementId, rootKey), variables);
    },
    job: openJob,
    async completeJob(elementId, variables = {}, rootKey) {
      await engine.completeJob(await openJob(elementId, rootKey), variables);
    },
    async advance(ms) {
      const target = clock.now().getTime() + ms;
      for (;;) {
        const due = await engine.nextTimerDue();
        if (!due || due.getTime() > target) break;
        if (due.getTime() > clock.now().getTime()) clock.set(due);
        await engine.fireDueTimers(1);
      }
      clock.set(new Date(target));
    },
    async state(rootKey) {
      const view = await engine.getInstance(rootKey);
      if (!view) throw new Error(`No instance '${rootKey}'`);
      return { status: view.status, variables: view.variables, active: view.activeElements.map((e) => e.elementId) };
    },
    async lifecycle(rootKey) {
      const history = await engine.history(rootKey);
      return history
        .filter((e) => e.valueType === 'PROCESS_INSTANCE' && e.intent !== 'SEQUENCE_FLOW_TAKEN')
        .map((e) => `${e.elementId}:${e.intent.replace('ELEMENT_', '')}`);
    },
    async close() {
      await db.close();
    },
  };
}

// ---------------------------------------------------------------- builders for scopes, errors, calls and loops

/** Definitions with root elements (errors, messages) next to one or more processes. */
export function definitionsXml(roots: string, ...processes: readonly { id: string; content: string }[]): string {
  return bpmn(`${roots}\n${processes.map((p) => `<bpmn:process id="${p.id}" isExecutable="true">\n${p.content}\n</bpmn:process>`).join('\n')}`);
}

export const errorRoot = (id: string, errorCode: string) => `<bpmn:error id="${id}" name="${id}" errorCode="${escapeXml(errorCode)}" />`;

export const messageRoot = (id: string, name: string, correlationKey: string) =>
  `<bpmn:message id="${id}" name="${escapeXml(name)}"><bpmn:extensionElements><zeebe:subscription correlationKey="${escapeXml(correlationKey)}" /></bpmn:extensionElements></bpmn:message>`;

export const subProcess = (id: string, content: string, extensions = '') =>
  `<bpmn:subProcess id="${id}">${extensions ? `<bpmn:extensionElements>${extensions}</bpmn:extensionElements>` : ''}${content}</bpmn:subProcess>`;

export const eventSubProcess = (id: string, content: string) => `<bpmn:subProcess id="${id}" triggeredByEvent="true">${content}</bpmn:subProcess>`;

/** An error boundary event; without `errorRef` it catches every error. */
export const errorBoundary = (id: string, attachedTo: string, errorRef?: string, attributes = '') =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"><bpmn:errorEventDefinition ${errorRef ? `errorRef="${errorRef}"` : ''} ${attributes} /></bpmn:boundaryEvent>`;

export const timerBoundary = (id: string, attachedTo: string, duration: string, interrupting = true) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`;

export const errorEnd = (id: string, errorRef: string) => `<bpmn:endEvent id="${id}"><bpmn:errorEventDefinition errorRef="${errorRef}" /></bpmn:endEvent>`;

export const terminateEnd = (id: string) => `<bpmn:endEvent id="${id}"><bpmn:terminateEventDefinition /></bpmn:endEvent>`;

export const callActivity = (id: string, processId: string, options: { propagateParent?: boolean; propagateChild?: boolean; extra?: string; body?: string } = {}) => {
  const flags = `${options.propagateParent === undefined ? '' : ` propagateAllParentVariables="${options.propagateParent}"`}${options.propagateChild === undefined ? '' : ` propagateAllChildVariables="${options.propagateChild}"`}`;
  return `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${escapeXml(processId)}"${flags} />${options.extra ?? ''}</bpmn:extensionElements>${options.body ?? ''}</bpmn:callActivity>`;
};

/** `zeebe:ioMapping` with `[source, target]` pairs, for an element's extension elements. */
export function ioMapping(inputs: readonly (readonly [string, string])[], outputs: readonly (readonly [string, string])[] = []): string {
  const line = (kind: string, [source, target]: readonly [string, string]) => `<zeebe:${kind} source="${escapeXml(source)}" target="${escapeXml(target)}" />`;
  return `<zeebe:ioMapping>${inputs.map((m) => line('input', m)).join('')}${outputs.map((m) => line('output', m)).join('')}</zeebe:ioMapping>`;
}

/** Multi-instance loop characteristics, placed as the last child of an activity. */
export function loop(options: { collection: string; element?: string; outputCollection?: string; outputElement?: string; sequential?: boolean; completionCondition?: string }): string {
  const attrs = [
    `inputCollection="${escapeXml(options.collection)}"`,
    options.element ? `inputElement="${options.element}"` : '',
    options.outputCollection ? `outputCollection="${options.outputCollection}"` : '',
    options.outputElement ? `outputElement="${escapeXml(options.outputElement)}"` : '',
  ].join(' ');
  const condition = options.completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${escapeXml(options.completionCondition)}</bpmn:completionCondition>`
    : '';
  return `<bpmn:multiInstanceLoopCharacteristics isSequential="${options.sequential ?? false}"><bpmn:extensionElements><zeebe:loopCharacteristics ${attrs} /></bpmn:extensionElements>${condition}</bpmn:multiInstanceLoopCharacteristics>`;
}

/** A native user task with a multi-instance loop (and optional extension elements). */
export const loopedUserTask = (id: string, loopXml: string, extra = '') =>
  `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask />${extra}</bpmn:extensionElements>${loopXml}</bpmn:userTask>`;

/** Open incidents of an instance tree, oldest first. */
export async function openIncidents(h: Harness, rootKey: string) {
  return h.engine.listIncidents({ state: 'open', rootKey });
}

/** Every child process instance a tree holds, in creation order. */
export async function childInstances(h: Harness, rootKey: string): Promise<{ key: string; processId: string; state: string }[]> {
  const { rows } = await h.db.query<{ key: string; process_id: string; state: string }>(
    'SELECT key, process_id, state FROM engine_instances WHERE root_key = $1 AND key <> $1 ORDER BY created_at, length(key), key',
    [rootKey],
  );
  return rows.map((r) => ({ key: r.key, processId: r.process_id, state: r.state }));
}

// ---------------------------------------------------------------- builders for timers, messages and wait states

type TimerKind = 'duration' | 'date' | 'cycle';
const TIMER_ELEMENT: Record<TimerKind, string> = { duration: 'timeDuration', date: 'timeDate', cycle: 'timeCycle' };

export const timerDefinition = (kind: TimerKind, value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${TIMER_ELEMENT[kind]} xsi:type="bpmn:tFormalExpression">${escapeXml(value)}</bpmn:${TIMER_ELEMENT[kind]}></bpmn:timerEventDefinition>`;

export const messageDefinition = (messageRef: string) => `<bpmn:messageEventDefinition messageRef="${messageRef}" />`;

export const catchEvent = (id: string, definition: string) => `<bpmn:intermediateCatchEvent id="${id}">${definition}</bpmn:intermediateCatchEvent>`;

export const startEvent = (id: string, definition: string) => `<bpmn:startEvent id="${id}">${definition}</bpmn:startEvent>`;

/** A boundary event of any kind: pass a timer or message definition. */
export const boundaryEvent = (id: string, attachedTo: string, definition: string, interrupting = true) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${definition}</bpmn:boundaryEvent>`;

export const receiveTask = (id: string, messageRef: string) => `<bpmn:receiveTask id="${id}" messageRef="${messageRef}" />`;

/** A message for start events: correlated by name only. */
export const startMessageRoot = (id: string, name: string) => `<bpmn:message id="${id}" name="${escapeXml(name)}" />`;

/** Timer rows of an instance tree, or of deployed start events when no tree is given. */
export async function timerRows(h: Harness, rootKey?: string): Promise<{ key: string; elementId: string; processKey: string; dueAt: Date; repetitions: number }[]> {
  const { rows } = await h.db.query<{ key: string; element_id: string; process_key: string; due_at: Date; repetitions: number }>(
    `SELECT key, element_id, process_key, due_at, repetitions FROM engine_timers WHERE ${rootKey ? 'root_key = $1' : 'root_key IS NULL'} ORDER BY due_at, key`,
    rootKey ? [rootKey] : [],
  );
  return rows.map((r) => ({ key: r.key, elementId: r.element_id, processKey: r.process_key, dueAt: new Date(r.due_at), repetitions: r.repetitions }));
}

/** Open message subscription rows of an instance tree. */
export async function subscriptionRows(h: Harness, rootKey: string): Promise<{ elementId: string; messageName: string; correlationKey: string }[]> {
  const { rows } = await h.db.query<{ element_id: string; message_name: string; correlation_key: string }>(
    'SELECT element_id, message_name, correlation_key FROM engine_message_subscriptions WHERE root_key = $1 ORDER BY seq',
    [rootKey],
  );
  return rows.map((r) => ({ elementId: r.element_id, messageName: r.message_name, correlationKey: r.correlation_key }));
}

/** Root instances of a process, oldest first, with the version they run. */
export async function instancesOf(h: Harness, processId: string): Promise<{ key: string; version: number; state: string }[]> {
  const { rows } = await h.db.query<{ key: string; version: number; state: string }>(
    'SELECT key, version, state FROM engine_instances WHERE process_id = $1 AND key = root_key ORDER BY created_at, length(key), key',
    [processId],
  );
  return rows;
}

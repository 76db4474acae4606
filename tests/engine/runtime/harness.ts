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

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseBpmn, type ExecutableProcess, type ModelProblem, type ParseOptions } from '../../../engine/model/index.js';

/** A `.bpmn` fixture next to the specs. */
export function readFixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}

/** Definitions with the namespaces and execution platform Camunda Modeler writes. */
export function definitionsXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.28.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
${content}
</bpmn:definitions>`;
}

export interface ProcessXmlOptions {
  readonly id?: string;
  /** Extra root elements (messages, errors) after the process. */
  readonly rootElements?: string;
  /** Extension elements of the process itself. */
  readonly extensions?: string;
}

/** One executable process holding `body`. */
export function processXml(body: string, options: ProcessXmlOptions = {}): string {
  const extensions = options.extensions ? `\n    <bpmn:extensionElements>${options.extensions}</bpmn:extensionElements>` : '';
  return definitionsXml(`  <bpmn:process id="${options.id ?? 'Process_1'}" isExecutable="true">${extensions}
${body}
  </bpmn:process>
${options.rootElements ?? ''}`);
}

/** start → the element → end, so that a single element can be checked on its own. */
export function between(id: string, elementXml: string): string {
  return [startEvent('start'), elementXml, endEvent('end'), flow(`to_${id}`, 'start', id), flow(`from_${id}`, id, 'end')].join('\n');
}

/** A process of start → the element → end. */
export function processAround(id: string, elementXml: string, rootElements = ''): string {
  return processXml(between(id, elementXml), { rootElements });
}

export function startEvent(id: string, inner = '', attributes = ''): string {
  return `<bpmn:startEvent id="${id}"${attributes ? ` ${attributes}` : ''}>${inner}</bpmn:startEvent>`;
}

export function endEvent(id: string, inner = ''): string {
  return `<bpmn:endEvent id="${id}">${inner}</bpmn:endEvent>`;
}

export function serviceTask(id: string, extensions = '', inner = ''): string {
  return `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="work" />${extensions}</bpmn:extensionElements>${inner}</bpmn:serviceTask>`;
}

export function userTask(id: string, extensions = '<zeebe:userTask />'): string {
  return `<bpmn:userTask id="${id}"><bpmn:extensionElements>${extensions}</bpmn:extensionElements></bpmn:userTask>`;
}

export function flow(id: string, source: string, target: string, condition?: string): string {
  if (condition === undefined) return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}" />`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

export function boundaryEvent(id: string, attachedTo: string, definition: string, attributes = ''): string {
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"${attributes ? ` ${attributes}` : ''}>${definition}</bpmn:boundaryEvent>`;
}

export function timerDefinition(kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string {
  return `<bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
}

export function messageDefinition(messageId: string): string {
  return `<bpmn:messageEventDefinition messageRef="${messageId}" />`;
}

export function errorDefinition(errorId?: string): string {
  return errorId ? `<bpmn:errorEventDefinition errorRef="${errorId}" />` : '<bpmn:errorEventDefinition />';
}

/** A root `bpmn:message`, with a subscription when a correlation key is given. */
export function message(id: string, name: string, correlationKey?: string): string {
  const subscription = correlationKey === undefined ? '' : `<bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements>`;
  return `<bpmn:message id="${id}" name="${name}">${subscription}</bpmn:message>`;
}

export function error(id: string, errorCode?: string): string {
  return `<bpmn:error id="${id}" name="${id}"${errorCode === undefined ? '' : ` errorCode="${errorCode}"`} />`;
}

/** The only executable process of a valid model; fails with every problem when the model is rejected. */
export async function parseProcess(xml: string, options?: ParseOptions): Promise<ExecutableProcess> {
  const result = await parseBpmn(xml, options);
  if (!result.ok) {
    throw new Error(`Expected the model to parse, but it was rejected:\n${result.problems.map((p) => `  ${p.elementId} ${p.code}: ${p.message}`).join('\n')}`);
  }
  if (result.processes.length !== 1) throw new Error(`Expected one executable process, but got ${result.processes.length}`);
  return result.processes[0];
}

/** The problems of a rejected model; fails when the model parses. */
export async function parseProblems(xml: string, options?: ParseOptions): Promise<readonly ModelProblem[]> {
  const result = await parseBpmn(xml, options);
  if (result.ok) throw new Error('Expected the model to be rejected, but it parsed');
  return result.problems;
}

/** `elementId code` pairs, for comparing which problems were found without the wording. */
export function problemKeys(problems: readonly ModelProblem[]): string[] {
  return problems.map((problem) => `${problem.elementId} ${problem.code}`);
}

/** A model that must be rejected, for table-driven specs. */
export interface Rejection {
  /** What is rejected, as it reads in the test title. */
  readonly what: string;
  readonly xml: string;
  /** Every problem expected, in order, as `elementId code`. */
  readonly problems: readonly string[];
  /** The sentence the first problem must give. */
  readonly reason: RegExp;
}

export function itRejects(rejection: Rejection): void {
  it(`should reject ${rejection.what} with its id and reason`, async () => {
    // when
    const problems = await parseProblems(rejection.xml);

    // then
    expect(problemKeys(problems)).to.deep.equal(rejection.problems);
    expect(problems[0].message).to.match(rejection.reason);
  });
}

import type { ModdleNode } from './ModdleNode.js';
import type { ElementKind } from './types.js';

const KIND_WORDS: { readonly [K in ElementKind]: string } = {
  startEvent: 'start event',
  endEvent: 'end event',
  intermediateCatchEvent: 'intermediate catch event',
  intermediateThrowEvent: 'intermediate throw event',
  boundaryEvent: 'boundary event',
  task: 'task',
  manualTask: 'manual task',
  userTask: 'user task',
  serviceTask: 'service task',
  sendTask: 'send task',
  scriptTask: 'script task',
  businessRuleTask: 'business rule task',
  receiveTask: 'receive task',
  exclusiveGateway: 'exclusive gateway',
  parallelGateway: 'parallel gateway',
  inclusiveGateway: 'inclusive gateway',
  eventBasedGateway: 'event-based gateway',
  subProcess: 'sub-process',
  eventSubProcess: 'event sub-process',
  callActivity: 'call activity',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  'bpmn:AdHocSubProcess': 'ad-hoc sub-process',
  'bpmn:SubProcess': 'sub-process',
  'bpmn:EventBasedGateway': 'event-based gateway',
};

/** "service task 'check_docs'": how messages name an executable element. */
export function describeKind(kind: ElementKind, id: string): string {
  return `${KIND_WORDS[kind]} '${id}'`;
}

/** The same wording for any moddle element, executable or not. */
export function describeNode(node: ModdleNode): string {
  return `${typeWords(node)} '${node.id ?? '?'}'`;
}

function typeWords(node: ModdleNode): string {
  if (node.$type === 'bpmn:SubProcess' && node.triggeredByEvent === true) return 'event sub-process';
  const known = TYPE_WORDS[node.$type];
  if (known) return known;
  const local = node.$type.slice(node.$type.indexOf(':') + 1);
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** `zeebe:TaskDefinition` is written `zeebe:taskDefinition` in the XML. */
export function xmlName(type: string): string {
  const colon = type.indexOf(':');
  const local = type.slice(colon + 1);
  return `${type.slice(0, colon + 1)}${local.charAt(0).toLowerCase()}${local.slice(1)}`;
}

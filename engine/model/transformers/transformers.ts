import type { ModdleNode } from '../ModdleNode.js';
import type { ElementKind } from '../types.js';
import { boundaryEvent } from './boundaryEvent.js';
import { businessRuleTask } from './businessRuleTask.js';
import { callActivity } from './callActivity.js';
import { endEvent } from './endEvent.js';
import { gateway } from './gateway.js';
import { intermediateCatchEvent } from './intermediateCatchEvent.js';
import { intermediateThrowEvent } from './intermediateThrowEvent.js';
import { receiveTask } from './receiveTask.js';
import { scriptTask } from './scriptTask.js';
import { jobTask } from './jobTask.js';
import { startEvent } from './startEvent.js';
import { subProcess } from './subProcess.js';
import { passThroughTask } from './passThroughTask.js';
import type { Transformer } from './Transformer.js';
import { userTask } from './userTask.js';

/** One transformer per executable kind; the mapped type makes a new kind fail to compile until it has one. */
export const TRANSFORMERS: { readonly [K in ElementKind]: Transformer } = {
  startEvent,
  endEvent,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent,
  task: passThroughTask('task'),
  manualTask: passThroughTask('manualTask'),
  userTask,
  serviceTask: jobTask('serviceTask'),
  sendTask: jobTask('sendTask'),
  scriptTask,
  businessRuleTask,
  receiveTask,
  exclusiveGateway: gateway('exclusiveGateway'),
  parallelGateway: gateway('parallelGateway'),
  inclusiveGateway: gateway('inclusiveGateway'),
  eventBasedGateway: gateway('eventBasedGateway'),
  subProcess: subProcess('subProcess'),
  eventSubProcess: subProcess('eventSubProcess'),
  callActivity,
};

/** Exact moddle types only: subtypes such as bpmn:Transaction or bpmn:AdHocSubProcess are not executable. */
const KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:Task': 'task',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
};

export function kindOf(node: ModdleNode): ElementKind | undefined {
  const kind = KINDS[node.$type];
  return kind === 'subProcess' && node.triggeredByEvent === true ? 'eventSubProcess' : kind;
}

import { isExplicit, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { Report } from '../problems.js';

interface UnsupportedProperty {
  /** Whether the value the XML set is one we cannot execute. */
  readonly rejects: (value: unknown, node: ModdleNode) => boolean;
  readonly reason: string;
}

const ANY = (): boolean => true;
const TRUE = (value: unknown): boolean => value === true;
const NON_EMPTY = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
const NOT_ONE = (value: unknown): boolean => value !== 1;
const LOOP_DATA = 'multi-instance data is configured with zeebe:loopCharacteristics';

/**
 * BPMN attributes with execution semantics the engine does not implement. Purely
 * descriptive attributes (gatewayDirection, isImmediate, data associations) are absent on purpose.
 */
const UNSUPPORTED_PROPERTIES: Readonly<Record<string, UnsupportedProperty>> = {
  isForCompensation: { rejects: TRUE, reason: 'compensation is not supported' },
  startQuantity: { rejects: NOT_ONE, reason: 'an activity always starts with one token' },
  completionQuantity: { rejects: NOT_ONE, reason: 'an activity always completes with one token' },
  resources: { rejects: NON_EMPTY, reason: 'BPMN performers are not supported; use zeebe:assignmentDefinition' },
  operationRef: { rejects: ANY, reason: 'BPMN operations and interfaces are not supported' },
  renderings: { rejects: NON_EMPTY, reason: 'BPMN renderings are not supported; use zeebe:formDefinition' },
  script: { rejects: ANY, reason: 'inline scripts are not executed; use zeebe:script with a FEEL expression or a zeebe:taskDefinition' },
  scriptFormat: { rejects: ANY, reason: 'inline scripts are not executed; use zeebe:script with a FEEL expression or a zeebe:taskDefinition' },
  calledElement: { rejects: ANY, reason: 'the called process is set with zeebe:calledElement' },
  instantiate: { rejects: TRUE, reason: 'instances are only created by start events' },
  eventGatewayType: { rejects: (value) => value !== 'Exclusive', reason: 'only exclusive event-based gateways are supported' },
  parallelMultiple: { rejects: TRUE, reason: 'parallel multiple events are not supported' },
  eventDefinitionRef: { rejects: NON_EMPTY, reason: 'event definitions must be defined inside the event' },
  retryCounter: { rejects: ANY, reason: 'job retries are set with zeebe:taskDefinition retries' },
  correlationSubscriptions: { rejects: NON_EMPTY, reason: 'messages are correlated with zeebe:subscription' },
  default: {
    rejects: (_value, node) => node.$type !== 'bpmn:ExclusiveGateway' && node.$type !== 'bpmn:InclusiveGateway',
    reason: 'default flows are only taken from exclusive and inclusive gateways',
  },
  loopCardinality: { rejects: ANY, reason: 'loop cardinality is not supported; iterate over a zeebe:loopCharacteristics inputCollection' },
  loopDataInputRef: { rejects: ANY, reason: LOOP_DATA },
  loopDataOutputRef: { rejects: ANY, reason: LOOP_DATA },
  inputDataItem: { rejects: ANY, reason: LOOP_DATA },
  outputDataItem: { rejects: ANY, reason: LOOP_DATA },
  complexBehaviorDefinition: { rejects: NON_EMPTY, reason: 'multi-instance behaviour events are not supported' },
  behavior: { rejects: (value) => value !== 'All', reason: 'multi-instance behaviour events are not supported' },
  oneBehaviorEventRef: { rejects: ANY, reason: 'multi-instance behaviour events are not supported' },
  noneBehaviorEventRef: { rejects: ANY, reason: 'multi-instance behaviour events are not supported' },
};

/** Rejects BPMN attributes set on `node` whose semantics the engine would otherwise skip. */
export function checkUnsupportedProperties(owner: Owner, node: ModdleNode, report: Report): void {
  for (const [property, rule] of Object.entries(UNSUPPORTED_PROPERTIES)) {
    if (!isExplicit(node, property) || !rule.rejects(node[property], node)) continue;
    report(owner.id, 'unsupported-attribute', `Expected no '${property}' on ${owner.label}: ${rule.reason}`);
  }
}

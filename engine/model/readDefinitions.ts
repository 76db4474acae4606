import { BpmnModdle, type BpmnModdleInstance, type BpmnModdleWarning } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { describeNode, xmlName } from './describe.js';
import { isModdleNode, nearestId, type ModdleNode } from './ModdleNode.js';
import type { Report } from './problems.js';

/** What reading the XML leaves for the transformers. */
export interface Definitions {
  readonly root: ModdleNode;
  /** Whether moddle already reported `property` of element `elementId` as pointing nowhere. */
  readonly isUnresolved: (elementId: string, property: string) => boolean;
}

export const DEFINITIONS_ID = 'definitions';

/** Attributes the engine reads although the Zeebe descriptor does not declare them. */
const UNDECLARED_ZEEBE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'bpmn:ErrorEventDefinition': ['zeebe:errorCodeVariable', 'zeebe:errorMessageVariable'],
};

// Diagram interchange only draws the model; a stale shape does not change what runs.
const DIAGRAM_PREFIXES = ['bpmndi:', 'di:', 'dc:'];

let moddle: BpmnModdleInstance | undefined;

/**
 * Parses the XML with bpmn-moddle and turns every parser message into a problem,
 * so that nothing the parser dropped goes unnoticed. Returns no root when the XML is unusable.
 */
export async function readDefinitions(xml: string, report: Report): Promise<Definitions | undefined> {
  if (typeof xml !== 'string') {
    report(DEFINITIONS_ID, 'malformed-xml', `Expected the BPMN XML as a string, but got ${typeof xml}`);
    return undefined;
  }
  moddle ??= BpmnModdle({ zeebe: zeebeDescriptor });
  let parsed: Awaited<ReturnType<BpmnModdleInstance['fromXML']>>;
  try {
    parsed = await moddle.fromXML(xml);
  } catch (error) {
    const warnings = (error as { warnings?: readonly BpmnModdleWarning[] }).warnings ?? [];
    const details = [error instanceof Error ? error.message : String(error), ...warnings.map((warning) => warning.message)];
    report(DEFINITIONS_ID, 'malformed-xml', `Expected well-formed BPMN 2.0 XML, but the XML parser reported: ${details.map(parserMessage).join('; ')}`);
    return undefined;
  }
  if (!isModdleNode(parsed.rootElement)) {
    report(DEFINITIONS_ID, 'malformed-xml', 'Expected a bpmn:definitions root element, but the XML parser returned none');
    return undefined;
  }
  const unresolved = new Set<string>();
  for (const warning of parsed.warnings) reportWarning(warning, report, unresolved);
  return {
    root: parsed.rootElement,
    isUnresolved: (elementId, property) => unresolved.has(`${elementId}#${property}`),
  };
}

function reportWarning(warning: BpmnModdleWarning, report: Report, unresolved: Set<string>): void {
  const element = isModdleNode(warning.element) ? warning.element : undefined;
  const elementId = nearestId(element) ?? DEFINITIONS_ID;
  const where = element ? placeOf(element) : 'the definitions';

  const attribute = /^unknown attribute <(.+)>$/.exec(warning.message);
  if (attribute) {
    if (element && UNDECLARED_ZEEBE_ATTRIBUTES[element.$type]?.includes(attribute[1])) return;
    report(elementId, 'unknown-attribute', `Expected only attributes of the BPMN and Zeebe schemas on ${where}, but found '${attribute[1]}'`);
    return;
  }

  const reference = /^unresolved reference <(.+)>$/.exec(warning.message);
  if (reference) {
    if (element && DIAGRAM_PREFIXES.some((prefix) => element.$type.startsWith(prefix))) return;
    const property = (warning.property ?? 'reference').replace(/^bpmn:/, '');
    unresolved.add(`${elementId}#${property}`);
    report(elementId, 'unresolved-reference', `Expected an element with id '${reference[1]}' for the ${property} of ${where}, but there is none`);
    return;
  }

  const unparsable = readUnparsable(warning.message);
  const duplicate = unparsable && /^duplicate ID <(.+)>$/.exec(unparsable.nested);
  if (duplicate) {
    report(duplicate[1], 'duplicate-id', `Expected element ids to be unique, but '${duplicate[1]}' is used again${unparsable.position}`);
  } else if (unparsable && /^(unknown type|unrecognized element)/.test(unparsable.nested)) {
    report(DEFINITIONS_ID, 'unknown-element', `Expected only elements of the BPMN and Zeebe schemas, but found ${unparsable.content ?? 'an element'}${unparsable.position} (${unparsable.nested})`);
  } else {
    report(elementId, 'invalid-bpmn-content', `Expected valid BPMN 2.0 content, but the XML parser reported: ${parserMessage(warning.message)}`);
  }
}

interface Unparsable {
  /** The start of the offending markup, e.g. `<bpmn:task>`. */
  readonly content?: string;
  /** What the XML reader found wrong. */
  readonly nested: string;
  /** " at line 3, column 5", or empty. */
  readonly position: string;
}

/** Splits moddle's "unparsable content <x> detected\n\tline: 0\n\tcolumn: 9\n\tnested error: …" message. */
function readUnparsable(message: string): Unparsable | undefined {
  const content = /^unparsable content (<[^>\n]*>|<\S+|\S+)?\s*detected([\s\S]*)$/.exec(message);
  const nested = content && /nested error: (.*)/.exec(content[2]);
  if (!content || !nested) return undefined;
  return { content: content[1], nested: nested[1], position: positionOf(content[2]) };
}

function placeOf(element: ModdleNode): string {
  if (element.id) return describeNode(element);
  let owner = element.$parent;
  while (owner && !owner.id) owner = owner.$parent;
  return owner ? `the ${xmlName(element.$type)} of ${describeNode(owner)}` : `the ${xmlName(element.$type)}`;
}

/** moddle counts lines and columns from 0; editors count from 1. */
function positionOf(details: string): string {
  const line = /line: (\d+)/.exec(details);
  const column = /column: (\d+)/.exec(details);
  if (!line || !column) return '';
  return ` at line ${Number(line[1]) + 1}, column ${Number(column[1]) + 1}`;
}

/** A parser message on one line: "unclosed tag in <x> at line 1, column 10". */
function parserMessage(message: string): string {
  const unparsable = readUnparsable(message);
  if (!unparsable) return message.replace(/\s*\n\s*/g, ' ').trim();
  return `${unparsable.nested}${unparsable.content ? ` in ${unparsable.content}` : ''}${unparsable.position}`;
}

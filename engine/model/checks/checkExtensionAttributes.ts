import { xmlName } from '../describe.js';
import { explicitProperties, isModdleNode, stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { Report } from '../problems.js';
import { checkForeignAttributes } from './checkForeignAttributes.js';

const MODELER_CONFIGURATION = ['modelerConfigurationTemplate', 'modelerConfigurationName'];

/** The attributes (and child lists) of each Zeebe extension element that the engine executes. */
const SUPPORTED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'zeebe:TaskDefinition': ['type', 'retries'],
  'zeebe:TaskHeaders': ['values'],
  'zeebe:Header': ['id', 'key', 'value'],
  'zeebe:IoMapping': ['inputParameters', 'outputParameters'],
  'zeebe:Input': ['source', 'target', ...MODELER_CONFIGURATION],
  'zeebe:Output': ['source', 'target'],
  'zeebe:LoopCharacteristics': ['inputCollection', 'inputElement', 'outputCollection', 'outputElement'],
  'zeebe:CalledElement': ['processId', 'propagateAllChildVariables', 'propagateAllParentVariables', 'bindingType'],
  'zeebe:FormDefinition': ['formKey', 'formId', 'externalReference', 'bindingType'],
  'zeebe:UserTask': [],
  'zeebe:AssignmentDefinition': ['assignee', 'candidateGroups', 'candidateUsers'],
  'zeebe:PriorityDefinition': ['priority'],
  'zeebe:TaskSchedule': ['dueDate', 'followUpDate'],
  'zeebe:Script': ['expression', 'resultVariable'],
  'zeebe:Subscription': ['correlationKey'],
  'zeebe:VersionTag': ['value'],
  'zeebe:Properties': ['properties'],
  'zeebe:Property': ['name', 'value', ...MODELER_CONFIGURATION],
};

/**
 * Rejects attributes of a read extension element that the engine would not honour
 * (`businessId`, a pinned `versionTag`, a non-latest `bindingType`), children included.
 */
export function checkExtensionAttributes(owner: Owner, extension: ModdleNode, report: Report): void {
  const supported = SUPPORTED_ATTRIBUTES[extension.$type] ?? [];
  checkForeignAttributes(owner, extension, report);
  for (const property of explicitProperties(extension)) {
    if (!supported.includes(property)) {
      report(owner.id, 'unsupported-attribute', `Expected no '${property}' on the ${xmlName(extension.$type)} of ${owner.label}: it is not executed`);
      continue;
    }
    const value = extension[property];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isModdleNode(child)) checkExtensionAttributes(owner, child, report);
    }
  }
  const bindingType = stringOf(extension, 'bindingType');
  if (bindingType !== undefined && bindingType !== 'latest') {
    report(
      owner.id,
      'unsupported-binding-type',
      `Expected bindingType 'latest' on the ${xmlName(extension.$type)} of ${owner.label}, but got '${bindingType}': only the latest deployed version is resolved`,
    );
  }
}

import { xmlName } from '../describe.js';
import { extensionValues, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { ProblemCode, Report } from '../problems.js';

/** Extension elements that only document the model. */
const DOCUMENTARY = new Set(['zeebe:Properties']);

/** Extensions that are known but deliberately not executed, with the reason given to the designer. */
const REJECTED: Readonly<Record<string, { readonly code: ProblemCode; readonly reason: string }>> = {
  'zeebe:ExecutionListeners': { code: 'unsupported-execution-listeners', reason: 'execution listeners are not supported' },
  'zeebe:TaskListeners': { code: 'unsupported-task-listeners', reason: 'task listeners are not supported' },
  'zeebe:CalledDecision': {
    code: 'unsupported-called-decision',
    reason: 'DMN decisions are not supported; use a zeebe:taskDefinition handled by a job worker instead',
  },
  'zeebe:UserTaskForm': {
    code: 'unsupported-embedded-form',
    reason: 'embedded forms are not supported; link a form with zeebe:formDefinition formId instead',
  },
};

/** Every extension element a transformer did not read is rejected: nothing is silently ignored. */
export function checkUnreadExtensions(owner: Owner, node: ModdleNode, report: Report, wasRead: (extension: ModdleNode) => boolean): void {
  for (const extension of extensionValues(node)) {
    if (wasRead(extension) || DOCUMENTARY.has(extension.$type)) continue;
    const rejected = REJECTED[extension.$type];
    const name = xmlName(extension.$type);
    if (rejected) {
      report(owner.id, rejected.code, `Expected no ${name} on ${owner.label}: ${rejected.reason}`);
    } else {
      report(owner.id, 'unsupported-extension', `Expected no ${name} on ${owner.label}: this extension is not executed`);
    }
  }
}

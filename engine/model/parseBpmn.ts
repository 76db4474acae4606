import { checkForeignAttributes } from './checks/checkForeignAttributes.js';
import { checkUnreadExtensions } from './checks/checkUnreadExtensions.js';
import { describeNode } from './describe.js';
import { nodesOf, type ModdleNode } from './ModdleNode.js';
import { createProblemList, type Report } from './problems.js';
import { DEFINITIONS_ID, readDefinitions } from './readDefinitions.js';
import { createTransformContext, type FeelCheck, type TransformContext } from './TransformContext.js';
import { transformProcess } from './transformProcess.js';
import type { ExecutableProcess, ParseResult } from './types.js';

export interface ParseOptions {
  /** Returns an error message when `source` is not valid FEEL, or null; called for every FEEL source in the model. */
  readonly checkFeel?: FeelCheck;
}

/** Root elements that executable processes refer to, or that only document the model. */
const REFERENCED_OR_DOCUMENTARY = new Set([
  'bpmn:Error',
  'bpmn:Signal',
  'bpmn:Escalation',
  'bpmn:Collaboration',
  'bpmn:DataStore',
  'bpmn:ItemDefinition',
  'bpmn:Category',
]);

/**
 * Turns BPMN XML into executable processes. Every problem in the file is collected and
 * returned with the id of the element it concerns; the function never throws.
 */
export async function parseBpmn(xml: string, options: ParseOptions = {}): Promise<ParseResult> {
  const problems = createProblemList();
  const warnings = createProblemList();
  try {
    const definitions = await readDefinitions(xml, problems.report);
    if (definitions) {
      const ctx = createTransformContext({ report: problems.report, checkFeel: options.checkFeel, isUnresolved: definitions.isUnresolved });
      const processes = transformDefinitions(definitions.root, ctx, warnings.report);
      if (problems.problems().length === 0) return { ok: true, processes, warnings: warnings.problems() };
    }
  } catch (error) {
    // A defect in a transformer must still reach the caller as a problem, not as an exception.
    const message = error instanceof Error ? error.message : String(error);
    problems.report(DEFINITIONS_ID, 'internal-error', `Expected the model to be transformed, but the parser failed unexpectedly: ${message}`);
  }
  return { ok: false, problems: problems.problems() };
}

function transformDefinitions(root: ModdleNode, ctx: TransformContext, warn: Report): ExecutableProcess[] {
  const processes: ExecutableProcess[] = [];
  for (const element of nodesOf(root, 'rootElements')) {
    const owner = { id: element.id ?? DEFINITIONS_ID, label: describeNode(element) };
    if (element.$type === 'bpmn:Process') {
      if (!element.id) {
        ctx.report(DEFINITIONS_ID, 'invalid-bpmn-content', 'Expected an id on every process');
      } else if (element.isExecutable !== true) {
        warn(element.id, 'process-not-executable', `Expected isExecutable="true" on ${owner.label} to deploy it, so it is skipped`);
      } else {
        processes.push(transformProcess(element, ctx));
      }
    } else if (element.$type === 'bpmn:Message') {
      // A message's subscription is read again by each event that refers to it.
      ctx.extension(owner, element, 'zeebe:Subscription');
      checkForeignAttributes(owner, element, ctx.report);
      checkUnreadExtensions(owner, element, ctx.report, ctx.wasRead);
    } else if (!REFERENCED_OR_DOCUMENTARY.has(element.$type)) {
      ctx.report(owner.id, 'unsupported-element', `Expected no ${owner.label} in the definitions: this element is not executed`);
    }
  }
  if (processes.length === 0) {
    ctx.report(DEFINITIONS_ID, 'no-executable-process', 'Expected at least one process with isExecutable="true" in the definitions');
  }
  return processes;
}

import { extensionValues } from '../ModdleNode.js';
import { readJobDefinition, reportMissingJob } from '../readers/readJobDefinition.js';
import { readScript } from '../readers/readScript.js';
import { baseDraft, type Transformer } from './Transformer.js';

/** A script task is either a job (zeebe:taskDefinition) or a FEEL expression the engine evaluates (zeebe:script). */
export const scriptTask: Transformer = (input) => {
  const { node, owner, ctx } = input;
  const draft = baseDraft(input, 'scriptTask');
  const types = new Set(extensionValues(node).map((extension) => extension.$type));
  const hasJob = types.has('zeebe:TaskDefinition');
  const hasScript = types.has('zeebe:Script');
  if (hasJob && hasScript) {
    ctx.report(owner.id, 'ambiguous-script-task', `Expected either a zeebe:taskDefinition or a zeebe:script on ${owner.label}, but found both`);
  }
  if (!hasJob && !hasScript) {
    ctx.report(owner.id, 'missing-task-definition', `Expected a zeebe:taskDefinition with a non-empty type, or a zeebe:script with an expression and a resultVariable, on ${owner.label}`);
    return draft;
  }
  if (hasJob) {
    draft.job = readJobDefinition(owner, node, ctx);
    if (!draft.job) reportMissingJob(owner, ctx);
  }
  if (hasScript) draft.script = readScript(owner, node, ctx);
  return draft;
};

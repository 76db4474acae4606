import { checkForeignAttributes } from './checks/checkForeignAttributes.js';
import { checkUnreadExtensions } from './checks/checkUnreadExtensions.js';
import { checkUnsupportedProperties } from './checks/checkUnsupportedProperties.js';
import { attachBoundaryEvents } from './graph/attachBoundaryEvents.js';
import { linkFlows } from './graph/linkFlows.js';
import { fillScopeFacts } from './graph/fillScopeFacts.js';
import { toExecutableProcess } from './graph/toExecutableProcess.js';
import { fillUpstream } from './graph/fillUpstream.js';
import { stringOf, type ModdleNode } from './ModdleNode.js';
import type { Owner } from './Owner.js';
import { createProcessDraft } from './ProcessDraft.js';
import type { TransformContext } from './TransformContext.js';
import { transformScope } from './transformScope.js';
import type { ExecutableProcess } from './types.js';
import { VALIDATORS } from './validators/validators.js';

/**
 * One executable process: transform every element, link flows and boundary events,
 * derive scope facts, run the cross-element rules, then derive inclusive-join upstreams.
 */
export function transformProcess(node: ModdleNode, ctx: TransformContext): ExecutableProcess {
  const id = node.id as string;
  const owner: Owner = { id, label: `process '${id}'` };
  checkUnsupportedProperties(owner, node, ctx.report);
  checkForeignAttributes(owner, node, ctx.report);
  const versionTag = ctx.extension(owner, node, 'zeebe:VersionTag');
  const header = {
    name: stringOf(node, 'name'),
    versionTag: versionTag && ctx.staticValue(owner, stringOf(versionTag, 'value'), 'version tag'),
  };
  checkUnreadExtensions(owner, node, ctx.report, ctx.wasRead);

  const process = createProcessDraft(id, owner.label);
  process.children = transformScope(node, { id, kind: 'process', label: owner.label }, ctx, process);
  linkFlows(process, ctx);
  attachBoundaryEvents(process, ctx);
  fillScopeFacts(process);
  for (const validate of VALIDATORS) validate(process, ctx);
  fillUpstream(process);
  return toExecutableProcess(process, header);
}

import { nodesOf, stringOf, type ModdleNode } from '../ModdleNode.js';
import type { Owner } from '../Owner.js';
import type { TransformContext } from '../TransformContext.js';
import type { JobDefinition } from '../types.js';

const DEFAULT_RETRIES = { kind: 'static', value: '3' } as const;

/** Reads `zeebe:taskDefinition`; undefined when it is absent or has no type. */
export function readJobDefinition(owner: Owner, node: ModdleNode, ctx: TransformContext): JobDefinition | undefined {
  const definition = ctx.extension(owner, node, 'zeebe:TaskDefinition');
  if (!definition) return undefined;
  const headers = readTaskHeaders(owner, node, ctx);
  const type = ctx.expression(owner, stringOf(definition, 'type'), 'job type');
  const retries = ctx.expression(owner, stringOf(definition, 'retries'), 'job retries') ?? DEFAULT_RETRIES;
  if (retries.kind === 'static' && !/^\d+$/.test(retries.value)) {
    ctx.report(owner.id, 'invalid-retries', `Expected a whole number of job retries on ${owner.label}, but got '${retries.value}'`);
  }
  return type ? { type, retries, headers } : undefined;
}

/** Like `readJobDefinition`, but a missing task definition is a problem. */
export function requireJobDefinition(owner: Owner, node: ModdleNode, ctx: TransformContext): JobDefinition | undefined {
  const job = readJobDefinition(owner, node, ctx);
  if (!job) reportMissingJob(owner, ctx);
  return job;
}

export function reportMissingJob(owner: Owner, ctx: TransformContext): void {
  ctx.report(owner.id, 'missing-task-definition', `Expected a zeebe:taskDefinition with a non-empty type on ${owner.label}`);
}

/** `zeebe:taskHeaders` as a record; keys must be present and unique. */
export function readTaskHeaders(owner: Owner, node: ModdleNode, ctx: TransformContext): Record<string, string> {
  const headers: Record<string, string> = {};
  const container = ctx.extension(owner, node, 'zeebe:TaskHeaders');
  if (!container) return headers;
  for (const header of nodesOf(container, 'values')) {
    const key = stringOf(header, 'key')?.trim();
    if (!key) {
      ctx.report(owner.id, 'invalid-header', `Expected a key on every zeebe:header of ${owner.label}`);
      continue;
    }
    if (key in headers) {
      ctx.report(owner.id, 'invalid-header', `Expected the task header '${key}' of ${owner.label} to be defined once, but it is defined several times`);
      continue;
    }
    headers[key] = stringOf(header, 'value') ?? '';
  }
  return headers;
}


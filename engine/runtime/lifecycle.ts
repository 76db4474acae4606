import type { ExecutableElement } from '../model/types.js';
import type { Trigger } from './variables.js';
import type { ProcessingContext } from './context.js';
import { createIncident } from './incidents.js';
import { subscribeBoundaryEvents, unsubscribeAll } from './subscriptions.js';
import type { ElementInstanceState, IncidentType, Variables } from './state.js';

/**
 * The element lifecycle, as in Zeebe: activating → activated → completing →
 * completed, or terminating → terminated. Each transition is an event; the
 * steps between them (mappings, wait states, flows) are follow-ups run in
 * order, so parallel branches interleave the way Zeebe's do.
 */

export interface ActivateRequest {
  readonly elementId: string;
  readonly instanceKey: string;
  /** The flow scope's element instance; absent for a process. */
  readonly flowScopeKey?: string;
  readonly role?: 'process' | 'inner';
  /** The key to use; new when absent. */
  readonly key?: string;
  readonly loopCounter?: number;
  readonly consumedFlows?: string[];
  /** Local variables to create right after activating (multi-instance input element, loop counter). */
  readonly locals?: Variables;
  /** The event already happened (a boundary, event sub-process start, or an event after an event-based gateway). */
  readonly trigger?: Trigger;
  /** Extra fields for the process element's activating event. */
  readonly process?: {
    readonly processDefinitionKey: string;
    readonly parentProcessInstanceKey?: string;
    readonly parentElementInstanceKey?: string;
  };
  /** Activate even though the flow scope was interrupted in this command (the interrupting event itself). */
  readonly interrupting?: boolean;
}

export function scheduleActivation(ctx: ProcessingContext, request: ActivateRequest): void {
  const pending = ctx.pending;
  if (request.flowScopeKey) pending.add(request.flowScopeKey, request.elementId);
  ctx.later(() => {
    if (request.flowScopeKey) pending.remove(request.flowScopeKey, request.elementId);
    activate(ctx, request);
  });
}

export function activate(ctx: ProcessingContext, request: ActivateRequest): string | undefined {
  if (request.flowScopeKey) {
    const scope = ctx.instance(request.flowScopeKey);
    if (!scope || scope.state !== 'activated') return undefined;
    if (ctx.interrupted.has(scope.key) && !request.interrupting) return undefined;
  }
  // A process element is activated before its instance exists in the tree: its definition comes with the request.
  const definition = ctx.definition(request.process?.processDefinitionKey ?? ctx.tree.instances[request.instanceKey]!.processKey);
  const element = request.role === 'process' ? undefined : definition.model.elements[request.elementId];
  const role = request.role ?? (element?.multiInstance ? 'body' : 'element');
  const key = request.key ?? ctx.newKey();
  ctx.write(
    'PROCESS_INSTANCE',
    'ELEMENT_ACTIVATING',
    key,
    {
      bpmnElementType: role === 'process' ? 'process' : role === 'body' ? 'multiInstanceBody' : element!.kind,
      elementId: request.elementId,
      flowScopeKey: request.flowScopeKey,
      processInstanceKey: request.instanceKey,
      processDefinitionKey: definition.key,
      bpmnProcessId: definition.processId,
      version: definition.version,
      role,
      loopCounter: request.loopCounter,
      consumedFlows: request.consumedFlows,
      parentProcessInstanceKey: request.process?.parentProcessInstanceKey,
      parentElementInstanceKey: request.process?.parentElementInstanceKey,
      interrupting: request.interrupting || undefined,
    },
    { instanceKey: request.instanceKey, elementId: request.elementId },
  );
  if (request.locals) ctx.setLocal(key, request.locals);
  runActivation(ctx, key, request.trigger);
  return key;
}

/** The part of activation that an incident retries: mappings, subscriptions, the element's own behaviour. */
export function runActivation(ctx: ProcessingContext, key: string, trigger?: Trigger): void {
  const ei = ctx.instance(key)!;
  const element = ei.role === 'process' ? undefined : ctx.elementOf(ei);
  const behavior = ctx.services.behaviorFor(ei, element);

  if (element && ei.role !== 'body' && element.inputs.length) {
    const mapped = evaluateMappings(ctx, ei, element, 'inputs');
    if (!mapped.ok) return raise(ctx, ei, 'IO_MAPPING_ERROR', mapped.message, 'activate');
    ctx.setLocal(key, mapped.value);
  }
  if (element && ei.role !== 'inner' && element.boundaryEvents.length && !trigger) {
    const subscribed = subscribeBoundaryEvents(ctx, ei, element);
    if (!subscribed.ok) return raise(ctx, ei, subscribed.type, subscribed.message, 'activate');
  }
  const outcome = behavior.activate(ctx, ei, element, trigger);
  if (outcome.kind === 'incident') return raise(ctx, ei, outcome.type, outcome.message, 'activate');
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_ACTIVATED', key, { ...lifecycleValue(ctx, ei), ...outcome.value }, where(ei));
  outcome.after?.();
  if (outcome.kind === 'complete') {
    const flows = outcome.flows;
    ctx.later(() => complete(ctx, key, flows));
  }
}

export function complete(ctx: ProcessingContext, key: string, flows?: readonly string[]): void {
  const ei = ctx.instance(key);
  if (!ei || ei.state !== 'activated') return;
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_COMPLETING', key, lifecycleValue(ctx, ei), where(ei));
  runCompletion(ctx, key, flows);
}

/** The part of completion that an incident retries: output mappings and leaving the element. */
export function runCompletion(ctx: ProcessingContext, key: string, flows?: readonly string[]): void {
  const ei = ctx.instance(key)!;
  const element = ei.role === 'process' ? undefined : ctx.elementOf(ei);
  const behavior = ctx.services.behaviorFor(ei, element);

  if (element && ei.role !== 'body' && element.outputs.length) {
    const mapped = evaluateMappings(ctx, ei, element, 'outputs');
    if (!mapped.ok) return raise(ctx, ei, 'IO_MAPPING_ERROR', mapped.message, 'complete');
    // An iteration of a multi-instance body merges from its own scope, as in Zeebe, so its output element sees what its mappings produced.
    if (ei.parentKey) ctx.propagate(ei.role === 'inner' ? ei.key : ei.parentKey, mapped.value);
  }
  const prepared = behavior.completing?.(ctx, ei, element);
  if (prepared && !prepared.ok) return raise(ctx, ei, prepared.type, prepared.message, 'complete');

  unsubscribeAll(ctx, ei);
  const value = lifecycleValue(ctx, ei);
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_COMPLETED', key, value, where(ei));
  behavior.completed(ctx, ei, element, flows);
}

/** Leave an element along its outgoing flows (or the given ones); a dead end lets the scope check whether it is done. */
export function takeOutgoing(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement, flows?: readonly string[]): void {
  const outgoing = flows ?? element.outgoing;
  for (const flowId of outgoing) takeFlow(ctx, ei, flowId);
  if (!outgoing.length && ei.parentKey) scopeMayComplete(ctx, ei.parentKey);
  else if (ei.parentKey) recheckInclusiveJoins(ctx, ei.parentKey);
}

export function takeFlow(ctx: ProcessingContext, from: ElementInstanceState, flowId: string, trigger?: Trigger): void {
  const model = ctx.modelOf(from.instanceKey);
  const flow = model.flows[flowId]!;
  const target = model.elements[flow.targetId]!;
  const join = isJoin(target);
  ctx.write(
    'PROCESS_INSTANCE',
    'SEQUENCE_FLOW_TAKEN',
    ctx.newKey(),
    {
      bpmnElementType: 'sequenceFlow',
      elementId: flowId,
      flowScopeKey: from.parentKey,
      processInstanceKey: from.instanceKey,
      sourceElementId: flow.sourceId,
      targetElementId: flow.targetId,
      join: join || undefined,
    },
    { instanceKey: from.instanceKey, elementId: flowId },
  );
  const scopeKey = from.parentKey!;
  if (join) {
    ctx.later(() => tryJoin(ctx, scopeKey, target));
  } else {
    scheduleActivation(ctx, { elementId: target.id, instanceKey: from.instanceKey, flowScopeKey: scopeKey, ...(trigger ? { trigger } : {}) });
  }
}

function isJoin(element: ExecutableElement): boolean {
  return (element.kind === 'parallelGateway' || element.kind === 'inclusiveGateway') && element.incoming.length > 1;
}

function tryJoin(ctx: ProcessingContext, scopeKey: string, gateway: ExecutableElement): void {
  const scope = ctx.instance(scopeKey);
  if (!scope || scope.state !== 'activated' || ctx.interrupted.has(scopeKey)) return;
  const waiting = scope.joins?.[gateway.id];
  if (!waiting?.length) return;
  let consumed: string[];
  if (gateway.kind === 'parallelGateway') {
    if (!gateway.incoming.every((flow) => waiting.includes(flow))) return;
    consumed = [...gateway.incoming];
  } else {
    if (inclusiveJoinCanStillReceive(ctx, scope, gateway)) return;
    consumed = [...new Set(waiting)];
  }
  activate(ctx, { elementId: gateway.id, instanceKey: scope.instanceKey, flowScopeKey: scopeKey, consumedFlows: consumed });
}

/** An inclusive join waits while any token in its scope can still reach it. */
function inclusiveJoinCanStillReceive(ctx: ProcessingContext, scope: ElementInstanceState, gateway: ExecutableElement): boolean {
  const upstream = new Set(gateway.upstream ?? []);
  if (!upstream.size) return false;
  for (const child of ctx.childrenOf(scope.key)) if (upstream.has(child.elementId)) return true;
  for (const elementId of ctx.pending.in(scope.key)) if (upstream.has(elementId)) return true;
  for (const [other, flows] of Object.entries(scope.joins ?? {})) if (other !== gateway.id && flows.length && upstream.has(other)) return true;
  return false;
}

function recheckInclusiveJoins(ctx: ProcessingContext, scopeKey: string): void {
  const scope = ctx.instance(scopeKey);
  if (!scope?.joins) return;
  const model = ctx.modelOf(scope.instanceKey);
  for (const gatewayId of Object.keys(scope.joins)) {
    const gateway = model.elements[gatewayId]!;
    if (gateway.kind === 'inclusiveGateway') ctx.later(() => tryJoin(ctx, scopeKey, gateway));
  }
}

/** After a child left a scope without taking a flow: complete the scope when nothing is left in it. */
export function scopeMayComplete(ctx: ProcessingContext, scopeKey: string): void {
  recheckInclusiveJoins(ctx, scopeKey);
  ctx.later(() => {
    const scope = ctx.instance(scopeKey);
    if (!scope || scope.state !== 'activated' || scope.role === 'body') return;
    if (scope.activeChildren > 0 || ctx.pending.in(scopeKey).length) return;
    if (scope.joins && !ctx.interrupted.has(scopeKey)) return;
    complete(ctx, scopeKey);
  });
}

/** Terminate an element instance and everything below it, at once and in order: children first. */
export function terminate(ctx: ProcessingContext, key: string): void {
  const ei = ctx.instance(key);
  if (!ei || ei.state === 'terminating') return;
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_TERMINATING', key, lifecycleValue(ctx, ei), where(ei));
  for (const child of ctx.childrenOf(key)) terminate(ctx, child.key);
  if (ei.calledInstanceKey) terminate(ctx, ei.calledInstanceKey);
  unsubscribeAll(ctx, ei);
  ctx.services.behaviorFor(ei, ei.role === 'process' ? undefined : ctx.elementOf(ei)).terminating?.(ctx, ei);
  if (ei.incidentKey) {
    const incident = ctx.tree.incidents[ei.incidentKey];
    if (incident) ctx.write('INCIDENT', 'RESOLVED', incident.key, incidentValue(incident), { instanceKey: incident.instanceKey, elementId: incident.elementId });
  }
  ctx.write('PROCESS_INSTANCE', 'ELEMENT_TERMINATED', key, lifecycleValue(ctx, ei), where(ei));
}

/** Terminate every child of a scope so an interrupting event can take over; in-flight tokens of the scope die too. */
export function interruptScope(ctx: ProcessingContext, scopeKey: string): void {
  ctx.interrupted.add(scopeKey);
  for (const child of ctx.childrenOf(scopeKey)) terminate(ctx, child.key);
}

export function lifecycleValue(ctx: ProcessingContext, ei: ElementInstanceState): Record<string, string | number | undefined> {
  const instance = ctx.tree.instances[ei.instanceKey]!;
  const element = ei.role === 'process' ? undefined : ctx.modelOf(ei.instanceKey).elements[ei.elementId];
  return {
    bpmnElementType: ei.role === 'process' ? 'process' : ei.role === 'body' ? 'multiInstanceBody' : element?.kind,
    elementId: ei.elementId,
    flowScopeKey: ei.parentKey,
    processInstanceKey: ei.instanceKey,
    processDefinitionKey: instance.processKey,
    bpmnProcessId: instance.processId,
    version: instance.version,
    loopCounter: ei.loopCounter,
  };
}

export function where(ei: ElementInstanceState): { instanceKey: string; elementId: string } {
  return { instanceKey: ei.instanceKey, elementId: ei.elementId };
}

function raise(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  type: IncidentType,
  message: string,
  retry: 'activate' | 'complete',
): void {
  createIncident(ctx, ei, type, message, retry);
}

export function incidentValue(incident: { type: string; message: string; elementInstanceKey: string; elementId: string; instanceKey: string; jobKey?: string }): Record<string, string | undefined> {
  return {
    errorType: incident.type,
    errorMessage: incident.message,
    elementInstanceKey: incident.elementInstanceKey,
    elementId: incident.elementId,
    processInstanceKey: incident.instanceKey,
    jobKey: incident.jobKey,
  };
}

/**
 * Evaluate io mappings in order; each result is visible to the next mapping,
 * as in Zeebe where the mappings form one FEEL context.
 */
export function evaluateMappings(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  element: ExecutableElement,
  which: 'inputs' | 'outputs',
): { ok: true; value: Variables } | { ok: false; message: string } {
  const scopeKey = which === 'inputs' ? (ei.parentKey ?? ei.key) : ei.key;
  const base = ctx.visibleVariables(scopeKey);
  if (which === 'inputs') Object.assign(base, ctx.tree.variables[ei.key] ?? {});
  const result: Variables = {};
  for (const mapping of element[which]) {
    const evaluated = ctx.services.evaluator.evaluate(
      mapping.source,
      { ...base, ...result },
      'any',
      `the ${which === 'inputs' ? 'input' : 'output'} mapping '${mapping.target}' of element '${element.id}'`,
    );
    if (!evaluated.ok) return evaluated;
    assignPath(result, mapping.target, ctx.services.evaluator.toJson(evaluated.value), base);
  }
  return { ok: true, value: result };
}

/** Targets may be paths (`a.b.c`): nested objects are merged with what is already visible. */
function assignPath(into: Variables, target: string, value: Variables[string], visible: Variables): void {
  const parts = target.split('.');
  if (parts.length === 1) {
    into[target] = value;
    return;
  }
  const head = parts[0]!;
  const existing = into[head] ?? visible[head];
  const root: Record<string, Variables[string]> =
    existing && typeof existing === 'object' && !Array.isArray(existing) ? structuredClone(existing) : {};
  let cursor = root;
  for (const part of parts.slice(1, -1)) {
    const next = cursor[part];
    cursor = cursor[part] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
  }
  cursor[parts[parts.length - 1]!] = value;
  into[head] = root;
}

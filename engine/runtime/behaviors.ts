import type { ElementKind, ExecutableElement } from '../model/types.js';
import type { ProcessingContext } from './context.js';
import { acceptVariables, type Trigger } from './variables.js';
import { throwError } from './errors.js';
import { createJob, evaluateJob } from './jobs.js';
import {
  activate,
  complete,
  interruptScope,
  scheduleActivation,
  scopeMayComplete,
  takeOutgoing,
  terminate,
} from './lifecycle.js';
import { subscribeEventGateway, subscribeEventSubProcesses, subscribeToMessage, subscribeToTimer } from './subscriptions.js';
import type { ElementInstanceState, IncidentType, JsonValue, Variables } from './state.js';
import { cancelUserTask, createUserTask, evaluateUserTask } from './userTasks.js';

export type ActivationOutcome =
  | { readonly kind: 'wait'; readonly value?: Record<string, JsonValue | undefined>; readonly after?: () => void }
  | { readonly kind: 'complete'; readonly flows?: readonly string[]; readonly value?: Record<string, JsonValue | undefined>; readonly after?: () => void }
  | { readonly kind: 'incident'; readonly type: IncidentType; readonly message: string };

export type Check = { readonly ok: true } | { readonly ok: false; readonly type: IncidentType; readonly message: string };

/** What an element kind does at each step of its lifecycle. */
export interface ElementBehavior {
  activate(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement | undefined, trigger?: Trigger): ActivationOutcome;
  /** Last step before COMPLETED that may fail (and raise an incident). */
  completing?(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement | undefined): Check;
  /** After COMPLETED: where the token goes. */
  completed(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement | undefined, flows?: readonly string[]): void;
  /** Cancel what the element owns besides subscriptions (jobs, tasks). */
  terminating?(ctx: ProcessingContext, ei: ElementInstanceState): void;
}

const WAIT: ActivationOutcome = { kind: 'wait' };
const COMPLETE: ActivationOutcome = { kind: 'complete' };

const leave: ElementBehavior['completed'] = (ctx, ei, element, flows) => takeOutgoing(ctx, ei, element!, flows);

const passThrough: ElementBehavior = {
  activate: (ctx, ei, element, trigger) => {
    if (trigger) acceptVariables(ctx, ei, element, trigger.variables);
    return COMPLETE;
  },
  completed: leave,
};

const jobTask: ElementBehavior = {
  activate(ctx, ei, element) {
    if (element!.script && !element!.job) return runScript(ctx, ei, element!);
    const job = evaluateJob(ctx, ei, element!);
    if (!job.ok) return { kind: 'incident', type: 'EXTRACT_VALUE_ERROR', message: job.message };
    return { kind: 'wait', after: () => createJob(ctx, ei, element!, job.value) };
  },
  completed: leave,
  terminating(ctx, ei) {
    const job = ei.jobKey ? ctx.tree.jobs[ei.jobKey] : undefined;
    if (job) ctx.write('JOB', 'CANCELED', job.key, { elementInstanceKey: job.elementInstanceKey, type: job.type }, { instanceKey: job.instanceKey, elementId: job.elementId });
  },
};

function runScript(ctx: ProcessingContext, ei: ElementInstanceState, element: ExecutableElement): ActivationOutcome {
  const script = element.script!;
  const result = ctx.services.evaluator.evaluate(
    { kind: 'feel', source: script.expression },
    ctx.visibleVariables(ei.key),
    'any',
    `the script of task '${element.id}'`,
  );
  if (!result.ok) return { kind: 'incident', type: 'EXTRACT_VALUE_ERROR', message: result.message };
  acceptVariables(ctx, ei, element, { [script.resultVariable]: ctx.services.evaluator.toJson(result.value) });
  return COMPLETE;
}

const userTask: ElementBehavior = {
  activate(ctx, ei, element) {
    const task = evaluateUserTask(ctx, ei, element!);
    if (!task.ok) return { kind: 'incident', type: 'USER_TASK_ERROR', message: task.message };
    return { kind: 'wait', after: () => createUserTask(ctx, ei, element!, task.value) };
  },
  completed: leave,
  terminating: (ctx, ei) => cancelUserTask(ctx, ei),
};

const messageWait: ElementBehavior = {
  activate(ctx, ei, element, trigger) {
    if (trigger) {
      acceptVariables(ctx, ei, element, trigger.variables);
      return COMPLETE;
    }
    const event = element!.event;
    if (event?.type === 'timer') {
      const opened = subscribeToTimer(ctx, ei, element!, event.timer, 'catch', ei.key);
      return opened.ok ? WAIT : { kind: 'incident', type: opened.type, message: opened.message };
    }
    if (event?.type === 'message') {
      const opened = subscribeToMessage(ctx, ei, element!, event.message, 'catch', ei.key, true);
      return opened.ok ? WAIT : { kind: 'incident', type: opened.type, message: opened.message };
    }
    return COMPLETE;
  },
  completed: leave,
};

const throwEvent: ElementBehavior = {
  activate(ctx, ei, element) {
    if (element!.job) return jobTask.activate(ctx, ei, element);
    return COMPLETE;
  },
  completed: leave,
  terminating: jobTask.terminating!,
};

const endEvent: ElementBehavior = {
  activate(ctx, ei, element) {
    const event = element!.event;
    if (element!.job) return jobTask.activate(ctx, ei, element);
    if (event?.type === 'error') {
      const code = event.error.errorCode
        ? ctx.services.evaluator.evaluate(event.error.errorCode, ctx.visibleVariables(ei.key), 'string', `the error code of end event '${element!.id}'`)
        : { ok: false as const, message: `Expected an error code on end event '${element!.id}'` };
      if (!code.ok) return { kind: 'incident', type: 'EXTRACT_VALUE_ERROR', message: code.message };
      const thrown = throwError(ctx, ei, String(code.value), undefined, {});
      if (!thrown.ok) return { kind: 'incident', type: 'UNHANDLED_ERROR_EVENT', message: thrown.message };
      return { kind: 'wait', after: thrown.after };
    }
    return COMPLETE;
  },
  completed(ctx, ei, element) {
    if (element!.event?.type === 'terminate' && ei.parentKey) {
      interruptScope(ctx, ei.parentKey);
      scopeMayComplete(ctx, ei.parentKey);
      return;
    }
    takeOutgoing(ctx, ei, element!);
  },
  terminating: jobTask.terminating!,
};

const boundaryEvent: ElementBehavior = passThrough;

const exclusiveGateway: ElementBehavior = {
  activate(ctx, ei, element) {
    const chosen = chooseFlows(ctx, ei, element!, 'first');
    return chosen.ok ? { kind: 'complete', flows: chosen.flows } : { kind: 'incident', type: 'CONDITION_ERROR', message: chosen.message };
  },
  completed: leave,
};

const inclusiveGateway: ElementBehavior = {
  activate(ctx, ei, element) {
    const chosen = chooseFlows(ctx, ei, element!, 'all');
    return chosen.ok ? { kind: 'complete', flows: chosen.flows } : { kind: 'incident', type: 'CONDITION_ERROR', message: chosen.message };
  },
  completed: leave,
};

function chooseFlows(
  ctx: ProcessingContext,
  ei: ElementInstanceState,
  element: ExecutableElement,
  mode: 'first' | 'all',
): { ok: true; flows: string[] } | { ok: false; message: string } {
  const model = ctx.modelOf(ei.instanceKey);
  const variables = ctx.visibleVariables(ei.key);
  const taken: string[] = [];
  for (const flowId of element.outgoing) {
    if (flowId === element.defaultFlow) continue;
    const condition = model.flows[flowId]!.condition;
    if (condition === undefined) {
      taken.push(flowId);
    } else {
      const result = ctx.services.evaluator.evaluate({ kind: 'feel', source: condition }, variables, 'boolean', `the condition of flow '${flowId}'`);
      if (!result.ok) return result;
      if (result.value === true) taken.push(flowId);
    }
    if (mode === 'first' && taken.length) return { ok: true, flows: taken };
  }
  if (taken.length) return { ok: true, flows: taken };
  if (element.defaultFlow) return { ok: true, flows: [element.defaultFlow] };
  if (!element.outgoing.length) return { ok: true, flows: [] };
  return {
    ok: false,
    message: `Expected at least one condition of gateway '${element.id}' to evaluate to true, or a default flow, but none did`,
  };
}

const parallelGateway: ElementBehavior = { activate: () => COMPLETE, completed: leave };

const eventBasedGateway: ElementBehavior = {
  activate(ctx, ei, element) {
    const opened = subscribeEventGateway(ctx, ei, element!);
    return opened.ok ? WAIT : { kind: 'incident', type: opened.type, message: opened.message };
  },
  completed: leave,
};

const subProcess: ElementBehavior = {
  activate(ctx, ei, element) {
    const opened = subscribeEventSubProcesses(ctx, ei, element!.eventSubProcesses ?? []);
    if (!opened.ok) return { kind: 'incident', type: opened.type, message: opened.message };
    return {
      kind: 'wait',
      after: () => scheduleActivation(ctx, { elementId: element!.noneStart!, instanceKey: ei.instanceKey, flowScopeKey: ei.key }),
    };
  },
  completed: leave,
};

const eventSubProcess: ElementBehavior = {
  activate(ctx, ei, element, trigger) {
    return {
      kind: 'wait',
      after: () =>
        scheduleActivation(ctx, {
          elementId: element!.eventStart!,
          instanceKey: ei.instanceKey,
          flowScopeKey: ei.key,
          trigger: trigger ?? { variables: {} },
        }),
    };
  },
  completed(ctx, ei) {
    if (ei.parentKey) scopeMayComplete(ctx, ei.parentKey);
  },
};

const callActivity: ElementBehavior = {
  activate(ctx, ei, element) {
    const call = element!.callActivity!;
    const id = ctx.services.evaluator.evaluate(call.processId, ctx.visibleVariables(ei.key), 'string', `the called process id of call activity '${element!.id}'`);
    if (!id.ok) return { kind: 'incident', type: 'EXTRACT_VALUE_ERROR', message: id.message };
    const processId = String(id.value);
    const definition = ctx.latestDefinition(processId);
    if (!definition) {
      return {
        kind: 'incident',
        type: 'CALLED_ELEMENT_ERROR',
        message: `Expected a deployed process with id '${processId}' for call activity '${element!.id}', but none is deployed`,
      };
    }
    if (!definition.model.noneStart) {
      return {
        kind: 'incident',
        type: 'CALLED_ELEMENT_ERROR',
        message: `Expected process '${processId}' called by '${element!.id}' to have a none start event, but it has none`,
      };
    }
    const variables = call.propagateAllParentVariables ? ctx.visibleVariables(ei.key) : { ...(ctx.tree.variables[ei.key] ?? {}) };
    return {
      kind: 'wait',
      after: () => {
        const childKey = ctx.newKey();
        startProcessInstance(ctx, childKey, definition.key, definition.model.noneStart!, variables, {
          parentProcessInstanceKey: ei.instanceKey,
          parentElementInstanceKey: ei.key,
        });
      },
    };
  },
  completed: leave,
};

const processBehavior: ElementBehavior = {
  activate(ctx, ei) {
    const model = ctx.modelOf(ei.instanceKey);
    const opened = subscribeEventSubProcesses(ctx, ei, model.eventSubProcesses);
    if (!opened.ok) return { kind: 'incident', type: opened.type, message: opened.message };
    const start = ctx.processStarts.get(ei.key);
    const elementId = start?.elementId ?? model.noneStart!;
    return {
      kind: 'wait',
      after: () => scheduleActivation(ctx, { elementId, instanceKey: ei.key, flowScopeKey: ei.key, ...(start?.trigger ? { trigger: start.trigger } : {}) }),
    };
  },
  completing(ctx, ei) {
    // The instance's variables are gone once it is completed; a calling activity still needs them.
    ctx.endedScopeVariables.set(ei.key, { ...(ctx.tree.variables[ei.key] ?? {}) });
    return { ok: true };
  },
  completed(ctx, ei) {
    const instance = ctx.tree.instances[ei.instanceKey]!;
    const callerKey = instance.parentElementInstanceKey;
    if (!callerKey) return;
    const caller = ctx.instance(callerKey);
    if (!caller || caller.state !== 'activated') return;
    const element = ctx.elementOf(caller);
    const call = element.callActivity!;
    const childVariables = ctx.endedScopeVariables.get(ei.key) ?? {};
    // Output mappings read the child's variables from the call activity's scope and decide what leaves it.
    if (element.outputs.length) ctx.setLocal(caller.key, childVariables);
    else if (call.propagateAllChildVariables) ctx.propagate(caller.key, childVariables);
    ctx.later(() => complete(ctx, caller.key));
  },
};

const multiInstanceBody: ElementBehavior = {
  activate(ctx, ei, element) {
    const mi = element!.multiInstance!;
    const collection = ctx.services.evaluator.evaluate(
      mi.inputCollection,
      ctx.visibleVariables(ei.key),
      'list',
      `the input collection of multi-instance '${element!.id}'`,
    );
    if (!collection.ok) return { kind: 'incident', type: 'EXTRACT_VALUE_ERROR', message: collection.message };
    const items = ctx.services.evaluator.toJson(collection.value) as JsonValue[];
    if (mi.outputCollection) ctx.setLocal(ei.key, { [mi.outputCollection]: items.map(() => null) });
    return {
      kind: 'wait',
      value: { inputCollection: items },
      after: () => {
        if (!items.length) ctx.later(() => complete(ctx, ei.key));
        else if (mi.sequential) startIteration(ctx, ei, element!, 0);
        else items.forEach((_, index) => startIteration(ctx, ei, element!, index));
      },
    };
  },
  completing(ctx, ei, element) {
    const name = element!.multiInstance!.outputCollection;
    if (name && ei.parentKey) ctx.propagate(ei.parentKey, { [name]: ctx.tree.variables[ei.key]?.[name] ?? [] });
    return { ok: true };
  },
  completed: leave,
};

function startIteration(ctx: ProcessingContext, body: ElementInstanceState, element: ExecutableElement, index: number): void {
  const mi = element.multiInstance!;
  const item = body.mi!.collection[index] ?? null;
  scheduleActivation(ctx, {
    elementId: element.id,
    instanceKey: body.instanceKey,
    flowScopeKey: body.key,
    role: 'inner',
    loopCounter: index + 1,
    locals: { ...(mi.inputElement ? { [mi.inputElement]: item } : {}), loopCounter: index + 1 },
  });
}

/** Wraps an element's own behaviour for one iteration of a multi-instance body. */
function innerOf(inner: ElementBehavior): ElementBehavior {
  return {
    ...inner,
    completing(ctx, ei, element) {
      const own = inner.completing?.(ctx, ei, element);
      if (own && !own.ok) return own;
      const mi = element!.multiInstance!;
      const body = ctx.instance(ei.parentKey!)!;
      if (mi.outputCollection && mi.outputElement) {
        const value = ctx.services.evaluator.evaluate(mi.outputElement, ctx.visibleVariables(ei.key), 'any', `the output element of multi-instance '${element!.id}'`);
        if (!value.ok) return { ok: false, type: 'EXTRACT_VALUE_ERROR', message: value.message };
        const collection = [...((ctx.tree.variables[body.key]?.[mi.outputCollection] as JsonValue[] | undefined) ?? [])];
        collection[ei.loopCounter! - 1] = ctx.services.evaluator.toJson(value.value);
        ctx.setLocal(body.key, { [mi.outputCollection]: collection });
      }
      if (mi.completionCondition) {
        // Evaluated in the completing iteration's scope: it sees the iteration's item and results.
        const done = ctx.services.evaluator.evaluate(
          { kind: 'feel', source: mi.completionCondition },
          {
            ...ctx.visibleVariables(ei.key),
            numberOfInstances: body.mi!.collection.length,
            numberOfCompletedInstances: body.mi!.completed + 1,
            numberOfActiveInstances: body.activeChildren - 1,
          },
          'boolean',
          `the completion condition of multi-instance '${element!.id}'`,
        );
        if (!done.ok) return { ok: false, type: 'CONDITION_ERROR', message: done.message };
        if (done.value === true) ctx.satisfiedBodies.add(body.key);
      }
      return { ok: true };
    },
    completed(ctx, ei, element) {
      const body = ctx.instance(ei.parentKey!);
      if (!body || body.state !== 'activated') return;
      const mi = element!.multiInstance!;
      if (ctx.satisfiedBodies.has(body.key)) {
        for (const child of ctx.childrenOf(body.key)) terminate(ctx, child.key);
        ctx.later(() => complete(ctx, body.key));
        return;
      }
      if (mi.sequential && body.mi!.next < body.mi!.collection.length) startIteration(ctx, body, element!, body.mi!.next);
      else if (body.activeChildren === 0) ctx.later(() => complete(ctx, body.key));
    },
  };
}

const behaviors: { [K in ElementKind]: ElementBehavior } = {
  startEvent: passThrough,
  endEvent,
  intermediateCatchEvent: messageWait,
  intermediateThrowEvent: throwEvent,
  boundaryEvent,
  task: passThrough,
  manualTask: passThrough,
  userTask,
  serviceTask: jobTask,
  sendTask: jobTask,
  scriptTask: jobTask,
  businessRuleTask: jobTask,
  receiveTask: messageWait,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  subProcess,
  eventSubProcess,
  callActivity,
};

const innerBehaviors = new Map<ElementKind, ElementBehavior>();

export function behaviorFor(ei: ElementInstanceState, element: ExecutableElement | undefined): ElementBehavior {
  if (ei.role === 'process') return processBehavior;
  if (ei.role === 'body') return multiInstanceBody;
  const own = behaviors[element!.kind];
  if (ei.role !== 'inner') return own;
  let inner = innerBehaviors.get(element!.kind);
  if (!inner) innerBehaviors.set(element!.kind, (inner = innerOf(own)));
  return inner;
}

/** Create a process instance (a root, or a child of a call activity) and start it at `startElementId`. */
export function startProcessInstance(
  ctx: ProcessingContext,
  key: string,
  processDefinitionKey: string,
  startElementId: string,
  variables: Variables,
  parent?: { parentProcessInstanceKey: string; parentElementInstanceKey: string },
  trigger?: Trigger,
): void {
  ctx.processStarts.set(key, { elementId: startElementId, ...(trigger ? { trigger } : {}) });
  activate(ctx, {
    elementId: ctx.definition(processDefinitionKey).processId,
    instanceKey: key,
    key,
    role: 'process',
    locals: variables,
    process: { processDefinitionKey, ...(parent ?? {}) },
  });
}

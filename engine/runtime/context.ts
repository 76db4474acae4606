import type { ExecutableElement, ExecutableProcess } from '../model/types.js';
import type { ElementBehavior } from './behaviors.js';
import { applyEvent } from './appliers.js';
import type { EngineEvent, IntentOf, ValueType } from './events.js';
import {
  type Clock,
  type DefinitionLookup,
  DefinitionNeeded,
  type ExpressionEvaluator,
  type IdGenerator,
  type ProcessDefinition,
} from './ports.js';
import { type ElementInstanceState, type JsonValue, type TreeState, type Variables, visibleVariables } from './state.js';

/** Finds what an element kind does at each lifecycle step (see behaviors.ts); injected so the lifecycle does not depend on every kind. */
export type BehaviorLookup = (ei: ElementInstanceState, element: ExecutableElement | undefined) => ElementBehavior;

export interface RuntimeServices {
  readonly behaviorFor: BehaviorLookup;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly evaluator: ExpressionEvaluator;
  readonly definitions: DefinitionLookup;
  readonly utcOffsetMinutes: number;
}

/** A message subscription opened during the command; the executor checks buffered messages for it. */
export interface OpenedSubscription {
  readonly key: string;
  readonly messageName: string;
  readonly correlationKey: string;
  readonly processId: string;
}

/**
 * The state and output of one command on one instance tree. Processing code
 * reads the tree and writes events; `write` applies each event at once so the
 * next step sees the new state.
 */
export class ProcessingContext {
  readonly events: EngineEvent[] = [];
  readonly openedSubscriptions: OpenedSubscription[] = [];
  private readonly queue: Array<() => void> = [];
  /** Scopes an interrupting event or a terminate end event took over during this command. */
  readonly interrupted = new Set<string>();
  /** Activations queued but not yet run, by flow scope: tokens in flight that joins and scopes must wait for. */
  readonly pending = new PendingActivations();
  /** Variables of process instances that completed in this command, for the call activities waiting on them. */
  readonly endedScopeVariables = new Map<string, Variables>();
  /** Where process instances created in this command start, and with which trigger. */
  readonly processStarts = new Map<string, { elementId: string; trigger?: { variables: Variables } }>();
  /** Multi-instance bodies whose completion condition held in this command. */
  readonly satisfiedBodies = new Set<string>();
  readonly now: Date;
  readonly at: string;

  constructor(
    readonly tree: TreeState,
    readonly services: RuntimeServices,
  ) {
    this.now = services.clock.now();
    this.at = formatInstant(this.now, services.utcOffsetMinutes);
  }

  newKey(): string {
    return this.services.ids();
  }

  write<V extends ValueType>(
    valueType: V,
    intent: IntentOf<V>,
    key: string,
    value: Record<string, JsonValue | undefined>,
    where: { instanceKey?: string; elementId?: string } = {},
  ): EngineEvent {
    const clean: Record<string, JsonValue> = {};
    for (const [name, v] of Object.entries(value)) if (v !== undefined) clean[name] = v;
    const event = {
      valueType,
      intent,
      key,
      rootKey: this.tree.rootKey,
      at: this.at,
      value: clean,
      ...(where.instanceKey ? { instanceKey: where.instanceKey } : {}),
      ...(where.elementId ? { elementId: where.elementId } : {}),
    } as EngineEvent;
    this.events.push(event);
    applyEvent(this.tree, event);
    return event;
  }

  /** Queue a follow-up step; steps run in order after the current one, like Zeebe's follow-up commands. */
  later(step: () => void): void {
    this.queue.push(step);
  }

  drain(): void {
    for (let step = this.queue.shift(); step; step = this.queue.shift()) step();
  }

  // ---- definitions ----

  definition(processKey: string): ProcessDefinition {
    const found = this.services.definitions.byKey(processKey);
    if (!found) throw new DefinitionNeeded('key', processKey);
    return found;
  }

  /** The newest deployed version, or null when none is deployed. */
  latestDefinition(processId: string): ProcessDefinition | null {
    const found = this.services.definitions.latest(processId);
    if (found === undefined) throw new DefinitionNeeded('processId', processId);
    return found;
  }

  modelOf(instanceKey: string): ExecutableProcess {
    const instance = this.tree.instances[instanceKey];
    if (!instance) throw new Error(`Process instance '${instanceKey}' is not part of tree '${this.tree.rootKey}'`);
    return this.definition(instance.processKey).model;
  }

  elementOf(ei: ElementInstanceState): ExecutableElement {
    const model = this.modelOf(ei.instanceKey);
    const element = model.elements[ei.elementId];
    if (!element) throw new Error(`Element '${ei.elementId}' is not in process '${model.id}'`);
    return element;
  }

  instance(key: string): ElementInstanceState | undefined {
    return this.tree.elements[key];
  }

  childrenOf(scopeKey: string): ElementInstanceState[] {
    return Object.values(this.tree.elements)
      .filter((ei) => ei.parentKey === scopeKey)
      .sort((a, b) => compareKeys(a.key, b.key));
  }

  // ---- variables ----

  visibleVariables(scopeKey: string): Variables {
    return visibleVariables(this.tree, scopeKey);
  }

  setLocal(scopeKey: string, variables: Variables): void {
    const ei = this.tree.elements[scopeKey];
    const instanceKey = ei?.instanceKey ?? scopeKey;
    for (const [name, value] of Object.entries(variables)) this.setVariable(scopeKey, instanceKey, name, value);
  }

  /**
   * Zeebe's merge: each variable updates the nearest scope (from `fromScopeKey`
   * upwards, within the process instance) that already has it, or is created
   * on the process instance scope.
   */
  propagate(fromScopeKey: string, variables: Variables): void {
    const start = this.tree.elements[fromScopeKey];
    if (!start) return;
    const instanceKey = start.instanceKey;
    for (const [name, value] of Object.entries(variables)) {
      let target = instanceKey;
      for (let key: string | undefined = fromScopeKey; key; key = this.tree.elements[key]?.parentKey) {
        if (this.tree.variables[key] && name in this.tree.variables[key]!) {
          target = key;
          break;
        }
      }
      this.setVariable(target, instanceKey, name, value);
    }
  }

  private setVariable(scopeKey: string, instanceKey: string, name: string, value: JsonValue): void {
    const scope = this.tree.variables[scopeKey];
    const exists = scope !== undefined && name in scope;
    if (exists && JSON.stringify(scope[name]) === JSON.stringify(value)) return;
    this.write('VARIABLE', exists ? 'UPDATED' : 'CREATED', `${scopeKey}:${name}`, {
      name,
      value,
      scopeKey,
      processInstanceKey: instanceKey,
    }, { instanceKey });
  }
}

/** Keys are time-ordered strings of equal length or counters; compare by length then lexically. */
export function compareKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** ISO 8601 with the calendar zone's offset, e.g. 2026-02-13T10:00:00.000+07:00. */
export function formatInstant(instant: Date, utcOffsetMinutes: number): string {
  const local = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  const sign = utcOffsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(utcOffsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return local.toISOString().replace('Z', offset);
}

export class PendingActivations {
  private readonly byScope = new Map<string, string[]>();

  add(scopeKey: string, elementId: string): void {
    const list = this.byScope.get(scopeKey);
    if (list) list.push(elementId);
    else this.byScope.set(scopeKey, [elementId]);
  }

  remove(scopeKey: string, elementId: string): void {
    const list = this.byScope.get(scopeKey);
    if (!list) return;
    const at = list.indexOf(elementId);
    if (at >= 0) list.splice(at, 1);
    if (!list.length) this.byScope.delete(scopeKey);
  }

  in(scopeKey: string): readonly string[] {
    return this.byScope.get(scopeKey) ?? [];
  }
}

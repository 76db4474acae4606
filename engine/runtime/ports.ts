import type { ExecutableProcess, Expression } from '../model/types.js';
import type { JsonValue, Variables } from './state.js';

/** The clock the engine reads; a virtual clock drives tests and simulation. */
export interface Clock {
  now(): Date;
}

/** Generates record keys; injected so runs can be reproduced exactly. */
export type IdGenerator = () => string;

export type Expected = 'any' | 'boolean' | 'string' | 'number' | 'list' | 'dateTime' | 'duration' | 'stringList';

export type Evaluation<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** What the runtime needs from FEEL: typed evaluation with messages that name what was evaluated. */
export interface ExpressionEvaluator {
  /** With `optional`, an empty static value or a null FEEL result gives `undefined` instead of a type error. */
  evaluate(expression: Expression, variables: Variables, expected: Expected, what: string, options?: { optional?: boolean }): Evaluation;
  /** Convert an evaluation result (FEEL value) to a JSON variable value. */
  toJson(value: unknown): JsonValue;
}

/** One deployed version of a process. */
export interface ProcessDefinition {
  /** Unique key of this version. */
  readonly key: string;
  readonly processId: string;
  readonly version: number;
  readonly model: ExecutableProcess;
}

/** Deployed processes the runtime may need while processing a command. */
export interface DefinitionLookup {
  byKey(key: string): ProcessDefinition | undefined;
  /** The newest version; `null` when no version is deployed, `undefined` when not looked up yet. */
  latest(processId: string): ProcessDefinition | null | undefined;
}

/**
 * Thrown by the runtime when a definition is not in the lookup yet; the command
 * executor loads it and runs the command again from the stored state.
 */
export class DefinitionNeeded extends Error {
  constructor(
    readonly by: 'key' | 'processId',
    readonly value: string,
  ) {
    super(`Process definition ${by === 'key' ? 'with key' : 'with id'} '${value}' is not loaded`);
    this.name = 'DefinitionNeeded';
  }
}

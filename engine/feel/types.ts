import type { WorkingCalendar } from '../calendar/types.js';
import type { Expression } from '../model/types.js';
import type { IsoDuration } from './timers.js';

/** A process variable value as it is stored: what JSON can hold. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface SourcePosition {
  /** Zero-based offset of the first character. */
  readonly from: number;
  /** Zero-based offset after the last character. */
  readonly to: number;
}

/**
 * Something that turned a part of an expression into `null` without failing it
 * (missing variable, wrong argument type…). The position is absent for
 * warnings raised inside the engine's own functions.
 */
export interface FeelWarning {
  readonly type: string;
  readonly message: string;
  readonly position?: SourcePosition;
}

export interface FeelSuccess<T> {
  readonly ok: true;
  readonly value: T;
  readonly warnings: readonly FeelWarning[];
}

export interface FeelFailure {
  readonly ok: false;
  readonly code: 'FEEL_SYNTAX' | 'FEEL_EVALUATION';
  readonly message: string;
  /** Where the syntax error is; present for `FEEL_SYNTAX`. */
  readonly position?: SourcePosition;
}

/** The value did not have the type the caller asked for. */
export interface FeelTypeFailure {
  readonly ok: false;
  readonly code: 'FEEL_TYPE';
  readonly message: string;
}

export type FeelResult = FeelSuccess<unknown> | FeelFailure;

export type TypedFeelResult<T> = FeelSuccess<T> | FeelFailure | FeelTypeFailure;

/** What the runtime receives for each kind it can ask `evaluateAs` for. */
export interface ExpectedValues {
  any: JsonValue;
  boolean: boolean;
  string: string;
  number: number;
  list: JsonValue[];
  dateTime: Date;
  duration: IsoDuration;
  stringList: string[];
}

export type ExpectedType = keyof ExpectedValues;

export interface FeelOptions {
  readonly calendar: WorkingCalendar;
  readonly clock: () => Date;
  /** Source of `uuid()`; a random v4 UUID when absent. */
  readonly uuid?: () => string;
}

export interface Feel {
  /** Evaluate an expression (without the leading `=`). Never throws. */
  evaluate(source: string, variables: Readonly<Record<string, unknown>>): FeelResult;
  /**
   * Evaluate a model attribute and check the result's type; `what` names the
   * attribute in messages, e.g. "the condition of flow 'f3'".
   */
  evaluateAs<K extends ExpectedType>(
    expression: Expression,
    variables: Readonly<Record<string, unknown>>,
    expected: K,
    what: string,
    /** `optional`: an empty static value or a null result is no value (`undefined`), not a type error. */
    options?: { readonly optional?: boolean },
  ): TypedFeelResult<ExpectedValues[K]>;
  /** Convert a FEEL value to the JSON value Zeebe would store as a variable. */
  toJson(value: unknown): JsonValue;
  /** Syntax check at deploy: `null` when the expression parses, otherwise a sentence naming the position. */
  check(source: string): string | null;
}

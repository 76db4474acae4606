import type { WorkingCalendar } from '../calendar/types.js';
import { describeValue } from './describeValue.js';

/** What the engine's own FEEL functions may use; everything time- or id-related is injected. */
export interface FunctionEnvironment {
  readonly calendar: WorkingCalendar;
  readonly clock: () => Date;
  readonly uuid: () => string;
  readonly utcOffsetMinutes: number;
  /** Record a warning on the evaluation in progress; the function then returns `null`. */
  warn(message: string): void;
}

/**
 * A JS function as feelin calls it. `$args` carries the parameter names, which
 * feelin needs for named invocation (`string join(list: xs, delimiter: ", ")`)
 * and which it would otherwise recover from the function's source text.
 */
export type FeelCallable = ((...args: unknown[]) => unknown) & { readonly $args: readonly string[] };

export type FunctionTable = Readonly<Record<string, FeelCallable>>;

export interface FunctionSpec {
  readonly name: string;
  readonly parameters: readonly string[];
  /** How many leading parameters must be given; the rest are optional. */
  readonly required: number;
  readonly body: (args: readonly unknown[], reject: RejectArgument) => unknown;
}

/** Warn that an argument is unusable and yield the `null` the function then returns. */
export type RejectArgument = (parameter: string, expectation: string, value: unknown) => null;

export function defineFunction(spec: FunctionSpec, environment: FunctionEnvironment): FeelCallable {
  const signature = `${spec.name}(${spec.parameters.join(', ')})`;
  const reject: RejectArgument = (parameter, expectation, value) => {
    environment.warn(`Expected the argument '${parameter}' of ${signature} to be ${expectation}, but got ${describeValue(value)}`);
    return null;
  };
  const callable = (...args: unknown[]): unknown => {
    for (let index = 0; index < spec.required; index += 1) {
      // feelin passes `undefined` for a parameter left out; FEEL `null` arrives as `null`.
      if (args[index] === undefined) {
        environment.warn(`Expected the argument '${spec.parameters[index]}' of ${signature}, but it was not given`);
        return null;
      }
    }
    const result = spec.body(args, reject);
    return result === undefined ? null : result;
  };
  return Object.assign(callable, { $args: [...spec.parameters] });
}

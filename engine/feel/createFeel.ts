import { randomUUID } from 'node:crypto';
import { SyntaxError as FeelinSyntaxError, evaluate as feelinEvaluate } from 'feelin';
import { coerceFeelValue, coerceStaticValue } from './coerce.js';
import type { FunctionEnvironment } from './defineFunction.js';
import { FEEL_DIALECT, findSyntaxProblem } from './syntaxErrors.js';
import { toJson } from './toJson.js';
import type { ExpectedType, ExpectedValues, Feel, FeelOptions, FeelResult, FeelWarning, TypedFeelResult } from './types.js';
import { createWorkingTimeFunctions } from './workingTimeFunctions.js';
import { createZeebeBuiltins } from './zeebeBuiltins.js';
import type { Expression } from '../model/types.js';

/**
 * The engine's FEEL: feelin with Zeebe's extensions, working-time functions and
 * an injected clock.
 *
 * No parse cache: feelin's public API evaluates from source only (its parse
 * tree cannot be handed back to the interpreter), and the parse depends on the
 * variables in scope, because names may contain spaces.
 */
export function createFeel(options: FeelOptions): Feel {
  const utcOffsetMinutes = options.calendar.data.utcOffsetMinutes;
  // Functions run synchronously inside one evaluation, so a single slot is enough to route their warnings.
  let collecting: FeelWarning[] = [];
  const environment: FunctionEnvironment = {
    calendar: options.calendar,
    clock: options.clock,
    uuid: options.uuid ?? randomUUID,
    utcOffsetMinutes,
    warn: (message) => {
      collecting.push({ type: 'INVALID_ARGUMENTS', message });
    },
  };
  const functions = { ...createZeebeBuiltins(environment), ...createWorkingTimeFunctions(environment) };

  /** `what` names the model attribute in failure messages; absent, the expression itself is the subject. */
  function evaluate(source: string, variables: Readonly<Record<string, unknown>>, what?: string): FeelResult {
    // An expression can only use names it spells out, so only those go into the context:
    // feelin converts its whole context on every evaluation, and a dossier's variables are many.
    // Variables shadow functions of the same name, as they shadow feelin's own built-ins.
    const context: Record<string, unknown> = {};
    for (const name in functions) if (source.includes(name)) context[name] = functions[name];
    for (const name in variables) if (source.includes(name)) context[name] = variables[name];
    const outer = collecting;
    const raised: FeelWarning[] = [];
    collecting = raised;
    try {
      const { value, warnings } = feelinEvaluate(source, context, FEEL_DIALECT);
      const all: FeelWarning[] = warnings.map(({ type, message, position }) => ({ type, message, position }));
      return { ok: true, value, warnings: all.concat(raised) };
    } catch (error) {
      if (error instanceof FeelinSyntaxError) {
        const problem = findSyntaxProblem(source, context);
        const description = problem?.description ?? error.message;
        return {
          ok: false,
          code: 'FEEL_SYNTAX',
          message: `Expected ${what ? `${what} to be ` : ''}a valid FEEL expression, but ${description}: ${source}`,
          position: problem?.position ?? error.position,
        };
      }
      return {
        ok: false,
        code: 'FEEL_EVALUATION',
        message: what
          ? `Expected ${what} to evaluate, but the FEEL expression '${source}' failed: ${messageOf(error)}`
          : `Expected the FEEL expression '${source}' to evaluate, but it failed: ${messageOf(error)}`,
      };
    } finally {
      collecting = outer;
    }
  }

  function evaluateAs<K extends ExpectedType>(
    expression: Expression,
    variables: Readonly<Record<string, unknown>>,
    expected: K,
    what: string,
    options: { readonly optional?: boolean } = {},
  ): TypedFeelResult<ExpectedValues[K]> {
    if (options.optional && expression.kind === 'static' && expression.value.trim() === '') {
      return { ok: true, value: undefined as unknown as ExpectedValues[K], warnings: [] };
    }
    if (expression.kind === 'static') {
      const coerced = coerceStaticValue(expression.value, expected, what, utcOffsetMinutes);
      return coerced.ok ? { ok: true, value: coerced.value, warnings: [] } : { ok: false, code: 'FEEL_TYPE', message: coerced.message };
    }
    const result = evaluate(expression.source, variables, what);
    if (!result.ok) {
      return result;
    }
    if (options.optional && (result.value === null || result.value === undefined || result.value === '')) {
      return { ok: true, value: undefined as unknown as ExpectedValues[K], warnings: result.warnings };
    }
    const coerced = coerceFeelValue(result.value, expected, what, utcOffsetMinutes, result.warnings);
    return coerced.ok
      ? { ok: true, value: coerced.value, warnings: result.warnings }
      : { ok: false, code: 'FEEL_TYPE', message: coerced.message };
  }

  function check(source: string): string | null {
    const problem = findSyntaxProblem(source, functions);
    return problem && `Expected a valid FEEL expression, but ${problem.description}: ${source}`;
  }

  return {
    evaluate: (source, variables) => evaluate(source, variables),
    evaluateAs,
    toJson: (value) => toJson(value, utcOffsetMinutes),
    check,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

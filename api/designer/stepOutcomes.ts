import type { FormRegistry } from '../../forms/index.js';
import { isStepKind, outcomesOf, type Outcome, type StepKind } from '../dossiers/index.js';

/** The step kind a task's headers give; the desk treats a step without one as `process`. */
export function stepKindOf(headers: Readonly<Record<string, string>>): StepKind {
  return isStepKind(headers.stepKind) ? headers.stepKind : 'process';
}

/**
 * The choices a step offers, as the desk reads them: the `outcomes` header; without it
 * the step form's `outcome` enum (named by `x-enumNames`); without that the kind's defaults.
 */
export function stepOutcomes(headers: Readonly<Record<string, string>>, forms: FormRegistry): Outcome[] {
  const kind = stepKindOf(headers);
  if (headers.outcomes?.trim()) return outcomesOf(kind, headers.outcomes);
  const fromForm = formOutcomes(headers.form, forms);
  return fromForm ?? outcomesOf(kind, undefined);
}

/** The `outcome` values a step form allows, when it lists them (`enum` or `const`). */
export function formOutcomes(formId: string | undefined, forms: FormRegistry): Outcome[] | undefined {
  if (!formId || !forms.has(formId)) return undefined;
  const properties = forms.schema(formId).properties as Record<string, Record<string, unknown>> | undefined;
  const outcome = properties?.outcome;
  if (!outcome) return undefined;
  if (outcome.const !== undefined) return [{ value: String(outcome.const), label: String(outcome.title ?? outcome.const) }];
  if (!Array.isArray(outcome.enum)) return undefined;
  const names = Array.isArray(outcome['x-enumNames']) ? (outcome['x-enumNames'] as unknown[]) : [];
  return outcome.enum.map((value, index) => ({ value: String(value), label: String(names[index] ?? value) }));
}

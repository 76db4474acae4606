import type { ModelProblem } from './types.js';

/**
 * Stable problem codes. Callers (designer lint, deploy API) may switch on them,
 * so a code is never renamed; the README lists what each one means.
 */
export type ProblemCode =
  // the file
  | 'malformed-xml'
  | 'unknown-element'
  | 'unknown-attribute'
  | 'duplicate-id'
  | 'unresolved-reference'
  | 'invalid-bpmn-content'
  | 'internal-error'
  | 'no-executable-process'
  | 'process-not-executable'
  // what we do not execute
  | 'unsupported-element'
  | 'unsupported-event-definition'
  | 'unsupported-attribute'
  | 'unsupported-extension'
  | 'unsupported-execution-listeners'
  | 'unsupported-task-listeners'
  | 'unsupported-called-decision'
  | 'unsupported-embedded-form'
  | 'unsupported-binding-type'
  | 'unsupported-standard-loop'
  | 'unsupported-io-mapping'
  | 'unsupported-conditional-flow'
  | 'unsupported-timer-cycle'
  // events
  | 'missing-event-definition'
  | 'multiple-event-definitions'
  | 'invalid-event-definition'
  | 'missing-message'
  | 'missing-message-name'
  | 'missing-correlation-key'
  | 'duplicate-message-name'
  | 'missing-error-code'
  | 'duplicate-error-code'
  | 'non-interrupting-error-boundary'
  | 'non-interrupting-error-start'
  | 'error-start-outside-event-sub-process'
  | 'invalid-timer'
  | 'invalid-timer-type'
  | 'invalid-timer-duration'
  | 'invalid-timer-date'
  | 'invalid-timer-cycle'
  // expressions and variables
  | 'invalid-feel'
  | 'empty-expression'
  | 'expected-static-value'
  // tasks
  | 'missing-task-definition'
  | 'invalid-retries'
  | 'duplicate-extension'
  | 'invalid-header'
  | 'ambiguous-script-task'
  | 'incomplete-script'
  | 'ambiguous-form'
  | 'unsupported-form-reference'
  | 'unsupported-priority'
  | 'invalid-priority'
  | 'invalid-date'
  | 'missing-mapping-target'
  | 'missing-mapping-source'
  | 'missing-input-collection'
  | 'incomplete-output-collection'
  | 'missing-called-element'
  // structure
  | 'missing-start-event'
  | 'multiple-start-events'
  | 'invalid-start-event'
  | 'event-sub-process-with-flows'
  | 'start-event-with-incoming'
  | 'end-event-with-outgoing'
  | 'boundary-event-with-incoming'
  | 'boundary-event-without-outgoing'
  | 'invalid-attachment'
  | 'invalid-flow-reference'
  | 'flow-crosses-scope'
  // gateways
  | 'missing-condition'
  | 'invalid-default-flow'
  | 'condition-on-default-flow'
  | 'event-gateway-too-few-flows'
  | 'invalid-event-gateway-target'
  | 'event-gateway-target-shared';

export type Report = (elementId: string, code: ProblemCode, message: string) => void;

export interface ProblemList {
  readonly report: Report;
  readonly problems: () => readonly ModelProblem[];
}

/** Collects problems in the order found; the same problem reported twice is kept once. */
export function createProblemList(): ProblemList {
  const found = new Map<string, ModelProblem>();
  return {
    report(elementId, code, message) {
      const key = `${elementId}\u0000${code}\u0000${message}`;
      if (!found.has(key)) found.set(key, { elementId, code, message });
    },
    problems: () => [...found.values()],
  };
}

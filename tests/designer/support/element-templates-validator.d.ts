// @bpmn-io/element-templates-validator (the JSON-schema check bpmn-js-element-templates runs) ships no types.
declare module '@bpmn-io/element-templates-validator' {
  export interface TemplateValidationMessage {
    readonly message: string;
    readonly dataPath?: string;
  }

  export interface TemplateValidationResult {
    readonly valid: boolean;
    readonly errors: readonly TemplateValidationMessage[] | null;
    readonly warnings?: readonly TemplateValidationMessage[] | null;
  }

  /** Validates a Camunda 8 (Zeebe) element template against the latest schema. */
  export function validateZeebe(template: unknown): TemplateValidationResult;
}

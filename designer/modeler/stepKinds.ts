/**
 * The steps a designer adds to a procedure, one element template each
 * (designer/templates/step-kinds.json). Six are user tasks whose `stepKind` header the desk
 * reads; `supplement` is the wait for the applicant's missing papers, a message catch event
 * (processes/README.md, "Supplement").
 */
export const STEP_TEMPLATE_KINDS = ['receive', 'process', 'approve', 'transfer', 'supplement', 'payment', 'return'] as const;

export type StepTemplateKind = (typeof STEP_TEMPLATE_KINDS)[number];

export function isStepTemplateKind(value: unknown): value is StepTemplateKind {
  return (STEP_TEMPLATE_KINDS as readonly unknown[]).includes(value);
}

/** The element template of a step kind, e.g. `vn.motcua.step.receive`. */
export function stepTemplateId(kind: StepTemplateKind): string {
  return `vn.motcua.step.${kind}`;
}

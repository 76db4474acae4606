/** The designer API's answers (the contract of `/api/designer/*`), as the studio reads them. */

export type TimeLimit = { readonly unit: 'workingDays' | 'workingHours' | 'calendarDays'; readonly amount: number } | { readonly unit: 'sameDay' };

export interface ProcedureComponent {
  readonly code: string;
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
  readonly required: boolean;
  readonly note?: string;
}

/** A procedure's metadata (api/catalogue/types.ts: ProcedureMetadata). */
export interface ProcedureMetadata {
  readonly code: string;
  readonly nationalCode: string;
  readonly name: string;
  readonly field: string;
  readonly level: 'province' | 'district' | 'commune';
  readonly receivingAgencyKinds: readonly string[];
  readonly limit: TimeLimit;
  readonly limitOnPaper?: TimeLimit;
  readonly limitText: string;
  readonly fee: { readonly amount: number | null; readonly text: string };
  readonly onlineLevel: 'toan-trinh' | 'mot-phan';
  readonly supplementPolicy: 'restart' | 'extend';
  readonly components: readonly ProcedureComponent[];
  readonly submissionForm: string;
  readonly result: string;
  readonly resultPlace?: string;
  readonly bpmn: string;
  readonly processId: string;
  readonly legalBasis?: readonly string[];
}

/** A JSON Schema object, as the form builder edits it. */
export type JsonSchema = Record<string, unknown>;

export interface ProcedureSummary {
  readonly code: string;
  readonly name: string;
  readonly field: string;
  readonly latestVersion: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface VersionInfo {
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string | null;
}

export interface ProcedureDetail {
  readonly code: string;
  readonly version: number;
  readonly versions: readonly VersionInfo[];
  readonly metadata: ProcedureMetadata;
  readonly bpmn: string;
  readonly form: { readonly id: string; readonly schema: JsonSchema } | null;
}

/** A message about a value, by JSON pointer. */
export interface PathProblem {
  readonly path: string;
  readonly message: string;
}

/** A message about an element of the model; null when it is about the document as a whole. */
export interface ElementProblem {
  readonly elementId: string | null;
  readonly message: string;
}

export interface ValidationResult {
  readonly ok: boolean;
  readonly problems: readonly ElementProblem[];
  readonly metadataProblems: readonly PathProblem[];
  readonly formProblems: readonly PathProblem[];
}

/** One action of a test run (engine/simulation `ScenarioStep`, the kinds the panel offers). */
export type ScenarioStep =
  | { readonly complete: string; readonly variables?: Readonly<Record<string, unknown>> }
  | { readonly advance: string }
  | { readonly advanceTo: string }
  | { readonly publish: { readonly name: string; readonly correlationKey: string; readonly variables?: Readonly<Record<string, unknown>> } };

export interface Outcome {
  readonly value: string;
  readonly label: string;
}

/** What the test run can do next. */
export interface OpenItem {
  readonly element: string;
  readonly name: string | null;
  readonly kind: 'userTask' | 'job' | 'message';
  readonly outcomes?: readonly Outcome[];
}

export interface Trace {
  readonly state: 'active' | 'completed' | 'terminated' | 'incident';
  readonly variables: Readonly<Record<string, unknown>>;
  readonly path: readonly { readonly element: string; readonly event: 'activated' | 'completed' | 'terminated'; readonly at: string }[];
  readonly tasks: readonly { readonly element: string; readonly dueDate: string | null; readonly createdAt: string; readonly completedAt: string | null }[];
  readonly timers: readonly { readonly element: string; readonly dueAt: string; readonly firedAt: string | null }[];
  readonly incidents: readonly { readonly element: string; readonly type: string; readonly message: string }[];
  readonly failures?: readonly { readonly step: number; readonly message: string }[];
  readonly open: readonly OpenItem[];
}

export interface DeployResult {
  readonly code: string;
  readonly version: number;
  readonly isNew: boolean;
}

export interface AttributeChange {
  readonly attribute: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ElementRef {
  readonly id: string;
  readonly type: string;
  readonly name: string | null;
}

export interface FieldRef {
  readonly path: string;
  readonly title: string | null;
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  readonly metadata: readonly { readonly path: string; readonly before: unknown; readonly after: unknown }[];
  readonly elements: {
    readonly added: readonly ElementRef[];
    readonly removed: readonly ElementRef[];
    readonly changed: readonly (ElementRef & { readonly changes: readonly AttributeChange[] })[];
  };
  readonly form: {
    readonly added: readonly FieldRef[];
    readonly removed: readonly FieldRef[];
    readonly changed: readonly (FieldRef & { readonly changes: readonly AttributeChange[] })[];
  };
}

import type { ElementProblem, PathProblem, ValidationResult } from './types.js';

/** Everything wrong with a draft, by where it is shown: on the diagram, the details or the form. */
export interface DraftProblems {
  readonly elements: readonly ElementProblem[];
  readonly metadata: readonly PathProblem[];
  readonly form: readonly PathProblem[];
}

export const NO_PROBLEMS: DraftProblems = { elements: [], metadata: [], form: [] };

export function problemCount(problems: DraftProblems): number {
  return problems.elements.length + problems.metadata.length + problems.form.length;
}

/** The validate route's answer; metadata and form paths may come with or without their prefix. */
export function fromValidation(result: ValidationResult): DraftProblems {
  return {
    elements: result.problems,
    metadata: result.metadataProblems.map((p) => ({ ...p, path: withoutPrefix(p.path, '/metadata') })),
    form: result.formProblems.map((p) => ({ ...p, path: withoutPrefix(p.path, '/form') })),
  };
}

/**
 * A 422's field list: `/bpmn/<elementId>`, `/metadata/<field>`, `/form/<pointer>`. Anything
 * else is about the draft as a whole and is listed with the diagram's problems.
 */
export function fromFields(fields: readonly PathProblem[]): DraftProblems {
  const elements: ElementProblem[] = [];
  const metadata: PathProblem[] = [];
  const form: PathProblem[] = [];
  for (const field of fields) {
    if (field.path === '/bpmn' || field.path.startsWith('/bpmn/')) elements.push({ elementId: decodePointer(field.path.slice('/bpmn/'.length)) || null, message: field.message });
    else if (field.path === '/metadata' || field.path.startsWith('/metadata/')) metadata.push({ path: withoutPrefix(field.path, '/metadata'), message: field.message });
    else if (field.path === '/form' || field.path.startsWith('/form/')) form.push({ path: withoutPrefix(field.path, '/form'), message: field.message });
    else elements.push({ elementId: null, message: field.message });
  }
  return { elements, metadata, form };
}

function withoutPrefix(path: string, prefix: string): string {
  return path === prefix ? '' : path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One field's message as the API and the forms' validation give it: a JSON pointer and a sentence. */
export interface FieldMessage {
  readonly path: string;
  readonly message: string;
}

/** Messages nested like the data they are about: react-jsonschema-form's `ErrorSchema`. */
export interface ErrorTree {
  __errors?: string[];
  [key: string]: ErrorTree | string[] | undefined;
}

/** The submission's messages split by where the page shows them. */
export interface SubmissionErrors {
  readonly applicant: ErrorTree;
  readonly formData: ErrorTree;
  /** Messages about the choice of receiving agency. */
  readonly agency: readonly string[];
  /** Messages with no field on the page (the whole submission). */
  readonly general: readonly string[];
}

/**
 * The server's 422 fields (`/applicant/idNumber`, `/formData/child/name`, `/agency`)
 * placed on the fields that caused them; the browser's own check yields the same
 * paths, so both are shown the same way.
 */
export function submissionErrors(fields: readonly FieldMessage[]): SubmissionErrors {
  const applicant: ErrorTree = {};
  const formData: ErrorTree = {};
  const agency: string[] = [];
  const general: string[] = [];
  for (const field of fields) {
    const [part, ...rest] = field.path.split('/').slice(1).map(unescape);
    if (part === 'applicant') addAt(applicant, rest, field.message);
    else if (part === 'formData') addAt(formData, rest, field.message);
    else if (part === 'agency') agency.push(field.message);
    else general.push(field.message);
  }
  return { applicant, formData, agency, general };
}

/** Messages at their place in a tree: `['child', 'name']` → `{child: {name: {__errors: [message]}}}`. */
export function addAt(tree: ErrorTree, path: readonly string[], message: string): void {
  let node = tree;
  for (const key of path) {
    const child = node[key];
    node = child && !Array.isArray(child) ? child : (node[key] = {});
  }
  (node.__errors ??= []).push(message);
}

/** The messages of a tree in reading order, for the summary at the top of the form. */
export function messagesOf(tree: ErrorTree): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (key === '__errors' ? (value as string[]) : value && !Array.isArray(value) ? messagesOf(value) : []));
}

function unescape(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

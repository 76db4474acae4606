import type { DocumentForm } from './DocumentForm.js';

/** A form was asked for without a piece of context it cannot be printed without. */
export class DocumentContextError extends Error {
  readonly code = 'DOCUMENT_CONTEXT_INCOMPLETE';
  readonly form: DocumentForm;
  /** The context paths that are missing, e.g. `reason`, `dossier.receivedAt`. */
  readonly missing: readonly string[];

  constructor(form: DocumentForm, missing: readonly string[], message: string) {
    super(message);
    this.name = 'DocumentContextError';
    this.form = form;
    this.missing = missing;
  }
}

import type { DocumentContext } from './DocumentContext.js';
import { DocumentContextError } from './DocumentContextError.js';
import { DOCUMENT_FORM_SPECS, type DocumentForm } from './DocumentForm.js';

interface Requirement {
  /** The context path, reported in `DocumentContextError.missing`. */
  readonly path: string;
  /** What is expected there, in the words of the error message. */
  readonly expected: string;
  readonly isMet: (context: DocumentContext) => boolean;
}

const reason: Requirement = {
  path: 'reason',
  expected: 'a non-empty reason (`reason`)',
  isMet: (context) => isText(context.reason),
};

const receivedAt: Requirement = {
  path: 'dossier.receivedAt',
  expected: 'the reception time (`dossier.receivedAt`)',
  isMet: (context) => isDate(context.dossier.receivedAt),
};

const lookupUrl: Requirement = {
  path: 'dossier.lookupUrl',
  expected: 'the look-up URL for the QR code (`dossier.lookupUrl`)',
  isMet: (context) => isText(context.dossier.lookupUrl),
};

const componentsToAdd: Requirement = {
  path: 'componentsToAdd',
  expected: 'at least one component or item to add (`componentsToAdd`)',
  isMet: (context) => Array.isArray(context.componentsToAdd) && context.componentsToAdd.some(isText),
};

const originalDueAt: Requirement = {
  path: 'dossier.originalDueAt',
  expected: 'the original due date (`dossier.originalDueAt` or `dossier.dueAt`)',
  isMet: (context) => isDate(context.dossier.originalDueAt) || isDate(context.dossier.dueAt),
};

const newDueAt: Requirement = {
  path: 'newDueAt',
  expected: 'the new due date (`newDueAt`)',
  isMet: (context) => isDate(context.newDueAt),
};

const handovers: Requirement = {
  path: 'handovers',
  expected: 'the list of hand-overs (`handovers`, possibly empty)',
  isMet: (context) => Array.isArray(context.handovers),
};

const trackingRows: Requirement = {
  path: 'trackingRows',
  expected: 'the rows of the tracking book (`trackingRows`, possibly empty)',
  isMet: (context) => Array.isArray(context.trackingRows),
};

/**
 * What each form cannot be printed without, beyond what the context type already demands.
 * A receipt without an appointment is allowed: results returned on the spot have none.
 */
const REQUIREMENTS: Readonly<Record<DocumentForm, readonly Requirement[]>> = {
  '01': [receivedAt, lookupUrl],
  '02': [reason, componentsToAdd],
  '03': [reason],
  '04': [reason, originalDueAt, newDueAt],
  '05': [reason],
  '06': [handovers],
  '07': [trackingRows],
};

/** Throws a `DocumentContextError` naming every missing piece at once, so one fix suffices. */
export function requireContext(form: DocumentForm, context: DocumentContext): void {
  const unmet = REQUIREMENTS[form].filter((requirement) => !requirement.isMet(context));
  if (unmet.length === 0) return;
  const expected = unmet.map((requirement) => requirement.expected).join(' and ');
  throw new DocumentContextError(
    form,
    unmet.map((requirement) => requirement.path),
    `Expected ${expected} to print form ${form} (${DOCUMENT_FORM_SPECS[form].title}), but ${unmet.length === 1 ? 'it is' : 'they are'} missing`,
  );
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

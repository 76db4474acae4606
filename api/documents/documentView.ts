import { classifyFinish } from './classifyFinish.js';
import type { DocumentContext, DocumentHandover, DocumentTrackingRow, FinishResult } from './DocumentContext.js';
import { DOCUMENT_FORM_SPECS, type DocumentForm, type DocumentPage } from './DocumentForm.js';

/** What the templates see: the context plus what is derived from it once, here, rather than in markup. */
export interface DocumentView extends DocumentContext {
  readonly document: { readonly form: DocumentForm; readonly title: string; readonly pageTitle: string; readonly page: DocumentPage };
  /** The procedure summary, or the procedure's name when the applicant gave none. */
  readonly requestSummary: string;
  /** The appointment the applicant was given: the original one on the apology (04). */
  readonly appointmentAt: Date | null;
  readonly originalDueAt: Date | null;
  readonly handovers: readonly (DocumentHandover & { readonly result: FinishResult | null })[];
  readonly trackingRows: readonly (DocumentTrackingRow & { readonly result: FinishResult | null })[];
  /** Trusted markup from the QR encoder; the only value the templates print unescaped. */
  readonly qrSvg?: string;
}

export function documentView(form: DocumentForm, context: DocumentContext, extras: { qrSvg?: string } = {}): DocumentView {
  const spec = DOCUMENT_FORM_SPECS[form];
  const { dossier } = context;
  const originalDueAt = dossier.originalDueAt ?? dossier.dueAt;
  return {
    ...context,
    document: {
      form,
      title: spec.title,
      pageTitle: spec.forOneDossier ? `${spec.title} – ${dossier.code}` : spec.title,
      page: spec.page,
    },
    requestSummary: isText(dossier.summary) ? dossier.summary : dossier.procedureName,
    appointmentAt: form === '04' ? originalDueAt : dossier.dueAt,
    originalDueAt,
    handovers: (context.handovers ?? []).map((row) => ({ ...row, result: resultOf(row.result, row.finishedAt, row.stepDueAt) })),
    trackingRows: (context.trackingRows ?? []).map((row) => ({ ...row, result: resultOf(row.result, row.returnedAt, row.dueAt) })),
    ...(extras.qrSvg === undefined ? {} : { qrSvg: extras.qrSvg }),
  };
}

/** A stated result wins; otherwise a finished row is judged by date and an unfinished one has none yet. */
function resultOf(
  stated: FinishResult | null | undefined,
  finishedAt: Date | null | undefined,
  dueAt: Date | null | undefined,
): FinishResult | null {
  if (stated) return stated;
  return finishedAt ? classifyFinish(finishedAt, dueAt) : null;
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

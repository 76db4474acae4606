/**
 * Printable documents of the one-stop desk: forms 01–07 of Circular 03/2025/TT-VPCP as
 * standalone HTML pages, plus the formatting they print with.
 */
export { classifyFinish } from './classifyFinish.js';
export type {
  DocumentAgency,
  DocumentApplicant,
  DocumentComponent,
  DocumentContext,
  DocumentDossier,
  DocumentHandover,
  DocumentTrackingRow,
  DossierChannel,
  FinishResult,
} from './DocumentContext.js';
export { DocumentContextError } from './DocumentContextError.js';
export { DOCUMENT_FORMS, isDocumentForm, type DocumentForm } from './DocumentForm.js';
export {
  formatDate,
  formatDateInWords,
  formatDateTime,
  formatDateTimeInWords,
  formatMoney,
  formatTime,
} from './formatters.js';
export { CHANNEL_LABELS, FINISH_RESULT_LABELS } from './labels.js';
export { renderDocument } from './renderDocument.js';

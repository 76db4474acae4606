import type { DocumentContext } from './DocumentContext.js';
import { isDocumentForm, type DocumentForm } from './DocumentForm.js';
import { documentTemplate } from './documentTemplate.js';
import { documentView } from './documentView.js';
import { qrCodeSvg } from './qrCodeSvg.js';
import { requireContext } from './requireContext.js';

/** A complete, standalone printable HTML page of a form for the given context. */
export async function renderDocument(form: DocumentForm, context: DocumentContext): Promise<string> {
  // The form often comes from a URL; the type alone cannot vouch for it.
  if (typeof form !== 'string' || !isDocumentForm(form)) {
    throw new RangeError(`Expected a document form '01' to '07', but got ${JSON.stringify(form)}`);
  }
  requireContext(form, context);
  const template = await documentTemplate(form);
  const qrSvg = form === '01' ? await qrCodeSvg(context.dossier.lookupUrl) : undefined;
  return template(documentView(form, context, { qrSvg }));
}

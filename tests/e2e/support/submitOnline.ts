import { submissionFor } from './drive.js';
import type { TestApp } from './testApp.js';

export interface SubmittedDossier {
  readonly code: string;
  readonly agency: string;
  readonly idNumber: string;
}

/** An applicant submits a procedure's valid fixture on the portal, choosing where it is received. */
export async function submitOnline(
  t: TestApp,
  options: { readonly agency: string; readonly procedure?: string; readonly applicant?: Record<string, unknown> },
): Promise<SubmittedDossier> {
  const submission = submissionFor(options.procedure ?? 'khai-sinh', { ...(options.applicant ? { applicant: options.applicant } : {}) });
  const response = await t.anonymous().post('/api/public/dossiers', { ...submission, agency: options.agency });
  if (response.status !== 201) throw new Error(`Expected the submission at ${options.agency} to be accepted (201), but got ${response.status} ${response.text}`);
  return { code: response.body.code as string, agency: options.agency, idNumber: submission.applicant.idNumber as string };
}

import type { Schema } from './inlineRefs.js';

/** What the server wrote into the submission page (api/web/citizen/submissionPageData.ts). */
export interface SubmissionPageData {
  readonly procedure: { readonly code: string; readonly name: string; readonly limitText: string; readonly feeText: string };
  readonly applicantFormId: string;
  readonly formId: string;
  readonly forms: Readonly<Record<string, Schema>>;
  readonly components: readonly Component[];
  readonly agencies: readonly { readonly id: string; readonly name: string; readonly address?: string }[];
  readonly uploads: UploadLimits;
  readonly expectedDue: string;
}

export interface Component {
  readonly code: string;
  readonly name: string;
  readonly required: boolean;
  readonly note?: string;
}

export interface UploadLimits {
  readonly maxBytes: number;
  readonly types: readonly string[];
}

/** A file the applicant chose for a component, waiting to be sent with the dossier. */
export interface ChosenFile {
  readonly key: string;
  readonly component: string;
  readonly file: File;
}

/** Where one file's upload stands after the dossier was sent. */
export type UploadState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'sending'; readonly fraction: number }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly message: string };

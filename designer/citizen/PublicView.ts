import { api } from '../shared/http.js';
import { proofQuery, type Proof } from './proof.js';

/** The applicant's view of a dossier, as `GET /api/public/dossiers/:code` returns it. */
export interface PublicView {
  readonly code: string;
  readonly procedure: { readonly code: string; readonly name: string };
  readonly receivingAgency: string | null;
  readonly status: number;
  readonly statusName: string;
  readonly submittedAt: string;
  readonly receivedAt: string | null;
  readonly dueAt: string | null;
  readonly supplement: { readonly reason: string | null; readonly components: readonly string[] } | null;
  readonly refusalReason: string | null;
  readonly resultPlace: string | null;
  readonly canRate: boolean;
  readonly canWithdraw: boolean;
  readonly timeline: readonly { readonly at: string; readonly status: number; readonly statusName: string; readonly action: string }[];
}

export function fetchPublicView(proof: Proof): Promise<PublicView> {
  return api<PublicView>('GET', `/api/public/dossiers/${encodeURIComponent(proof.code)}?${proofQuery(proof)}`);
}

/**
 * The due date to show: the appointment once the desk has accepted the dossier; before
 * that, the date counted from the submission as the procedure's page counts it (the
 * clock really starts at acceptance, and the page says so).
 */
export async function dueDateOf(view: PublicView): Promise<{ at: string; expected: boolean } | undefined> {
  if (view.dueAt) return { at: view.dueAt, expected: false };
  if (view.status !== 1) return undefined;
  const procedure = await api<{ ui: { dueEstimate: string } }>('GET', `/api/procedures/${encodeURIComponent(view.procedure.code)}`);
  const estimate = await api<{ dueAt: string }>('GET', procedure.ui.dueEstimate.replace('from=now', `from=${encodeURIComponent(view.submittedAt)}`));
  return { at: estimate.dueAt, expected: true };
}

/** What the applicant has typed so far; files cannot be kept and are chosen again. */
export interface Draft {
  readonly applicant: Record<string, unknown>;
  readonly formData: Record<string, unknown>;
  readonly agency: string;
}

const KEY = 'motcua.citizen.draft.';

/** The draft of a procedure's submission in this tab, so a reload or a slip of the back button loses nothing. */
export function loadDraft(procedure: string): Draft | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY + procedure) ?? 'null') as Draft | null;
    return saved && typeof saved === 'object' ? { applicant: saved.applicant ?? {}, formData: saved.formData ?? {}, agency: saved.agency ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(procedure: string, draft: Draft): void {
  try {
    sessionStorage.setItem(KEY + procedure, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the form keeps working without a draft.
  }
}

export function clearDraft(procedure: string): void {
  try {
    sessionStorage.removeItem(KEY + procedure);
  } catch {
    // Nothing was kept.
  }
}

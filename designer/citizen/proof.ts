/** What proves a dossier is the applicant's: its code with the identity number or the phone declared. */
export interface Proof {
  readonly code: string;
  readonly idNumber?: string;
  readonly phone?: string;
}

const KEY = 'motcua.citizen.proof.';

/**
 * The proof is kept in this tab's sessionStorage, never in a page's address: an
 * address ends up in the browser's history, in bookmarks and in proxies' logs, and a
 * desk's shared computer would show the next person someone's identity number. The
 * tab forgets it when it is closed; "Tra cứu hồ sơ khác" forgets it at once.
 */
export function rememberProof(proof: Proof): void {
  try {
    sessionStorage.setItem(KEY + proof.code, JSON.stringify({ idNumber: proof.idNumber, phone: proof.phone }));
  } catch {
    // Private browsing may refuse storage: the page still works, the proof is asked for again.
  }
}

export function rememberedProof(code: string): Proof | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY + code) ?? 'null') as { idNumber?: string; phone?: string } | null;
    return saved && (saved.idNumber || saved.phone) ? { code, ...saved } : undefined;
  } catch {
    return undefined;
  }
}

export function forgetProof(code: string): void {
  try {
    sessionStorage.removeItem(KEY + code);
  } catch {
    // Nothing was kept.
  }
}

/** The proof as the public API reads it from a query string (the service's request log leaves queries out). */
export function proofQuery(proof: Proof): string {
  const params = new URLSearchParams();
  if (proof.idNumber) params.set('idNumber', proof.idNumber);
  if (proof.phone) params.set('phone', proof.phone);
  return params.toString();
}

/** The proof as fields of a JSON body or a multipart form. */
export function proofFields(proof: Proof): Record<string, string> {
  return { ...(proof.idNumber ? { idNumber: proof.idNumber } : {}), ...(proof.phone ? { phone: proof.phone } : {}) };
}

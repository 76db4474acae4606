// Enough to tell two citizens apart in one dossier's history, too little to identify anyone:
// the log is read by auditors who need not know the number.
const VISIBLE_DIGITS = 4;

/** The audit actor for a citizen: `citizen:` and the identity number with all but its last 4 characters masked. */
export function citizenActor(idNumber: string): string {
  const compact = idNumber.replace(/\s+/g, '');
  // A number too short to keep any of it hidden is hidden whole.
  const visible = compact.length > VISIBLE_DIGITS * 2 ? compact.slice(-VISIBLE_DIGITS) : '';
  return `citizen:${'*'.repeat(Math.max(compact.length - visible.length, 0))}${visible}`;
}

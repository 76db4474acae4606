/**
 * A recipient as logs may show it: enough to tell two apart when helping a citizen,
 * not enough to contact them. `0912345612` → `09******12`, `an.nguyen@example.vn` →
 * `an*******@example.vn`.
 */
export function maskRecipient(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  if (at > 0) return `${maskMiddle(recipient.slice(0, at), 2, 0)}${recipient.slice(at)}`;
  return maskMiddle(recipient, recipient.startsWith('+') ? 3 : 2, 2);
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Vietnamese mobile numbers (0xx…, +84xx…, 84xx…), with or without spaces or dots between groups.
const PHONE = /(?<![\p{N}])(?:\+?84|0)(?:[ .-]?\d){8,10}(?![\p{N}])/gu;

/**
 * `text` (an error message, a provider's answer) with the given recipients and anything
 * that looks like an e-mail address or a phone number masked: providers often echo the
 * recipient back in their errors.
 */
export function maskContacts(text: string, known: readonly string[] = []): string {
  let masked = text;
  for (const recipient of known) {
    if (recipient !== '') masked = masked.split(recipient).join(maskRecipient(recipient));
  }
  return masked.replace(EMAIL, (address) => maskRecipient(address)).replace(PHONE, (phone) => maskRecipient(phone));
}

function maskMiddle(text: string, keepStart: number, keepEnd: number): string {
  const chars = [...text];
  if (chars.length <= keepStart + keepEnd + 1) return '*'.repeat(chars.length);
  return chars.slice(0, keepStart).join('') + '*'.repeat(chars.length - keepStart - keepEnd) + chars.slice(chars.length - keepEnd).join('');
}

import { csrfToken } from '../shared/http.js';
import { proofFields, type Proof } from './proof.js';

/**
 * A button that opens one of the dossier's printable notices in a new tab. It posts
 * the proof as a form instead of linking with it in the address (see proof.ts).
 */
export function printFormElement(proof: Proof, form: string, label: string): HTMLFormElement {
  const element = document.createElement('form');
  element.method = 'post';
  element.action = `/ho-so/${encodeURIComponent(proof.code)}/phieu/${form}`;
  element.target = '_blank';
  element.className = 'print-form';
  const fields: Record<string, string> = { ...proofFields(proof), ...(csrfToken() ? { _csrf: csrfToken() } : {}) };
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    element.append(input);
  }
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'secondary';
  button.textContent = label;
  element.append(button);
  return element;
}

import { api, ApiError } from '../shared/http.js';
import { parseDate } from '../shared/format.js';
import { t } from '../shared/texts.js';

/** Due dates given in an apology fall at the end of that office day, Vietnam time. */
const END_OF_OFFICE_DAY = 'T17:00:00+07:00';

/**
 * A dossier-wide action (apology with a new date, stop, withdrawal, supplement handed in):
 * the form's fields go to its API address as JSON; the server's field messages show under
 * the fields; success reloads the page with the new state.
 */
export function mountDossierAction(form: HTMLFormElement): void {
  const alert = form.querySelector<HTMLElement>('[data-form-error]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
    void (async () => {
      clearErrors(form, alert);
      const body = bodyOf(form);
      if (body === undefined) return;
      if (button) button.disabled = true;
      try {
        await api('POST', form.dataset.url ?? '', body);
        window.location.reload();
      } catch (error) {
        if (button) button.disabled = false;
        showErrors(form, alert, error);
      }
    })();
  });
}

/** The fields as the API takes them; a date that is not dd/MM/yyyy is marked on its field and nothing is sent. */
function bodyOf(form: HTMLFormElement): Record<string, string> | undefined {
  const body: Record<string, string> = {};
  for (const field of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]')) {
    const value = field.value.trim();
    if (value === '') continue;
    if (field.dataset.date === undefined) {
      body[field.name] = value;
      continue;
    }
    const date = parseDate(value);
    if (!date) {
      markField(form, `/${field.name}`, t('officer.actions.badDate'));
      field.focus();
      return undefined;
    }
    body[field.name] = `${date}${END_OF_OFFICE_DAY}`;
  }
  return body;
}

function clearErrors(form: HTMLFormElement, alert: HTMLElement | null): void {
  for (const message of form.querySelectorAll<HTMLElement>('[data-error-for]')) message.textContent = '';
  for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  if (alert) alert.textContent = '';
}

function markField(form: HTMLFormElement, path: string, message: string): boolean {
  const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path)}"]`);
  if (!slot) return false;
  slot.textContent = message;
  form.querySelector(`[name="${CSS.escape(path.slice(1))}"]`)?.setAttribute('aria-invalid', 'true');
  return true;
}

function showErrors(form: HTMLFormElement, alert: HTMLElement | null, error: unknown): void {
  const fields = error instanceof ApiError ? error.fields : [];
  const unplaced = fields.filter((f) => !markField(form, f.path, f.message)).map((f) => f.message);
  if (alert) alert.textContent = [error instanceof Error ? error.message : String(error), ...unplaced].join(' ');
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

import { api, ApiError } from '../shared/http.js';
import { t } from '../shared/texts.js';

/**
 * Signing in and out. The sign-in form posts JSON to the API (the API takes no
 * HTML form posts for a login, so another site cannot forge one) and then goes
 * to the page asked for, or the user's start page.
 */
function mountLogin(form: HTMLFormElement): void {
  const alert = form.querySelector<HTMLElement>('[data-login-error]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      for (const element of form.querySelectorAll('.field-error')) element.textContent = '';
      for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
      alert.textContent = '';
      const username = (form.elements.namedItem('username') as HTMLInputElement).value;
      const password = (form.elements.namedItem('password') as HTMLInputElement).value;
      button.disabled = true;
      try {
        const { user } = await api<{ user: { kind: string } }>('POST', '/api/auth/login', { username, password });
        const homes = JSON.parse(form.dataset.homes ?? '{}') as Record<string, string>;
        window.location.assign(form.dataset.next || homes[user.kind] || '/');
      } catch (error) {
        button.disabled = false;
        const fields = error instanceof ApiError ? error.fields : [];
        for (const field of fields) {
          const name = field.path.replace(/^\//, '');
          const input = form.querySelector<HTMLInputElement>(`#${name}`);
          const message = form.querySelector<HTMLElement>(`#${name}-error`);
          if (input && message) {
            input.setAttribute('aria-invalid', 'true');
            message.textContent = field.message;
          }
        }
        alert.textContent = error instanceof Error ? error.message : t('session.failed');
        form.querySelector<HTMLInputElement>(fields.length ? '[aria-invalid="true"]' : '#password')?.focus();
      }
    })();
  });
}

function mountLogout(button: HTMLButtonElement): void {
  button.addEventListener('click', () => {
    button.disabled = true;
    void api('POST', '/api/auth/logout').finally(() => window.location.assign('/'));
  });
}

const form = document.querySelector<HTMLFormElement>('form[data-login]');
if (form) mountLogin(form);
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-logout]')) mountLogout(button);

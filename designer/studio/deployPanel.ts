import { ApiError } from '../shared/http.js';
import { t } from '../shared/texts.js';
import { messageOf, required } from './dom.js';
import { fromFields, type DraftProblems } from './problems.js';
import type { DeployResult } from './types.js';

export interface DeployContext {
  /** The procedure's name, for the confirmation. */
  name(): string;
  deploy(note: string): Promise<DeployResult>;
  deployed(result: DeployResult): Promise<void>;
  rejected(problems: DraftProblems): void;
}

/** The "Triển khai" panel: a note, a confirmation, then the new version, "nothing changed" or the problems. */
export function mountDeploy(panel: HTMLElement, context: DeployContext): void {
  const form = required<HTMLFormElement>(panel, 'form[data-deploy]');
  const dialog = required<HTMLDialogElement>(panel, 'dialog[data-deploy-confirm]');
  const status = required(panel, '[data-deploy-status]');
  const error = required(panel, '[data-deploy-error]');
  const submit = required<HTMLButtonElement>(form, 'button[type="submit"]');
  const note = required<HTMLTextAreaElement>(form, '#deploy-note');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    required(dialog, '[data-deploy-confirm-text]').textContent = t('studio.deploy.confirmText', { name: context.name() });
    dialog.returnValue = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'deploy') void deploy();
    else submit.focus();
  });

  const deploy = async () => {
    submit.disabled = true;
    error.textContent = '';
    status.textContent = t('studio.deploy.running');
    try {
      const result = await context.deploy(note.value.trim());
      if (result.isNew) note.value = '';
      // The status is the last thing to change: once it says so, the page shows the new version.
      try {
        await context.deployed(result);
      } finally {
        status.textContent = result.isNew ? t('studio.deploy.done', { version: result.version }) : t('studio.deploy.unchanged', { version: result.version });
      }
    } catch (failure) {
      status.textContent = '';
      if (failure instanceof ApiError && failure.status === 422 && failure.fields.length > 0) {
        context.rejected(fromFields(failure.fields));
        error.textContent = t('studio.deploy.invalid');
      } else error.textContent = t('studio.deploy.failed', { message: messageOf(failure) });
    } finally {
      submit.disabled = false;
    }
  };
}

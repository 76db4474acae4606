// The browser entry of the officers' pages: the inbox's bulk tools, and on a dossier its diagram, step forms and actions.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import './officer.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { pageData } from '../shared/texts.js';
import { mountDiagram } from './diagram.js';
import { mountDossierAction } from './dossierActions.js';
import { mountInbox } from './inbox.js';
import { StepForm, type WorkStep } from './StepForm.js';

export { ACTIVE_MARKER, COMPLETED_MARKER } from './diagram.js';

interface DossierPageData {
  readonly code: string;
  readonly me: string;
  readonly tasks: readonly WorkStep[];
}

function mountPage(page: Document): void {
  const inbox = page.querySelector<HTMLFormElement>('form[data-inbox]');
  if (inbox) mountInbox(inbox);
  const diagram = page.querySelector<HTMLElement>('#diagram[data-diagram-url]');
  if (diagram) void mountDiagram(diagram);
  for (const form of page.querySelectorAll<HTMLFormElement>('form[data-dossier-action]')) mountDossierAction(form);
  const data = page.querySelector('[data-step-form]') ? pageData<DossierPageData>() : null;
  for (const step of data?.tasks ?? []) {
    const slot = page.querySelector<HTMLElement>(`[data-step-form="${CSS.escape(step.id)}"]`);
    if (slot) createRoot(slot).render(createElement(StepForm, { step, me: data!.me }));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountPage(document), { once: true });
else mountPage(document);

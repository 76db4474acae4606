import type { Agency } from './agencyTemplates.js';
import { mountModeler, type ModelerHandle } from './mountModeler.js';
import { createTranslate, type ModelerLanguage } from './translate.js';

declare global {
  interface Window {
    /** The modeler mounted from the page's `#modeler` element, once it is ready. */
    motcuaModeler?: ModelerHandle;
  }
}

/**
 * Mounts the modeler on a page that has `<div id="modeler" data-bpmn-url="…"
 * data-agencies-url="…">` and a properties panel element (`#properties`, or the selector in
 * `data-properties-panel`). The language is `data-language`, else the page's `lang`. When
 * ready, the handle is `window.motcuaModeler` and `#modeler` fires `modeler:ready` with it;
 * on failure the element shows the reason and fires `modeler:error`.
 */
export function autoMount(page: Document): void {
  const mount = () => {
    void mountFromPage(page);
  };
  if (page.readyState === 'loading') page.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
}

async function mountFromPage(page: Document): Promise<void> {
  const container = page.querySelector<HTMLElement>('#modeler');
  const bpmnUrl = container?.dataset.bpmnUrl;
  const agenciesUrl = container?.dataset.agenciesUrl;
  if (!container || !bpmnUrl || !agenciesUrl) return;

  const language = pageLanguage(container, page);
  try {
    const panelSelector = container.dataset.propertiesPanel ?? '#properties';
    const propertiesPanel = page.querySelector<HTMLElement>(panelSelector);
    if (!propertiesPanel) throw new Error(`Expected an element '${panelSelector}' for the properties panel, but the page has none`);
    const [xml, agencies] = await Promise.all([fetchText(bpmnUrl), fetchAgencies(agenciesUrl)]);
    const handle = await mountModeler({ container, propertiesPanel, xml, agencies, language });
    if (page.defaultView) page.defaultView.motcuaModeler = handle;
    container.dispatchEvent(new CustomEvent('modeler:ready', { detail: handle, bubbles: true }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const notice = page.createElement('p');
    notice.className = 'motcua-modeler-error';
    notice.setAttribute('role', 'alert');
    const translate = createTranslate(language);
    notice.textContent = translate('Could not load the process model: {error}', { error: message });
    container.replaceChildren(notice);
    container.dispatchEvent(new CustomEvent('modeler:error', { detail: error, bubbles: true }));
  }
}

function pageLanguage(container: HTMLElement, page: Document): ModelerLanguage {
  const lang = container.dataset.language ?? page.documentElement.lang;
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { headers: { Accept: 'application/xml, text/xml, */*' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Expected the process model at ${url}, but the server answered ${response.status}`);
  return response.text();
}

async function fetchAgencies(url: string): Promise<Agency[]> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Expected the agency tree at ${url}, but the server answered ${response.status}`);
  const body = (await response.json()) as { agencies?: unknown };
  if (!Array.isArray(body.agencies)) throw new Error(`Expected {agencies: [...]} from ${url}, but got another shape`);
  return body.agencies as Agency[];
}

import { mountFormBuilder, type FormBuilderHandle } from './mount.js';

declare global {
  interface Window {
    motcuaFormBuilder?: { mountFormBuilder: typeof mountFormBuilder; handle?: FormBuilderHandle };
  }
}

/**
 * Mounts the builder on a page's `<div id="form-builder" data-schema-url="…">`, with the
 * components from `data-components-url` when given (`[{code, name}]` or `{components: […]}`).
 * The handle is `window.motcuaFormBuilder.handle`; the element fires `formbuilder:ready`
 * with it, or shows the reason and fires `formbuilder:error`; after each edit it fires
 * `formbuilder:change` with the schema.
 */
export function autoMount(page: Document): void {
  const mount = () => void mountFromPage(page);
  if (page.readyState === 'loading') page.addEventListener('DOMContentLoaded', mount, { once: true });
  else mount();
}

async function mountFromPage(page: Document): Promise<void> {
  const element = page.querySelector<HTMLElement>('#form-builder[data-schema-url]');
  if (!element) return;
  try {
    const schemaUrl = element.dataset.schemaUrl as string;
    const componentsUrl = element.dataset.componentsUrl;
    const [schema, components] = await Promise.all([fetchJson(schemaUrl), componentsUrl ? fetchJson(componentsUrl) : []]);
    const onChange = (changed: object) => element.dispatchEvent(new CustomEvent('formbuilder:change', { detail: changed, bubbles: true }));
    const handle = mountFormBuilder(element, { schema: schemaOf(schema), components: componentsOf(components), onChange });
    if (page.defaultView?.motcuaFormBuilder) page.defaultView.motcuaFormBuilder.handle = handle;
    element.dispatchEvent(new CustomEvent('formbuilder:ready', { detail: handle, bubbles: true }));
  } catch (error) {
    const notice = page.createElement('p');
    notice.className = 'notice';
    notice.setAttribute('role', 'alert');
    notice.textContent = error instanceof Error ? error.message : String(error);
    element.replaceChildren(notice);
    element.dispatchEvent(new CustomEvent('formbuilder:error', { detail: error, bubbles: true }));
  }
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`Expected JSON at ${url}, but the server answered ${response.status}`);
  return response.json();
}

/** The schema itself, or an answer that wraps it as `{schema}`. */
function schemaOf(body: unknown): object {
  if (typeof body !== 'object' || body === null) throw new Error('Expected a JSON Schema object for the form, but got another value');
  const wrapped = (body as { schema?: unknown }).schema;
  return !('type' in body) && typeof wrapped === 'object' && wrapped !== null ? wrapped : body;
}

function componentsOf(body: unknown): { code: string; name: string }[] {
  const list = Array.isArray(body) ? body : (body as { components?: unknown } | null)?.components;
  if (!Array.isArray(list)) throw new Error('Expected the components as [{code, name}] or {components: [...]}, but got another shape');
  return list.filter((c): c is { code: string; name: string } => typeof c?.code === 'string' && typeof c?.name === 'string');
}

/**
 * A new procedure exists only in the browser until it is first deployed: the list page
 * sends the designer to `/thiet-ke/<code>?moi=1&ten=<name>`, with an imported diagram
 * kept in the tab's session storage for the work screen to pick up.
 */
const KEY = 'motcua.studio.importedBpmn.';

export function newProcedureUrl(code: string, name: string): string {
  return `/thiet-ke/${encodeURIComponent(code)}?moi=1&ten=${encodeURIComponent(name)}`;
}

export function rememberImportedBpmn(code: string, xml: string): void {
  sessionStorage.setItem(KEY + code, xml);
}

/** The diagram imported for a new procedure; kept across reloads until the first deployment. */
export function importedBpmn(code: string): string | undefined {
  return sessionStorage.getItem(KEY + code) ?? undefined;
}

export function forgetImportedBpmn(code: string): void {
  sessionStorage.removeItem(KEY + code);
}

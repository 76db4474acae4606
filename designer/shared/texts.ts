/**
 * The page's texts in its language, written by the server into
 * `<script type="application/json" id="texts">` (only the prefixes the page asked for).
 */
let texts: Record<string, string> | undefined;

function catalogue(): Record<string, string> {
  texts ??= JSON.parse(document.getElementById('texts')?.textContent || '{}') as Record<string, string>;
  return texts;
}

/** A text with `{name}` placeholders filled; an unknown key shows itself so it is noticed. */
export function t(key: string, values: Readonly<Record<string, unknown>> = {}): string {
  const text = catalogue()[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The page's language, from `<html lang>`. */
export function pageLanguage(): 'vi' | 'en' {
  return document.documentElement.lang === 'en' ? 'en' : 'vi';
}

/** Data the server wrote for the page's scripts into `<script type="application/json" id="page-data">`. */
export function pageData<T>(): T {
  return JSON.parse(document.getElementById('page-data')?.textContent || 'null') as T;
}

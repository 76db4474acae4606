import { readdirSync, readFileSync } from 'node:fs';

/**
 * The pages' texts: one file per area under `i18n/<language>/` (portal, session,
 * officer, dashboard, studio…), merged into one catalogue per language. Keys start
 * with their area's name so the files never collide.
 */
function load(language: string): Record<string, string> {
  const directory = new URL(`./i18n/${language}/`, import.meta.url);
  const merged: Record<string, string> = {};
  for (const file of readdirSync(directory).filter((f) => f.endsWith('.json')).sort()) {
    const texts = JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as Record<string, string>;
    for (const [key, text] of Object.entries(texts)) {
      if (key in merged) throw new Error(`Text «${key}» is defined twice (i18n/${language}/${file})`);
      merged[key] = text;
    }
  }
  return merged;
}

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** The pages' texts, Vietnamese first; English has the same keys (a spec holds them together). */
export const CATALOGUES: Readonly<Record<Language, Readonly<Record<string, string>>>> = { vi: load('vi'), en: load('en') };

/** A text in a language, with `{name}` placeholders filled; an unknown key shows itself so it is noticed. */
export function translate(language: Language, key: string, values: Readonly<Record<string, unknown>> = {}): string {
  const text = CATALOGUES[language][key] ?? CATALOGUES.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The texts whose keys start with one of the prefixes: what a page's script needs in the browser. */
export function textsWithPrefixes(language: Language, prefixes: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(CATALOGUES[language]).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}

export function languageOf(cookieValue: string | undefined): Language {
  return cookieValue === 'en' ? 'en' : 'vi';
}

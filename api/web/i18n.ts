import { readFileSync } from 'node:fs';

const load = (language: string): Record<string, string> => JSON.parse(readFileSync(new URL(`./i18n/${language}.json`, import.meta.url), 'utf8')) as Record<string, string>;
const vi = load('vi');
const en = load('en');

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/** The pages' texts, Vietnamese first; English has the same keys (a spec holds them together). */
export const CATALOGUES: Readonly<Record<Language, Readonly<Record<string, string>>>> = { vi, en };

/** A text in a language, with `{name}` placeholders filled; an unknown key shows itself so it is noticed. */
export function translate(language: Language, key: string, values: Readonly<Record<string, unknown>> = {}): string {
  const text = CATALOGUES[language][key] ?? CATALOGUES.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

export function languageOf(cookieValue: string | undefined): Language {
  return cookieValue === 'en' ? 'en' : 'vi';
}

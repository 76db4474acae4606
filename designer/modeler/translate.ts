import { vi } from './i18n/vi.js';

export type ModelerLanguage = 'vi' | 'en';

/** Values for the `{placeholders}` of a string, as bpmn-js and the properties panel pass them. */
export type TranslateReplacements = Readonly<Record<string, unknown>>;

export type Translate = (template: string, replacements?: TranslateReplacements) => string;

const TRANSLATIONS: Readonly<Record<ModelerLanguage, Readonly<Record<string, string>>>> = { vi, en: {} };

/**
 * The `translate` service the modeler's parts call: the string in the chosen language (the
 * English source when there is no translation, and always in English), with `{placeholders}`
 * filled in. A placeholder without a value stays visible, as in diagram-js's own stub.
 */
export function createTranslate(language: ModelerLanguage): Translate {
  const translations = TRANSLATIONS[language];
  return (template, replacements = {}) => {
    const text = Object.prototype.hasOwnProperty.call(translations, template) ? translations[template] : template;
    return text.replace(/{([^}]+)}/g, (placeholder, key: string) => {
      const value = replacements[key];
      return value === undefined || value === null || value === '' ? placeholder : String(value);
    });
  };
}

/** A bpmn-js module that replaces diagram-js's `translate` service. */
export function translateModule(language: ModelerLanguage): { translate: ['value', Translate] } {
  return { translate: ['value', createTranslate(language)] };
}

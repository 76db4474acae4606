/** How the dashboard writes figures: Vietnamese groups thousands with dots and uses a decimal comma. */
export type Language = 'vi' | 'en';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Shown where a figure has nothing to be computed from. */
export const NO_FIGURE = '—';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${language}:${minDigits}:${maxDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formats.set(key, format);
  }
  return format;
}

/** A count: `1.234` in Vietnamese, `1,234` in English. */
export function formatCount(value: number, language: Language): string {
  return numberFormat(language, 0, 0).format(value);
}

/** A share (0–1) as a percentage with one decimal: `95,5 %`; a missing share as a dash. */
export function formatPercent(share: number | null, language: Language): string {
  if (share === null) return NO_FIGURE;
  // A no-break space keeps the sign on the number's line.
  return `${numberFormat(language, 1, 1).format(share * 100)}\u00a0%`;
}

/** A figure with up to `digits` decimals (hours, days, points): `12,5`. */
export function formatDecimal(value: number | null, language: Language, digits = 2): string {
  if (value === null) return NO_FIGURE;
  return numberFormat(language, 0, digits).format(value);
}

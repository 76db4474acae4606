import type Handlebars from 'handlebars';
import type { DossierChannel, FinishResult } from './DocumentContext.js';
import {
  formatDate,
  formatDateInWords,
  formatDateTime,
  formatDateTimeInWords,
  formatMoney,
  formatTime,
} from './formatters.js';
import { CHANNEL_LABELS, FINISH_RESULT_LABELS } from './labels.js';

/** Printed where an optional value is missing, leaving room to write it by hand. */
export const BLANK = '……………………';

/**
 * Registers the helpers the templates use. Handlebars passes its options object as the last
 * argument, so each helper takes only the arguments it names instead of the formatter itself.
 * Their results are escaped like any other `{{ }}` output.
 */
export function registerDocumentHelpers(handlebars: typeof Handlebars): void {
  handlebars.registerHelper({
    formatDate: (instant: Date | null | undefined) => formatDate(instant),
    formatTime: (instant: Date | null | undefined) => formatTime(instant),
    formatDateTime: (instant: Date | null | undefined) => formatDateTime(instant),
    formatDateTimeInWords: (instant: Date | null | undefined) => formatDateTimeInWords(instant),
    formatDateInWords: (instant: Date | null | undefined) => formatDateInWords(instant),
    formatMoney: (amount: number) => formatMoney(amount),
    upper: (text: string | null | undefined) => (text ?? '').toLocaleUpperCase('vi-VN'),
    orBlank: (text: string | number | null | undefined) =>
      text === null || text === undefined || String(text).trim() === '' ? BLANK : text,
    resultLabel: (result: FinishResult | null | undefined) => (result ? FINISH_RESULT_LABELS[result] : ''),
    channelLabel: (channel: DossierChannel) => CHANNEL_LABELS[channel] ?? '',
    ordinal: (index: number) => index + 1,
  });
}

/**
 * Static timer and date values are checked at deploy, as Zeebe does, so a typo in a
 * deadline is a deploy error rather than an incident weeks later. The checks follow
 * Zeebe (a date-time needs a zone) and are never looser than the runtime's parsers.
 */

const WHOLE = String.raw`\d+`;
const DECIMAL = String.raw`\d+(?:[.,]\d+)?`;
const DURATION = new RegExp(
  `^P(?=\\d|T\\d)(?:${WHOLE}Y)?(?:${WHOLE}M)?(?:${WHOLE}W)?(?:${WHOLE}D)?` +
    `(?:T(?=\\d)(?:${DECIMAL}H)?(?:${DECIMAL}M)?(?:${DECIMAL}S)?)?$`,
);
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})(?:\[[A-Za-z_/+-]+\])?$/;
const REPETITIONS = /^R\d*$/;

/** ISO 8601 duration: `PT1H`, `P2D`, `P1W`, `P1DT12H`. */
export function isIsoDuration(value: string): boolean {
  return DURATION.test(value);
}

/** ISO 8601 date-time with a zone: `2025-01-31T17:00:00+07:00`, `…Z`, `…+07:00[Asia/Ho_Chi_Minh]`. */
export function isIsoDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour <= 23 && minute <= 59 && second <= 59;
}

/** ISO 8601 repeating interval with a non-zero interval: `R3/PT10M`, `R/P1D`, `R/2025-01-01T08:00:00+07:00/P1D`. */
export function isRepeatingInterval(value: string): boolean {
  const parts = value.split('/');
  if (!REPETITIONS.test(parts[0])) return false;
  const interval = parts[parts.length - 1];
  if (!isIsoDuration(interval) || !/[1-9]/.test(interval)) return false;
  if (parts.length === 2) return true;
  return parts.length === 3 && isIsoDateTime(parts[1]);
}

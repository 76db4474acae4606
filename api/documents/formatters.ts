/**
 * Pure formatting for printed documents. Every instant is shown in Vietnam's local time,
 * computed from the UTC milliseconds, so the output never depends on the machine's zone.
 */

/** Asia/Ho_Chi_Minh has been UTC+07:00 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface LocalParts {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The wall-clock fields of an instant in Vietnam. */
export function localParts(instant: Date): LocalParts {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Expected a valid Date, but got ${describe(instant)}`);
  }
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The local calendar date as `YYYY-MM-DD`, which sorts and compares as text. */
export function localDateKey(instant: Date): string {
  const { year, month, day } = localParts(instant);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `dd/MM/yyyy`; empty for a missing date. */
export function formatDate(instant: Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const { year, month, day } = localParts(instant);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** `HH:mm`; empty for a missing date. */
export function formatTime(instant: Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const { hour, minute } = localParts(instant);
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** `dd/MM/yyyy HH:mm`; empty for a missing date. */
export function formatDateTime(instant: Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  return `${formatDate(instant)} ${formatTime(instant)}`;
}

/** `10 giờ 30 phút, ngày 05/03/2026`, as the official forms word a time; empty for a missing date. */
export function formatDateTimeInWords(instant: Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const { hour, minute } = localParts(instant);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ngày ${formatDate(instant)}`;
}

/**
 * `ngày 05 tháng 3 năm 2026`, the date line of an administrative document. Decree 30/2020/NĐ-CP
 * pads days below 10 and the months 1 and 2 only, so March stays "3" but January is "01".
 */
export function formatDateInWords(instant: Date | null | undefined): string {
  if (instant === null || instant === undefined) return '';
  const { year, month, day } = localParts(instant);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** Whole đồng with dots between thousands: `formatMoney(200000)` is `200.000 đồng`. */
export function formatMoney(amount: number): string {
  if (!Number.isFinite(amount)) {
    throw new RangeError(`Expected a finite amount of money, but got ${String(amount)}`);
  }
  // The đồng has no subunit in use, so a fraction can only be a rounding artefact.
  const whole = Math.round(Math.abs(amount));
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 && whole !== 0 ? '-' : ''}${grouped} đồng`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  if (typeof value === 'string') return `the string '${value}'`;
  return String(value);
}

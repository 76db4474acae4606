/** Dates as Vietnamese officers read them: dd/MM/yyyy in Asia/Ho_Chi_Minh. */
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `dd/MM/yyyy`; empty for nothing. A `yyyy-MM-dd` string is a calendar date and is not shifted. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  return DATE.format(new Date(value));
}

/** `dd/MM/yyyy HH:mm`; empty for nothing. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = new Date(value);
  return `${DATE.format(instant)} ${TIME.format(instant)}`;
}

/** `dd/MM/yyyy` typed by a person to `yyyy-MM-dd`, or undefined when it is not a real date. */
export function parseDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole đồng with dots between thousands: `200.000 đ`. */
export function formatMoney(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

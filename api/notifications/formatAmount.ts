import { NotificationError } from './NotificationError.js';

/**
 * An amount of đồng as Vietnamese write it, `1.250.000 đồng`. The đồng has no subunit,
 * so fractions are rounded; numeric columns arrive as decimal text and are accepted.
 */
export function formatAmount(value: unknown): string {
  return `${groupThousands(toAmount(value))} đồng`;
}

export function toAmount(value: unknown): number {
  const amount = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new NotificationError(
      'INVALID_DATA',
      `Expected an amount as a non-negative number of đồng (or its decimal text), but got ${typeof value === 'string' ? `'${value}'` : String(value)}.`,
    );
  }
  return Math.round(amount);
}

function groupThousands(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

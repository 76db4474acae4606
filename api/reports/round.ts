/** A figure rounded to a number of decimal places, as the reports show it. */
export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

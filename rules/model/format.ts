/** A figure as sentences quote it: whole numbers as they are, others to 2 decimals. @example formatNumber(1.005) === '1' */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/** A figure as sentences quote it: whole numbers as they are, others to 2 decimals. @example formatNumber(1.005) === '1' */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100);
}

/**
 * A figure as a person scans it in a text answer (CLI, review, panel): 3 significant figures with thousands
 * separators. Text only — JSON answers keep full precision.
 * @example humanNumber(6666666.67) === '6,670,000'
 * @example humanNumber(20.01953125) === '20'
 * @example humanNumber(0.012345) === '0.0123'
 */
export function humanNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const rounded = Number(n.toPrecision(3));
  const abs = Math.abs(rounded);
  // Decimals needed to show 3 significant figures; trailing zeros go (20.0 → 20, 0.500 → 0.5).
  const decimals = Math.min(20, Math.max(0, 2 - Math.floor(Math.log10(abs))));
  const [whole, fraction = ''] = abs.toFixed(decimals).split('.');
  const digits = fraction.replace(/0+$/, '');
  return `${rounded < 0 ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${digits ? `.${digits}` : ''}`;
}

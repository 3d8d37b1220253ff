/**
 * A figure as sentences quote it: whole numbers as they are, others to 2 decimals — and below 1, two significant
 * digits, so a memory read of 0.001 ms is not quoted as 0 ms.
 * @example formatNumber(1.005) === '1'
 * @example formatNumber(0.000781) === '0.00078'
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1) return plain(Number(n.toPrecision(2)));
  return String(Math.round(n * 100) / 100);
}

/**
 * A check's value or limit as its sentence quotes it: 4 significant digits (whole numbers from 1,000 up), and more
 * when fewer would print a value equal to the figure it is compared with — a value just over its limit must not read
 * as equal to it.
 * @example quoteFigure(797.526041667) === '797.5'
 * @example quoteFigure(10.00004, 10) === '10.00004'
 */
export function quoteFigure(n: number, against?: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  for (let digits = 4; digits < 12; digits++) {
    const q = quoteAt(n, digits);
    if (against === undefined || against === n || q !== quoteAt(against, digits)) return q;
  }
  return plain(Number(n.toPrecision(12)));
}

function quoteAt(n: number, digits: number): string {
  if (Number.isInteger(n)) return String(n);
  const whole = Math.floor(Math.log10(Math.abs(n))) + 1;
  return plain(whole >= digits ? Math.round(n) : Number(n.toPrecision(digits)));
}

/** A number without an exponent (1e-7 → 0.0000001). */
function plain(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(Math.abs(n))) + 3))).replace(/\.?0+$/, '');
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

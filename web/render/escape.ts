/** HTML escaping for text and attribute values: every string the answer carries may quote user input. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A number as people read it: at most 2 decimals for small values, none for large ones. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 1 ? 1 : abs >= 0.01 ? 2 : 4;
  return Number(n.toFixed(digits)).toLocaleString('en-US');
}

/** A 0..1 share as the heading shows it: `0.73` → `73%`. */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

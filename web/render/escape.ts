/** HTML escaping for text and attribute values: every string the answer carries may quote user input. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A number as people read it: the text answers' one formatter (3 significant figures, thousands separators). */
export { humanNumber as num } from '../../rules/model/format.ts';

/** A 0..1 share as the heading shows it: `0.73` → `73%`. */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

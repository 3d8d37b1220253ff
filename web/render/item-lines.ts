import { parseText } from '../../rules/contract/yaml-text.ts';

/**
 * The 1-based line of each state item's name in a requirements text (YAML or JSON), so the answer can link item names
 * to their line. Text that does not parse gives no lines (the answer shown is then an older one anyway).
 */
export function itemLines(text: string): Record<string, number> {
  const parsed = parseText(text);
  if (!parsed.ok) return {};
  const { doc, lines } = parsed.value;
  const out: Record<string, number> = {};
  const state = parsed.value.data && typeof parsed.value.data === 'object' ? (parsed.value.data as { state?: unknown }).state : undefined;
  if (!Array.isArray(state)) return out;
  state.forEach((item, i) => {
    const name = item && typeof item === 'object' ? (item as { name?: unknown }).name : undefined;
    const node = doc.getIn(['state', i, 'name'], true) as { range?: [number, number, number] } | undefined;
    if (typeof name === 'string' && node?.range) out[name] = lines.linePos(node.range[0]).line;
  });
  return out;
}

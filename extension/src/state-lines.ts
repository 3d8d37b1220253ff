import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** A state item of a requirements file and the zero-based line its entry starts on (where its CodeLens goes). */
export interface StateLine { name: string; line: number }

/**
 * The line of each named item under `state:`, from the YAML AST (JSON is YAML, so this serves both). Items without
 * a string name are skipped; a text that does not parse yields what the parser recovered.
 * @example stateItemLines('state:\n  - name: cart\n') → [{ name: 'cart', line: 1 }]
 */
export function stateItemLines(text: string): StateLine[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (!isMap(doc.contents)) return [];
  const state = doc.contents.get('state', true);
  if (!isSeq(state)) return [];
  const out: StateLine[] = [];
  for (const item of state.items) {
    if (!isMap(item) || !item.range) continue;
    const name = item.get('name', true);
    if (!isScalar(name) || typeof name.value !== 'string') continue;
    out.push({ name: name.value, line: lineCounter.linePos(item.range[0]).line - 1 });
  }
  return out;
}

/**
 * Which requirements changed between two design reviews, read from the tables of their "Context and problem
 * statement" section (the requirement values and the state items), so `check` can say `traffic.sessionMinutes
 * 10 → 12` instead of two input digests. Both reviews come from renderReview, so the cells are formatted alike.
 * @example inputChanges(committed, renderReview(current)) // ['traffic.sessionMinutes 10 → 12']
 */
export function inputChanges(before: string, after: string): string[] {
  const a = reviewedInputs(before);
  const b = reviewedInputs(after);
  const out: string[] = [];
  for (const [key, to] of b) {
    const from = a.get(key);
    // A state item's cells only compare when the item is in both; an added or removed item is one line below.
    if (from !== undefined && from !== to) out.push(`${key} ${from} → ${to}`);
  }
  const items = (m: Map<string, string>) => new Set([...m.keys()].filter((k) => k.startsWith('state ')).map(itemOf));
  const [was, is] = [items(a), items(b)];
  for (const item of is) if (!was.has(item)) out.push(`state item ${item} added`);
  for (const item of was) if (!is.has(item)) out.push(`state item ${item} removed`);
  return out;
}

/** `state cart: Size (KB)` → `cart`. */
function itemOf(key: string): string {
  return key.slice('state '.length, key.indexOf(': '));
}

/**
 * The requirement values a review's context section shows: `traffic.peakRps` → `800`, and per state item
 * `state cart: Size (KB)` → `4`.
 */
export function reviewedInputs(markdown: string): Map<string, string> {
  const start = markdown.indexOf('\n## Context and problem statement');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = start < 0 ? '' : markdown.slice(start, end < 0 ? undefined : end);
  const out = new Map<string, string>();
  let header: string[] | undefined;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) { header = undefined; continue; }
    const cells = cellsOf(line);
    if (!header) { header = cells; continue; }
    if (cells.every((c) => /^-+$/.test(c))) continue;
    const key = unquote(cells[0] ?? '');
    if (header[0] === 'Requirement') out.set(key, cells[1] ?? '');
    else if (header[0] === 'State item') header.slice(1).forEach((h, i) => out.set(`state ${key}: ${h}`, cells[i + 1] ?? ''));
  }
  return out;
}

/** The cells of one Markdown table row, split at pipes a cell did not escape. */
function cellsOf(line: string): string[] {
  return line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** A code cell's text: `` `cart` `` → `cart`. */
function unquote(text: string): string {
  const m = /^(`+)\s?(.*?)\s?\1$/.exec(text);
  return m ? m[2]! : text;
}

/**
 * A requirements text with one more `accept` entry (a scan finding suppressed with a reason and an expiry), written
 * as text so the file keeps its comments and layout: appended to a block `accept:` list, or a new list at the end.
 * @example withAcceptEntry('service: a\n', { risk: 'r', reason: 'why', until: '2027-01-01' })
 */
export function withAcceptEntry(text: string, entry: { risk: string; reason: string; until: string }): string {
  const item = [`  - risk: ${quote(entry.risk)}`, `    reason: ${quote(entry.reason)}`, `    until: ${entry.until}`];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const at = lines.findIndex((l) => /^accept:\s*(#.*)?$/.test(l));
  const flowEmpty = lines.findIndex((l) => /^accept:\s*\[\s*\]\s*(#.*)?$/.test(l));
  if (flowEmpty >= 0) lines.splice(flowEmpty, 1, 'accept:', ...item);
  else if (at >= 0) {
    // The list ends at the next line that starts a top-level key (or at the end of the file).
    let end = at + 1;
    while (end < lines.length && (lines[end] === '' || /^[\s#-]/.test(lines[end]!))) end++;
    while (end > at + 1 && (lines[end - 1]!.trim() === '' || lines[end - 1]!.startsWith('#'))) end--;
    lines.splice(end, 0, ...item);
  } else lines.push('accept:', ...item);
  return lines.join('\n') + '\n';
}

/** A YAML double-quoted scalar (JSON's escaping is valid YAML). */
function quote(s: string): string {
  return JSON.stringify(s.replace(/[\r\n]+/g, ' '));
}

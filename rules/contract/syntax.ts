import type { LineCounter, YAMLError } from 'yaml';

/**
 * YAML syntax errors in statewise's words: one plain message per mistake, at the line the person has to change.
 * The yaml library reports one indentation mistake as several errors (a nested map in a compact mapping, then a
 * multi-line implicit key), often at the line *above* the mistake: those are folded into one, moved to the line that
 * is out of place, and said plainly.
 */
export interface SyntaxProblem { pos: number; message: string }

const PLAIN: Record<string, string> = {
  BAD_INDENT: 'this line is not lined up with the lines above it: the keys of one map (and the items of one list) start at the same column',
  TAB_AS_INDENT: 'this line is indented with a tab; YAML indents with spaces',
  MISSING_CHAR: 'a quote or a bracket opened here is never closed',
  BAD_SCALAR_START: 'this value starts with a character YAML reserves (such as @ or `); put it in quotes',
  BLOCK_IN_FLOW: 'an indented map or a "- " list cannot sit inside { } or [ ]; write it in flow style or drop the brackets',
  MULTIPLE_DOCS: 'a second document starts here (---); a file holds one document',
  MULTIPLE_ANCHORS: 'this value has two anchors (&name); give it one',
  BAD_ALIAS: 'this alias (*name) refers to an anchor that is not defined above it',
  UNEXPECTED_TOKEN: 'YAML did not expect this here; check the indentation, the colons and the quotes on this line',
};

/** Errors that mean "this line is indented as if it continued the value above". */
const CONTINUATION = new Set(['BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/**
 * The yaml library's errors → one plain problem per line, in text order.
 * @example syntaxProblems(doc.errors, text, lines)[0].message
 */
export function syntaxProblems(errors: readonly YAMLError[], text: string, lines: LineCounter): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const seenLines = new Set<number>();
  for (const e of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    let pos = e.pos[0];
    let message = PLAIN[e.code] ?? PLAIN.UNEXPECTED_TOKEN!;
    if (CONTINUATION.has(e.code)) {
      const next = continuationLine(text, pos);
      if (next !== undefined) {
        pos = next;
        message = 'this line is indented further than the key above it: line it up with the other keys of its map (or quote the value above if this line belongs to it)';
      } else {
        message = 'a value on this line holds another "key: value"; put the inner map on its own indented lines, or quote the value';
      }
    }
    if (e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT') {
      // Reported where the text ends; the person has to fix the line that opened the quote or the bracket.
      const closer = /closing "quote/.test(e.message) ? '"' : /closing 'quote/.test(e.message) ? "'" : /end with a \}/.test(e.message) ? '{' : /end with a \]/.test(e.message) ? '[' : undefined;
      const opened = closer === undefined ? -1 : text.lastIndexOf(closer, pos - 1);
      if (opened >= 0) {
        pos = opened;
        message = closer === '{' || closer === '['
          ? `the ${closer} opened here is never closed with ${closer === '{' ? '}' : ']'}`
          : 'the quoted value opened here is never closed';
      }
    }
    const line = lines.linePos(pos).line;
    // Later errors on a line that already has one are the same mistake seen again.
    if (seenLines.has(line)) continue;
    seenLines.add(line);
    out.push({ pos, message });
  }
  return out;
}

/**
 * Where a plain value that runs onto the next lines holds a `key:` — the start of the first such continuation line
 * (the line that is indented too far), or undefined when the value stays on one line.
 */
function continuationLine(text: string, pos: number): number | undefined {
  let at = text.indexOf('\n', pos);
  while (at >= 0 && at + 1 < text.length) {
    const start = at + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? undefined : end);
    const indent = line.length - line.trimStart().length;
    if (line.trim() && /^[^#\s][^:#]*:(\s|$)/.test(line.trimStart())) return start + indent;
    if (line.trim() && !line.startsWith(' ')) return undefined;
    at = end;
  }
  return undefined;
}

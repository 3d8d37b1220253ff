import { autolinkSpans } from './autolinks.ts';

/**
 * Markdown building blocks for the design-review document. Every piece of text that comes from an input or a rule
 * passes through here, so a pipe, a newline, an HTML-looking `<tag` or a bare URL cannot break a table, a list or a page,
 * or become a live link.
 */

/** Control characters other than whitespace (NUL, ESC, BEL, C1): shown as U+FFFD, never passed on to a renderer or terminal. */
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

/** One line, single spaces, no control characters. */
function flat(text: string): string {
  return text.replace(CONTROL, '\uFFFD').replace(/\s+/g, ' ').trim();
}

/** No raw HTML: `<x` would start a tag on GitHub. */
function noHtml(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, '&lt;');
}

/**
 * No link or image syntax: `[x](javascript:…)` and `![x](https://tracker/…)` in a description, a reason or a
 * custom rule's text stay text. Backslashes are escaped first, so `\[` in the input cannot undo the escape.
 */
function noLinks(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/[[\]]/g, (m) => `\\${m}`);
}

/**
 * Free text on one line with nothing a renderer would turn into markup: no raw HTML, no link or image syntax, and
 * no autolink — a bare URL, `www.` name or e-mail address becomes a code span (shown as written, never linked; a
 * review keeps no live link). Escaping the URL's characters instead does not hold: markdown-it still links the
 * `//host` left after an escaped `:`.
 */
function plain(text: string): string {
  const line = flat(text);
  let out = '';
  let at = 0;
  for (const span of autolinkSpans(line)) {
    out += noLinks(noHtml(line.slice(at, span.start))) + code(line.slice(span.start, span.end));
    at = span.end;
  }
  return out + noLinks(noHtml(line.slice(at)));
}

/** What would open a block (heading, quote, list, fence, thematic break) at the start of a line. */
const BLOCK_START = /^(#{1,6}(?= |$)|>|[-+*](?= |$)|\d{1,9}(?=[.)](?: |$))|`{3}|~{3}|[-*_](?= *[-*_]))/;

/**
 * Text for paragraphs and list items: one line, no raw HTML, and no block syntax at its start, so a description
 * `## x` or `1. x` stays text instead of becoming a heading or a list wherever it is placed.
 */
export function inline(text: string): string {
  return plain(text).replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Text safe inside a table cell: one line, pipes and backslashes escaped; an empty cell shows a dash. */
export function cell(text: string): string {
  const out = plain(text).replace(/\|/g, '\\|');
  return out === '' ? '—' : out;
}

/** An inline code span that survives backticks inside the value. */
export function code(text: string): string {
  const line = flat(text);
  const longest = Math.max(0, ...(line.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

/** A code span inside a table cell: GFM needs the pipe escaped even there. */
export function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** A GitHub-flavoured Markdown table from cells the caller already formatted with `cell` / `codeCell`. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(cell)), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** `+5`, `0`, `-10`: effects read as deltas. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

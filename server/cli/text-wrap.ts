import { printable } from './escape.ts';

/**
 * Text filled to `width` columns, every line starting at `indent`; a bullet (`- `, `→ `, `✗ `) hangs, so its
 * continuation lines start under the bullet's text rather than under the bullet. `hangIndent` sets where
 * continuation lines start instead (a labelled line: `  NOTE …` continues under its text).
 * @example wrap('- a b c', 6, '  ') === '  - a b\n    c'
 */
export function wrap(text: string, width: number, indent: string, hangIndent?: string): string {
  const bullet = /^(- |→ |✗ )/.exec(text)?.[0] ?? '';
  const hang = hangIndent ?? indent + ' '.repeat(bullet.length);
  const out: string[] = [];
  let line = indent;
  for (const word of printable(text).split(/\s+/)) {
    if (!word) continue;
    const first = line === indent || line === hang;
    if (!first && line.length + word.length + 1 > width) { out.push(line.trimEnd()); line = hang; }
    line += (line === indent || line === hang ? '' : ' ') + word;
  }
  if (line.trim()) out.push(line.trimEnd());
  return out.join('\n');
}

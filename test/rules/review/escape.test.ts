import { describe, expect, it } from 'vitest';
import { cell, code, codeCell, inline, table } from '../../../rules/review/markdown.ts';
import { label } from '../../../rules/review/mermaid.ts';

describe('Markdown escaping', () => {
  it('keeps a table cell on one line and escapes pipes and backslashes', () => {
    expect(cell('a | b\nc\\d')).toBe('a \\| b c\\\\d');
    expect(cell('  ')).toBe('—');
    expect(codeCell('x|y')).toBe('`x\\|y`');
    expect(table(['A|B'], [[cell('1')]])).toBe('| A\\|B |\n|---|\n| 1 |');
  });

  it('neutralizes HTML-looking text but leaves comparisons alone', () => {
    expect(inline('<b>x</b> and 3 < 4')).toBe('&lt;b>x&lt;/b> and 3 < 4');
  });

  it('keeps text that looks like block syntax from opening a block', () => {
    expect(inline('## injected')).toBe('\\## injected');
    expect(inline('1. item')).toBe('1\\. item');
    expect(inline('99.9% uptime')).toBe('99.9% uptime');
    expect(inline('> quote')).toBe('\\> quote');
    expect(inline('- item')).toBe('\\- item');
    expect(inline('---')).toBe('\\---');
    expect(inline('-5 degrees')).toBe('-5 degrees');
    expect(inline('```js')).toBe('\\```js');
    expect(cell('1. x')).toBe('1. x');
  });

  it('fences code spans longer than the backticks inside them', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x')).toBe('`` `x ``');
  });
});

describe('Mermaid labels', () => {
  it('codes only what mermaid 11 still interprets inside a quoted label', () => {
    expect(label('a "q" [b] (c) {d} #e; f|g `h` <i> &amp;')).toBe(
      'a #34;q#34; [b] (c) {d} #35;e; f|g #96;h#96; #60;i#62; #38;amp;');
    expect(label('two\nlines')).toBe('two lines');
  });
});

import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** The issues of a text that fails to parse, as `line:column message`. */
function problems(text: string): string[] {
  const r = parseRequirements(text);
  if (r.ok) throw new Error('expected a syntax error');
  return r.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
}

/** The yaml library's own messages for a text: none of them may reach a person. */
function libraryMessages(text: string): string[] {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: true });
  return doc.errors.map((e) => e.message.split('\n')[0]!.trim());
}

describe('YAML syntax errors: one plain message per mistake, at the line to change', () => {
  it('a key indented one space too far: one message at that key (the library says two things about the line above)', () => {
    const text = lines('service: a', 'traffic:', '  peakRps: 10', '   regions: 2', 'state: []');
    expect(libraryMessages(text)).toHaveLength(2);
    expect(problems(text)).toEqual(['4:4 this line is indented further than the key above it: line it up with the other keys of its map (or quote the value above if this line belongs to it)']);
  });

  it('a key indented too little, a list item out of line, a tab', () => {
    expect(problems(lines('service: a', 'traffic:', '  peakRps: 10', ' regions: 2'))).toEqual([
      '4:1 this line is not lined up with the lines above it: the keys of one map (and the items of one list) start at the same column',
    ]);
    expect(problems(lines('state:', '  - name: a', '    lifetime: days', '   - name: b'))).toHaveLength(1);
    expect(problems(lines('service: a', '\tpeakRps: 1'))).toEqual(['2:1 this line is indented with a tab; YAML indents with spaces']);
  });

  it('an unclosed quote or bracket is reported where it opens, not where the text ends', () => {
    expect(problems(lines('service: "shop', 'traffic: { peakRps: 1 }'))).toEqual(['1:10 the quoted value opened here is never closed']);
    expect(problems(lines('service: shop', 'traffic: { peakRps: 10'))).toEqual(['2:10 the { opened here is never closed with }']);
    expect(problems(lines('service: shop', 'state: [a, b'))).toEqual(['2:8 the [ opened here is never closed with ]']);
  });

  it('a cascade of errors on one line is one message', () => {
    const text = lines('- a', 'b: c');
    expect(libraryMessages(text).length).toBeGreaterThan(1);
    expect(problems(text)).toEqual(['2:1 YAML did not expect this here; check the indentation, the colons and the quotes on this line']);
  });

  it('never shows the library\'s wording', () => {
    const texts = [
      lines('service: a', 'traffic:', '  peakRps: 10', '   regions: 2'), lines('a: b: c'), lines('- a', 'b: c'),
      lines('service: "a'), lines('x: [1, 2'), lines('service: a', '\tb: 1'), lines('a: *nowhere'), lines('a: 1', '---', 'b: 2'),
    ];
    for (const text of texts) {
      const ours = problems(text);
      for (const theirs of libraryMessages(text)) expect(ours.join('\n')).not.toContain(theirs);
    }
  });
});

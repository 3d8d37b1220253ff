import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlPlaceAt } from '../../extension/src/yaml-place.ts';

/** The offset of the `|` in a text written with a cursor mark, and the text without it. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const place = (marked: string) => yamlPlaceAt(...at(marked));

describe('schema path under the cursor in YAML', () => {
  it('a key: its path, the key as the word, and its exact offsets', () => {
    const [text, offset] = at('service: shop\ntraffic:\n  peak|Rps: 5\n  spiky: true\n');
    const p = yamlPlaceAt(text, offset)!;
    expect(p).toMatchObject({ path: ['traffic', 'peakRps'], role: 'key', word: 'peakRps' });
    expect(text.slice(p.start, p.end)).toBe('peakRps');
    // The key being edited is not a sibling: completing it may offer its own name again.
    expect(p.siblings).toEqual(['spiky']);
  });

  it('a value: the field it belongs to', () => {
    const [text, offset] = at('context:\n  memory: ses|sion\n');
    const p = yamlPlaceAt(text, offset)!;
    expect(p).toMatchObject({ path: ['context', 'memory'], role: 'value', word: 'session' });
    expect(text.slice(p.start, p.end)).toBe('session');
  });

  it('an empty value after the colon is a value position with an empty word', () => {
    expect(place('context:\n  memory: |\n')).toMatchObject({ path: ['context', 'memory'], role: 'value', word: '' });
  });

  it('a half-typed key on its own line is a key position among its siblings', () => {
    const p = place('traffic:\n  peakRps: 5\n  si|\n')!;
    expect(p).toMatchObject({ path: ['traffic', 'si'], role: 'key', word: 'si' });
    expect(p.siblings).toEqual(['peakRps']);
  });

  it('a blank indented line inside a list item is a key of that item', () => {
    const p = place('state:\n  - name: cart\n    |\n')!;
    expect(p).toMatchObject({ path: ['state', 0, ''], role: 'key', word: '' });
    expect(p.siblings).toEqual(['name']);
  });

  it('the second list item, and a list of scalars', () => {
    expect(place('state:\n  - name: a\n  - name: b\n    lifetime: ho|urs\n')).toMatchObject({ path: ['state', 1, 'lifetime'], role: 'value' });
    expect(place('constraints:\n  stores: [redis, po|]\n')).toMatchObject({ path: ['constraints', 'stores', 1], role: 'value', word: 'po' });
    expect(place('constraints:\n  stores:\n    - |\n')).toMatchObject({ path: ['constraints', 'stores', 0], role: 'value', word: '' });
  });

  it('a top-level key at column 0 of a blank line', () => {
    expect(place('service: a\n|\n')).toMatchObject({ path: [''], role: 'key', siblings: ['service'] });
  });

  it('nothing inside a comment', () => {
    expect(place('# a com|ment\nservice: a\n')).toBeUndefined();
  });

  it('never throws and stays inside the text for any cursor in any text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.nat(), (text, n) => {
      const offset = n % (text.length + 1);
      const p = yamlPlaceAt(text, offset);
      if (p) {
        expect(p.start).toBeGreaterThanOrEqual(0);
        expect(p.end).toBeLessThanOrEqual(text.length);
        expect(p.start).toBeLessThanOrEqual(p.end);
      }
    }), { numRuns: 300 });
  });
});

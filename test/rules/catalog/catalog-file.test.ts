import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, createEngine, loadCatalog, type CatalogSource } from '../../../rules/index.ts';
import { preparseCatalogFile } from '../../../rules/catalog/catalog-file.ts';
import { catalogFrom, requirementsFromText } from '../../support/engine.ts';

/** The built-in files as the compiled CLI carries them (scripts/build.ts): parsed once, at build time. */
const preparsed = (sources: readonly CatalogSource[]): CatalogSource[] => sources.map((s) => {
  const parsed = preparseCatalogFile(s);
  if (!parsed) throw new Error(`${s.name} does not preparse`);
  return { ...s, parsed };
});

/** `  - id: X` lines of a catalogue text, found by scanning the text (not with the YAML parser under test). */
function idLines(text: string, list: 'rules' | 'disable'): number[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${list}:`));
  if (start < 0) return [];
  const out: number[] = [];
  for (let i = start + 1; i < lines.length && !/^\S/.test(lines[i]!); i++) {
    if (/^ {2}- /.test(lines[i]!)) out.push(i + 1);
  }
  return out;
}

describe('pre-parsed catalogue files (what the compiled CLI loads instead of YAML)', () => {
  it('hold each built-in rule at the line where its list entry starts in the text', () => {
    for (const source of BUILTIN_CATALOG) {
      const parsed = preparseCatalogFile(source)!;
      expect(parsed.ruleLines, source.name).toEqual(idLines(source.text, 'rules'));
      expect(parsed.disableLines, source.name).toEqual(idLines(source.text, 'disable'));
      expect(parsed.data.rules.map((r) => r.id), source.name).toEqual([...source.text.matchAll(/^ {2}- id: (\S+)/gm)].map((m) => m[1]));
    }
  });

  it('compile to the same catalogue as the YAML: version, every rule with its file and line, thresholds, profiles', () => {
    const fromText = catalogFrom(BUILTIN_CATALOG);
    const fromParsed = catalogFrom(preparsed(BUILTIN_CATALOG));
    expect(fromParsed.version).toBe(fromText.version);
    const shape = (c: typeof fromText) => c.rules.map((r) => [r.id, r.kind, r.file, r.line, [...r.reads].sort()]);
    expect(shape(fromParsed)).toEqual(shape(fromText));
    expect([...fromParsed.thresholds]).toEqual([...fromText.thresholds]);
    expect(fromParsed.profiles).toEqual(fromText.profiles);
    expect(fromParsed.prices).toEqual(fromText.prices);
  });

  it('give byte-identical advice for every example', () => {
    const a = createEngine(catalogFrom(BUILTIN_CATALOG));
    const b = createEngine(catalogFrom(preparsed(BUILTIN_CATALOG)));
    const examples = readdirSync('examples').filter((f) => f.endsWith('.statewise.yaml'));
    expect(examples.length).toBeGreaterThan(10);
    for (const f of examples) {
      const req = requirementsFromText(readFileSync(`examples/${f}`, 'utf8'));
      expect(JSON.stringify(b.advise(req)), f).toBe(JSON.stringify(a.advise(req)));
    }
  });

  it('report a broken rule at the same file, line and column as the text does (the text is parsed only then)', () => {
    const text = [
      'rules:',
      '  - id: team.one',
      '    kind: service',
      '    title: One',
      '    when: { fact: traffic.peakRpz, gt: 5 }',
      '    effect: { stateless: 1 }',
      '    because: "fires"',
      '  - id: team.one',
      '    kind: service',
      '    title: Twin',
      '    when: { fact: traffic.peakRps, gt: 5 }',
      '    effect: { stateless: 1 }',
      '    because: "fires"',
      '',
    ].join('\n');
    const custom = { name: 'team/rules.yaml', text };
    const plain = loadCatalog(BUILTIN_CATALOG, { custom: [custom] });
    const fast = loadCatalog(preparsed(BUILTIN_CATALOG), { custom: preparsed([custom]) });
    expect(plain.ok).toBe(false);
    expect(fast).toEqual(plain);
    if (!plain.ok) expect(plain.issues.map((i) => [i.code, i.line])).toEqual([['unknown_fact', 5], ['duplicate_id', 8]]);
  });

  it('are not made for a file that does not parse or validate: the loader reports it from the text', () => {
    expect(preparseCatalogFile({ name: 'x.yaml', text: 'rules: [' })).toBeUndefined();
    expect(preparseCatalogFile({ name: 'x.yaml', text: 'rulez: []' })).toBeUndefined();
    const read = loadCatalog(BUILTIN_CATALOG, { custom: [{ name: 'x.yaml', text: 'rulez: []' }] });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]).toMatchObject({ file: 'x.yaml', line: 1 });
  });

  it('a pre-parsed file that loads cleanly is never parsed again (that parse was 2/3 of a cold advise)', () => {
    // Text that does not parse: reading it would throw ("the build step is broken"), so a load that touches the
    // text of a clean pre-parsed file fails this test.
    const untouchable = preparsed(BUILTIN_CATALOG).map((s) => ({ ...s, text: `${s.text}\n\t: [ {` }));
    const loaded = loadCatalog(untouchable);
    expect(loaded.ok).toBe(true);
  });
});

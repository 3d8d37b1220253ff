import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../adapters/index.ts';
import { nodeSha256 } from '../../adapters/sha256.ts';
import { BUILTIN_CATALOG, createEngine, loadCatalog, sha256Hex } from '../../rules/index.ts';
import { catalogFrom, requirementsFromText } from '../support/engine.ts';
import { ROOT } from '../support/http.ts';

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();

describe('input digests through the host hash', () => {
  it('node:crypto and the pure fallback give the published SHA-256 vectors, ASCII and not', () => {
    // FIPS 180-2 appendix B.1 ("abc") and the empty string; the em dash checks UTF-8 encoding (3 bytes: e2 80 94).
    const vectors: Array<[string, string]> = [
      ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ];
    for (const [text, hex] of vectors) {
      expect(nodeSha256(text)).toBe(hex);
      expect(sha256Hex(text)).toBe(hex);
    }
    const mixed = 'cart — 2 KB · naïve 🛒';
    expect(nodeSha256(mixed)).toBe(sha256Hex(mixed));
    expect(nodeSha256(mixed)).not.toBe(nodeSha256(mixed.normalize('NFD')));
  });

  it('engines with node:crypto answer byte-identically to the pure one, and really use the hash they are given', () => {
    const catalog = catalogFrom();
    let calls = 0;
    const counted = createEngine(catalog, { sha256: (t) => { calls++; return nodeSha256(t); } });
    const pure = createEngine(catalog);
    for (const file of EXAMPLES) {
      const req = requirementsFromText(readFileSync(join(ROOT, 'examples', file), 'utf8'));
      const a = JSON.stringify(counted.advise(req, { today: '2026-11-26' }));
      const b = JSON.stringify(pure.advise(req, { today: '2026-11-26' }));
      expect(a, file).toBe(b);
    }
    expect(calls).toBe(EXAMPLES.length);
    const other = createEngine(catalog, { sha256: () => '0'.repeat(64) });
    const req = requirementsFromText(readFileSync(join(ROOT, 'examples', EXAMPLES[0]!), 'utf8'));
    expect(other.advise(req).inputDigest).toBe(`sha256:${'0'.repeat(64)}`);
  });

  it('the CLI and server engine (loadEngine) digests with node:crypto to the same text', () => {
    const loaded = loadEngine(undefined, ROOT);
    if (!loaded.ok) throw new Error('built-in catalogue');
    const req = requirementsFromText(readFileSync(join(ROOT, 'examples', EXAMPLES[0]!), 'utf8'));
    expect(loaded.value.advise(req).inputDigest).toBe(createEngine(catalogFrom()).advise(req).inputDigest);
  });

  it('the catalogue version is the same through node:crypto, and is computed with the hash given (built-in and custom)', () => {
    const custom = [{ name: 'rules/extra.yaml', text: 'disable: []\n' }];
    const pure = loadCatalog(BUILTIN_CATALOG, { custom });
    let hashed = 0;
    const host = loadCatalog(BUILTIN_CATALOG, { custom, sha256: (t) => { hashed += t.length; return nodeSha256(t); } });
    if (!pure.ok || !host.ok) throw new Error('built-in catalogue');
    expect(host.value.version).toBe(pure.value.version);
    expect(host.value.version).toMatch(/^statewise-rules@[^+]+\+[0-9a-f]{12}\+custom\.[0-9a-f]{12}$/);
    // Both digests went through the given hash: every built-in text and the custom one.
    expect(hashed).toBeGreaterThan(BUILTIN_CATALOG.reduce((n, s) => n + s.text.length, 0));
    const zero = loadCatalog(BUILTIN_CATALOG, { sha256: () => 'f'.repeat(64) });
    if (!zero.ok) throw new Error('built-in catalogue');
    expect(zero.value.version).toMatch(/\+ffffffffffff$/);
    // The CLI and server engine names its catalogue as the pure loader does.
    const loaded = loadEngine(undefined, ROOT);
    const builtin = loadCatalog(BUILTIN_CATALOG);
    if (!loaded.ok || !builtin.ok) throw new Error('built-in catalogue');
    expect(loaded.value.catalog.version).toBe(builtin.value.version);
  });
});

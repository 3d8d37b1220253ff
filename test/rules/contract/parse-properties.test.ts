import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseRequirements, validateRequirements } from '../../../rules/index.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { runs } from '../../support/property.ts';

/**
 * Parsing as properties over generated documents: valid data parses the same from YAML, JSON and as data; and any
 * single mistake put into a valid document is reported at the line and column where it was written.
 */
type Json = Record<string, unknown>;

/** Every path to a map inside the document (where an unknown key can be added), and every leaf. */
function paths(value: unknown, at: (string | number)[] = [], maps: (string | number)[][] = [], leaves: (string | number)[][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], maps, leaves));
  else if (value !== null && typeof value === 'object') {
    maps.push(at);
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], maps, leaves);
  } else if (at.length) leaves.push(at);
  return { maps, leaves };
}

function setAt(doc: Json, path: (string | number)[], fn: (old: unknown) => unknown): Json {
  const copy = structuredClone(doc);
  let node: Record<string | number, unknown> = copy;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = fn(node[last]);
  return copy;
}

/** The text at a 1-based line and column. */
const textAt = (text: string, line: number, column: number) => (text.split('\n')[line - 1] ?? '').slice(column - 1);

describe('parseRequirements over generated documents', () => {
  it('valid data parses to the same requirements from YAML text, JSON text and as data', () => {
    fc.assert(fc.property(requirementsArb(), (data) => {
      const asData = validateRequirements(data);
      const fromYaml = parseRequirements(stringify(data));
      const fromJson = parseRequirements(JSON.stringify(data, null, 1));
      expect(asData.ok && fromYaml.ok && fromJson.ok).toBe(true);
      if (asData.ok && fromYaml.ok && fromJson.ok) {
        expect(fromYaml.value).toEqual(asData.value);
        expect(fromJson.value).toEqual(asData.value);
      }
    }), { numRuns: runs(100, 300) });
  });

  it('an unknown key anywhere is reported at that key', () => {
    const arb = requirementsArb().chain((data) => fc.record({
      data: fc.constant(data as Json),
      at: fc.constantFrom(...paths(data).maps),
      key: fc.stringMatching(/^zz[a-z]{1,8}$/),
    }));
    fc.assert(fc.property(arb, ({ data, at, key }) => {
      const bad = at.length ? setAt(data, at, (m) => ({ ...(m as Json), [key]: 1 })) : { ...data, [key]: 1 };
      const text = stringify(bad);
      const result = parseRequirements(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      const [i] = result.issues;
      expect(i!.path).toEqual([...at, key]);
      expect(textAt(text, i!.line!, i!.column!).startsWith(key)).toBe(true);
    }), { numRuns: runs(100, 300) });
  });

  it('a value of the wrong type anywhere is reported at that value', () => {
    const arb = requirementsArb().chain((data) => fc.record({
      data: fc.constant(data as Json),
      at: fc.constantFrom(...paths(data).leaves.filter((p) => p[0] !== 'description' && p[0] !== 'decisionMakers' && p[0] !== 'accept')),
    }));
    fc.assert(fc.property(arb, ({ data, at }) => {
      const marker = '[wrong-type-marker]';
      const bad = setAt(data, at, (old) => (typeof old === 'string' ? [marker] : marker));
      const text = stringify(bad);
      const result = parseRequirements(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const found = result.issues.find((x) => JSON.stringify(x.path) === JSON.stringify(at));
      expect(found, JSON.stringify(result.issues)).toBeDefined();
      expect(found!.line).toBeGreaterThan(0);
      const here = textAt(text, found!.line!, found!.column!);
      expect(here.includes('wrong-type-marker') || here.startsWith('-'), `${here} at ${found!.line}:${found!.column}`).toBe(true);
    }), { numRuns: runs(100, 300) });
  });
});

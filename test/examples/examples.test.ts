import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { answerViolations } from '../support/invariants.ts';

/**
 * examples/*.statewise.yaml are user documentation: each must parse, get an answer that keeps every invariant, and
 * — where its header comment says "statewise answers: X" — get exactly that verdict. Together they cover all three.
 */
const DIR = join(ROOT, 'examples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.statewise.yaml')).sort();
const engine = builtinEngine();

describe('examples', () => {
  it('there are at least 8, and they cover stateless, stateful and hybrid', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const verdicts = new Set(files.map((f) => engine.advise(requirementsFromText(readFileSync(join(DIR, f), 'utf8'))).verdict));
    expect([...verdicts].sort()).toEqual(['hybrid', 'stateful', 'stateless']);
    const promising = files.filter((f) => /statewise answers: /.test(readFileSync(join(DIR, f), 'utf8')));
    expect(promising.length, 'examples whose comment states the verdict').toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s parses, keeps every invariant and gets the verdict its comment promises', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const req = requirementsFromText(text);
    const rec = engine.advise(req);
    expect(answerViolations(engine, req, rec)).toEqual([]);
    const promised = /statewise answers: (stateless|stateful|hybrid)/.exec(text)?.[1];
    if (promised) expect(rec.verdict, `${file} says "statewise answers: ${promised}"`).toBe(promised);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toDiagnosticSpecs } from '../../web/render/issue-ranges.ts';
import { parseRequirements } from '../../rules/index.ts';
import { cli, ROOT, tempFiles } from '../support/cli.ts';

/**
 * The messages the README quotes are the real output: each `<!-- example:NAME -->`…`<!-- /example -->` span must
 * equal what statewise prints for the input below. After an intended wording change, regenerate them with
 * `UPDATE_README=1 npx vitest run test/docs/readme-examples.test.ts` and review the diff.
 */
const README = join(ROOT, 'README.md');
const UPDATE = process.env.UPDATE_README === '1';
const SHOP = 'service: shop\ntraffic: { peakRps: 10 }\nfailure:\n  regions: 2\n';
const NEGATIVE = 'service: shop\ntraffic:\n  peakRps: -5\n';

const { dir, done } = tempFiles({ 'shop.statewise.yaml': SHOP });
afterAll(() => done());

/** What each example shows, produced by the real front end. */
const EXAMPLES: Record<string, () => Promise<string>> = {
  'cli-issue': async () => {
    const run = await cli(dir, 'advise', 'shop.statewise.yaml');
    expect(run.code).toBe(2);
    return run.err.trim();
  },
  'editor-issue': async () => {
    const parsed = parseRequirements(NEGATIVE);
    if (parsed.ok) throw new Error('expected an issue');
    return toDiagnosticSpecs(NEGATIVE, parsed.issues)[0]!.message;
  },
};

const SPAN = /<!-- example:([a-z-]+) -->`([^`]*)`<!-- \/example -->/g;

describe('README examples are the real output', () => {
  it('every example in the README has a generator, and every generator an example', () => {
    const names = [...readFileSync(README, 'utf8').matchAll(SPAN)].map((m) => m[1]).sort();
    expect(names).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(Object.keys(EXAMPLES))('%s matches what statewise prints', async (name) => {
    const real = await EXAMPLES[name]!();
    expect(real).not.toContain('`');
    const text = readFileSync(README, 'utf8');
    if (UPDATE) {
      writeFileSync(README, text.replace(SPAN, (all, n: string) => (n === name ? `<!-- example:${n} -->\`${real}\`<!-- /example -->` : all)));
    }
    const shown = [...readFileSync(README, 'utf8').matchAll(SPAN)].find((m) => m[1] === name)![2];
    expect(shown, 'README drifted: UPDATE_README=1 npx vitest run test/docs/readme-examples.test.ts').toBe(real);
  });
});

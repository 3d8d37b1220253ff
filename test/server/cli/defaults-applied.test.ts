import { afterAll, describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { cli, tempFiles } from '../../support/cli.ts';

const TEXT = 'service: shop\ntraffic: { peakRps: 50 }\nstate:\n  - name: cart\n    lifetime: days\n';
const { dir, done } = tempFiles({ 'shop.statewise.yaml': TEXT });
afterAll(() => done());

describe('statewise advise names the defaults it assumed (issue 14)', () => {
  it('prints one line under Assumptions: how many fields, those the answer leans on first', async () => {
    const parsed = parseRequirements(TEXT);
    if (!parsed.ok) throw new Error('fixture');
    const n = parsed.value.defaultsApplied!.length;
    const { code, out } = await cli(dir, 'advise', 'shop.statewise.yaml');
    expect(code).toBe(0);
    // The bullet may wrap: its continuation lines hang under its text (4 spaces), so join them back.
    const line = out.replace(/\n {4}(?=\S)/g, ' ').split('\n').find((l) => l.includes('defaults for'));
    expect(line).toMatch(new RegExp(`^  - defaults for ${n} field\\(s\\) the file leaves out: failure\\.sessionLoss=tolerable, state\\[0\\]\\.sensitivity=internal, state\\[0\\]\\.lossImpact=annoying, … \\(--json lists all\\)$`));
  });

  it('lists every one in --json', async () => {
    const { out } = await cli(dir, 'advise', 'shop.statewise.yaml', '--json');
    const rec = JSON.parse(out) as { defaultsApplied: { pointer: string }[] };
    expect(rec.defaultsApplied.map((d) => d.pointer)).toContain('/state/0/consistency');
  });
});

import { describe, expect, it } from 'vitest';
import { withAcceptEntry } from '../../extension/src/accept-entry.ts';
import { parseRequirements } from '../../rules/index.ts';

const entry = { risk: 'conformance.module-state:src/a.ts:cache', reason: 'one instance: "pilot"', until: '2027-03-01' };
const accepted = (text: string) => {
  const parsed = parseRequirements(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value.accept;
};

describe('suppressing a scan finding in the requirements file', () => {
  it('adds an accept list at the end, keeping comments', () => {
    const text = '# the shop\nservice: shop # ours\ntraffic:\n  peakRps: 5\n';
    const out = withAcceptEntry(text, entry);
    expect(out.startsWith(text)).toBe(true);
    expect(accepted(out)).toEqual([entry]);
  });

  it('appends to an existing block list before the next top-level key, and replaces an empty flow list', () => {
    const text = 'service: shop\naccept:\n  - risk: risk.x\n    reason: known\n    until: 2027-01-01\n\n# traffic\ntraffic:\n  peakRps: 5\n';
    expect(accepted(withAcceptEntry(text, entry))).toEqual([{ risk: 'risk.x', reason: 'known', until: '2027-01-01' }, entry]);
    expect(withAcceptEntry(text, entry)).toContain('\n\n# traffic\ntraffic:');
    expect(accepted(withAcceptEntry('service: shop\ntraffic: { peakRps: 5 }\naccept: []\n', entry))).toEqual([entry]);
  });
});

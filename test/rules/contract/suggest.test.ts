import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { didYouMean, knownFields } from '../../../rules/contract/suggest.ts';
import { RequirementsSchema } from '../../../rules/contract/requirements.ts';

describe('didYouMean', () => {
  it('prefers a field that starts or ends with what was typed', () => {
    expect(didYouMean('size', ['sizeKb', 'sensitivity', 'writeKb'])).toBe('sizeKb');
    expect(didYouMean('rps', ['peakRps', 'spiky', 'regions'])).toBe('peakRps');
  });
  it('takes the nearest spelling within a third of the typed length, ignoring case', () => {
    expect(didYouMean('sessions', ['request', 'session', 'global'])).toBe('session');
    expect(didYouMean('SIZEKB', ['sizeKb'])).toBe('sizeKb');
    expect(didYouMean('strng', ['eventual', 'read-your-writes', 'strong'])).toBe('strong');
  });
  it('says nothing when nothing is close', () => {
    expect(didYouMean('colour', ['sizeKb', 'owner', 'lifetime'])).toBeUndefined();
    expect(didYouMean('', ['a'])).toBeUndefined();
    expect(didYouMean('ab', ['xyzw'])).toBeUndefined();
  });
});

describe('knownFields', () => {
  it('walks objects, lists and defaults to the fields of a state item', () => {
    const fields = knownFields(RequirementsSchema, ['state', 3]);
    expect(fields).toContain('sizeKb');
    expect(fields).toContain('lossImpact');
    expect(fields).not.toContain('peakRps');
    expect(knownFields(RequirementsSchema, ['traffic'])).toContain('peakRps');
    expect(knownFields(RequirementsSchema, ['service'])).toEqual([]);
  });
});

describe('parse issues carry the suggestion', () => {
  it('for unknown fields and enum values, at their line, in words and as data', () => {
    const r = parseRequirements('service: a\ntraffic: { peakRps: 10, rps: 5 }\nstate:\n  - name: s\n    owner: sessions\n    size: 3\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPointer = Object.fromEntries(r.issues.map((i) => [i.pointer, i]));
    expect(byPointer['/traffic/rps']).toMatchObject({ suggestion: 'peakRps', line: 2, code: 'unknown_field' });
    expect(byPointer['/state/0/owner']).toMatchObject({ suggestion: 'session', line: 5 });
    expect(byPointer['/state/0/owner']!.message).toMatch(/did you mean "session"\?$/);
    expect(byPointer['/state/0/size']).toMatchObject({ suggestion: 'sizeKb', line: 6 });
  });
  it('leaves issues without a plausible correction alone', () => {
    const r = parseRequirements('service: a\ntraffic: { peakRps: 10 }\nfavouriteColour: blue\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.suggestion).toBeUndefined();
    expect(r.issues[0]!.message).not.toMatch(/did you mean/);
  });
});

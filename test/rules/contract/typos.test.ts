import { describe, expect, it } from 'vitest';
import { parseRequirements, validateRequirements } from '../../../rules/index.ts';
import { createApp } from '../../../server/app.ts';
import { builtinEngine } from '../../support/engine.ts';

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('one typo, one problem (issue 29)', () => {
  it('a misspelt required field is one unknown-field issue with the did-you-mean, not also "is required"', () => {
    const r = parseRequirements(lines('service: a', 'traffic:', '  peakRPS: 10'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({
      code: 'unknown_field', pointer: '/traffic/peakRPS', line: 3, column: 3, suggestion: 'peakRps',
      message: 'unknown field "peakRPS"; did you mean "peakRps"? ("peakRps" is required)',
    })]);
  });

  it('keeps both when the typo suggests another field than the missing one, or the field is present', () => {
    // `peakRPS` beside a real peakRps: nothing is missing, the unknown field stays as it was.
    const both = validateRequirements({ service: 'a', traffic: { peakRps: 1, peakRPS: 2 } });
    expect(!both.ok && both.issues.map((i) => i.message)).toEqual(['unknown field "peakRPS"; did you mean "peakRps"?']);
    // A missing peakRps and an unrelated unknown field: two problems, both reported.
    const two = validateRequirements({ service: 'a', traffic: { colour: 'red' } });
    expect(!two.ok && two.issues.map((i) => `${i.pointer} ${i.message}`).sort()).toEqual(['/traffic/colour unknown field "colour"', '/traffic/peakRps is required']);
  });

  it('merges per map: the same typo in two state items is two problems, each once', () => {
    const r = validateRequirements({ service: 'a', traffic: { peakRps: 1 }, state: [{ nme: 'x', lifetime: 'request' }, { nme: 'y', lifetime: 'request' }] });
    expect(!r.ok && r.issues.map((i) => i.pointer)).toEqual(['/state/0/nme', '/state/1/nme']);
  });

  it('HTTP answers one problem for it, at its JSON pointer', async () => {
    const res = await createApp({ engine: builtinEngine(), accessLog: false }).request('/v1/recommendations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'a', traffic: { peakRPS: 10 } }) });
    expect(res.status).toBe(400);
    const body = await res.json() as { errors: { pointer: string; suggestion?: string }[] };
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/traffic/peakRPS', suggestion: 'peakRps' })]);
  });
});

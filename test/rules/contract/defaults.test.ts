import { describe, expect, it } from 'vitest';
import { defaultsApplied, fieldOf, parseRequirements, RecommendationSchema, renderReview, validateRequirements } from '../../../rules/index.ts';
import { builtinEngine } from '../../support/engine.ts';

const engine = builtinEngine();
const MINIMAL = 'service: shop\ntraffic: { peakRps: 50 }\nstate:\n  - name: cart\n    lifetime: days\n';

function parsed(text: string) {
  const r = parseRequirements(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('defaultsApplied: the answer lists which defaults it assumed', () => {
  it('lists a field the document leaves out, with the value the schema gave it, and none it wrote', () => {
    const req = parsed(MINIMAL);
    const applied = new Map(req.defaultsApplied!.map((d) => [d.pointer, d]));
    expect(applied.get('/state/0/consistency')).toMatchObject({ value: req.state[0]!.consistency, because: expect.stringMatching(/own writes/) });
    expect(applied.get('/traffic/regions')?.value).toBe(req.traffic.regions);
    for (const written of ['/service', '/traffic/peakRps', '/state/0/name', '/state/0/lifetime', '/apiVersion']) expect(applied.has(written)).toBe(false);
    // Every listed value is the one the validated requirements hold at that pointer.
    for (const d of req.defaultsApplied!) {
      const at = d.pointer.split('/').slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], req);
      expect(at, d.pointer).toBe(d.value);
    }
  });

  it('escapes "~" and "/" in keys as RFC 6901 says, at any depth, and walks arrays by index', () => {
    const output = { 'a/b': { 'c~d': 1, e: [{ f: 'x' }, 7] }, g: true };
    const input = { 'a/b': { e: [{}] } };
    expect(defaultsApplied(input, output)).toEqual([
      { pointer: '/a~1b/c~0d', value: 1 },
      { pointer: '/a~1b/e/0/f', value: 'x' },
      { pointer: '/g', value: true },
    ]);
  });

  it('stops listing a field once the document writes it, even with the default value', () => {
    const req = parsed(`${MINIMAL}    consistency: read-your-writes\n`);
    expect(req.defaultsApplied!.some((d) => d.pointer === '/state/0/consistency')).toBe(false);
  });

  it('is in the answer (valid against the schema) but not in the document or its digest', () => {
    const req = parsed(MINIMAL);
    expect(JSON.stringify(req)).not.toContain('defaultsApplied');
    const rec = engine.advise(req);
    expect(RecommendationSchema.parse(rec).defaultsApplied).toEqual(req.defaultsApplied);
    const fromJson = validateRequirements(JSON.parse(JSON.stringify(req)));
    expect(fromJson.ok && engine.advise(fromJson.value).inputDigest).toBe(rec.inputDigest);
  });

  it('is shown in the Markdown review as a table of field, assumed value and why it matters', () => {
    const req = parsed(MINIMAL);
    const md = renderReview({ requirements: req, recommendation: engine.advise(req), date: '2026-11-30' });
    expect(md).toMatch(new RegExp(`The requirements leave ${req.defaultsApplied!.length} fields to statewise's defaults; the answer leans on these \\(the other \\d+ decide nothing here\\):`));
    expect(md).toMatch(/\| `state\[0\]\.consistency` \| read-your-writes \| assumed: a user expects to see their own writes/);
  });

  it('says why each default in the review matters, and leaves out those that decide nothing (issue 29)', () => {
    const req = parsed(MINIMAL);
    const rec = engine.advise(req);
    const md = renderReview({ requirements: req, recommendation: rec, date: '2026-11-30' });
    const rows = md.slice(md.indexOf('| Field | Assumed | Why it matters |')).split('\n\n')[0]!.split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(req.defaultsApplied!.length);
    for (const row of rows) expect(row, row).not.toMatch(/\| — \|$/);
    // The cart lives for days: no session-scoped state, so the session length decides nothing here.
    expect(req.defaultsApplied!.some((d) => d.pointer === '/traffic/sessionMinutes')).toBe(true);
    expect(rows.join('\n')).not.toContain('`traffic.sessionMinutes`');
    // The instance's request rate sizes the fleet: 50 × 1.2 ÷ 500 rounds up to 1 instance, and the review says so.
    expect(md).toContain('| `constraints.instance.rps` | 500 | load: peakRps 50 × 1.2 ÷ constraints.instance.rps 500 = 1 instance');
    // With session state, the session length sizes it, and is listed.
    const sessions = parsed('service: shop\ntraffic: { peakRps: 50 }\nstate:\n  - name: cart\n    lifetime: hours\n');
    const withSessions = renderReview({ requirements: sessions, recommendation: engine.advise(sessions), date: '2026-11-30' });
    expect(withSessions).toMatch(/\| `traffic\.sessionMinutes` \| 15 \| \S/);
  });

  it('names fields as people read them', () => {
    expect(fieldOf('/state/0/consistency')).toBe('state[0].consistency');
    expect(fieldOf('/constraints/instance/memoryMb')).toBe('constraints.instance.memoryMb');
  });
});

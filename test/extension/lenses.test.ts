import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusText, stateLensTitle, verdictLensTitle } from '../../extension/src/lens-text.ts';
import { stateItemLines } from '../../extension/src/state-lines.ts';
import { EXAMPLE_PATH, adviseExample } from '../support/extension.ts';

describe('CodeLens and status-bar texts', () => {
  it('a state item: store, technology and ttl', () => {
    expect(stateLensTitle({ store: 'database', technology: 'postgres', ttl: '20m' })).toBe('→ database (postgres) · ttl 20m');
    expect(stateLensTitle({ store: 'client-token', technology: 'signed-token' })).toBe('→ client-token (signed-token)');
    expect(stateLensTitle({ store: 'none', technology: 'none' })).toBe('→ none');
  });

  it('the verdict line: capitals and whole percent; infeasible said', () => {
    expect(verdictLensTitle({ verdict: 'hybrid', confidence: 0.844, feasible: true })).toBe('HYBRID · 84%');
    expect(verdictLensTitle({ verdict: 'stateful', confidence: 0.5, feasible: false })).toBe('STATEFUL · 50% · not feasible');
    expect(statusText({ verdict: { verdict: 'stateless', confidence: 0.9, feasible: true } })).toBe('$(pass) statewise: stateless · 90%');
    expect(statusText({ problems: 1 })).toBe('$(error) statewise: 1 problem');
    expect(statusText({ problems: 3 })).toBe('$(error) statewise: 3 problems');
  });

  it('state item lines of the example are where each `- name:` is, and every one has a placement', () => {
    const text = readFileSync(EXAMPLE_PATH, 'utf8');
    const lines = text.split('\n');
    const expected = lines.flatMap((l, i) => { const m = /^\s*- name: (\S+)/.exec(l); return m ? [{ name: m[1]!, line: i }] : []; });
    expect(expected.length).toBeGreaterThan(0);
    expect(stateItemLines(text)).toEqual(expected);
    const placed = new Set(adviseExample().placements.map((p) => p.state));
    for (const { name } of expected) expect(placed.has(name)).toBe(true);
  });

  it('JSON files too, and items without a name are skipped', () => {
    const json = '{\n  "service": "a",\n  "state": [\n    {"name": "cart"},\n    {"sizeKb": 2},\n    {"name": "chat"}\n  ]\n}';
    expect(stateItemLines(json)).toEqual([{ name: 'cart', line: 3 }, { name: 'chat', line: 5 }]);
    expect(stateItemLines('service: a\n')).toEqual([]);
  });
});

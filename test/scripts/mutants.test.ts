import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMutant, MutantListSchema, staleMutants, table } from '../../scripts/mutants.ts';
import { fileURLToPath } from 'node:url';

/**
 * scripts/mutants.ts re-runs the physics mutants (test/mutants/physics.json). Its list is keyed by code snippets, so
 * it goes stale when code moves: this test says so in `npm test`, naming the mutant, instead of a later mutation run
 * silently testing nothing. When it fails, point the mutant's `file`/`find` at where the figure now lives.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('applyMutant', () => {
  it('replaces the one occurrence of the snippet', () => {
    expect(applyMutant('a = b * 1.3;', { find: '* 1.3', replace: '' })).toEqual({ ok: true, text: 'a = b ;' });
  });

  it('refuses a missing or repeated snippet rather than guess', () => {
    expect(applyMutant('a = b;', { find: 'c', replace: 'd' })).toEqual({ ok: false, why: 'snippet not found' });
    expect(applyMutant('x < y; x < y;', { find: 'x < y', replace: 'x > y' })).toEqual({ ok: false, why: 'snippet occurs more than once' });
  });
});

describe('the physics mutant list', () => {
  const list = MutantListSchema.parse(JSON.parse(readFileSync(`${ROOT}test/mutants/physics.json`, 'utf8')));

  it('holds the 16 mutants of issue 22, ids unique, each naming tests that exist', () => {
    expect(list.mutants.filter((m) => !m.variant)).toHaveLength(16);
    expect(new Set(list.mutants.map((m) => m.id)).size).toBe(list.mutants.length);
    for (const m of list.mutants) for (const t of m.tests) expect(() => readFileSync(`${ROOT}${t}`), `${m.id}: ${t}`).not.toThrow();
  });

  it('every snippet occurs exactly once in today\'s sources', () => {
    expect(staleMutants(ROOT, list)).toEqual([]);
  });

  it('reports a table row per mutant, survivors in bold', () => {
    const [a, b] = list.mutants;
    const md = table(list, [{ id: a!.id, killed: true, by: ['test/x.test.ts › a test'], ranFull: false }, { id: b!.id, killed: false, by: [], ranFull: true }]);
    expect(md).toContain(`| \`${a!.id}\` | ${a!.changes} | killed | \`test/x.test.ts\` (a test) |`);
    expect(md).toContain(`| \`${b!.id}\` | ${b!.changes} | **survived** | — |`);
  });
});

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { readCatalogDir } from '../../../adapters/index.ts';
import { toDiagnosticSpecs } from '../../../web/render/issue-ranges.ts';
import { driftDiagnostic, missingSourceDiagnostic, staleProvenanceDiagnostic } from '../../../extension/src/drift.ts';
import { createEmbeddedEngines } from '../../../extension/src/embedded.ts';
import { BUILTIN_CATALOG, createEngine, ISSUE_CODES, loadCatalog, parseRequirements, parseReviewProvenance, ZOD_DEFAULT_TEXT, type IssueCode } from '../../../rules/index.ts';
import { createApp } from '../../../server/app.ts';
import { cli, tempFiles } from '../../support/cli.ts';

/**
 * One voice: every issue code, walked through every front end a person reads it in — the CLI (stderr), the HTTP
 * API (problem details) and the editor (diagnostics) — and no message may carry zod's or the yaml library's default
 * wording. The samples below produce every member of ISSUE_CODES; the last test checks that none is left out.
 */
const seen = new Set<IssueCode>();
const catalog = loadCatalog(BUILTIN_CATALOG);
if (!catalog.ok) throw new Error('built-in catalogue');
const app = createApp({ engine: createEngine(catalog.value), accessLog: false, report: () => {} });

/** The yaml library's own first-line messages for a text (none of them may be shown). */
function yamlText(text: string): string[] {
  return parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: true })
    .errors.map((e) => e.message.split('\n')[0]!.trim());
}

function ours(message: string, library: readonly string[] = []): void {
  expect(message, message).not.toMatch(ZOD_DEFAULT_TEXT);
  for (const l of library) expect(message).not.toContain(l);
  expect(message.trim().length).toBeGreaterThan(3);
}

const deep = `service: a\ntraffic: { peakRps: 1 }\nx: ${'['.repeat(40)}${']'.repeat(40)}\n`;
const many = `service: a\ntraffic: { peakRps: 1 }\nstate:\n${Array.from({ length: 6000 }, (_, i) => `  - { name: s${i} }`).join('\n')}\n`;

/** Requirements documents, each producing (at least) the code it is filed under. */
const REQUIREMENTS: [IssueCode, string][] = [
  ['syntax', 'service: a\ntraffic:\n  peakRps: 10\n   regions: 2\n'],
  ['too_big', 'service: a\ntraffic: { peakRps: 1e12 }\n'],
  ['too_deep', deep],
  ['too_many_nodes', many],
  ['invalid_type', 'service: a\ntraffic: { peakRps: lots }\n'],
  ['invalid_type', 'service: a\n'],
  ['invalid_value', 'service: a\ntraffic: { peakRps: 1 }\ncontext: { memory: forever }\n'],
  ['invalid_value', 'service: a\ntraffic: { peakRps: 1 }\nconstraints: { stores: [redis, redis] }\n'],
  ['invalid_format', 'service: a\ntraffic: { peakRps: 1 }\naccept: [{ risk: r, reason: x, until: soon }]\n'],
  ['invalid_format', 'service: Bad Name\ntraffic: { peakRps: 1 }\n'],
  ['too_small', 'service: a\ntraffic: { peakRps: -1 }\n'],
  ['too_small', 'service: a\ntraffic: { peakRps: 1 }\nstate: [{ name: x, sizeKb: 0 }]\n'],
  ['unknown_field', 'service: a\ntraffic: { peakRps: 1, colour: red }\n'],
  ['duplicate_name', 'service: a\ntraffic: { peakRps: 1 }\nstate: [{ name: x }, { name: x }]\n'],
  ['control_character', 'service: a\ndescription: "bell \\u0007"\ntraffic: { peakRps: 1 }\n'],
];

describe('one voice for every issue code', () => {
  const { dir, done } = tempFiles({});
  afterAll(() => done());

  it.each(REQUIREMENTS)('%s: the CLI, the HTTP API and the editor all say it in statewise\'s words', async (code, text) => {
    const parsed = parseRequirements(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.code)).toContain(code);
    for (const i of parsed.issues) seen.add(i.code);
    const library = yamlText(text);

    writeFileSync(join(dir, 'doc.statewise.yaml'), text);
    const run = await cli(dir, 'advise', 'doc.statewise.yaml');
    expect(run.code).toBe(2);
    for (const line of run.err.split('\n').filter(Boolean)) ours(line, library);

    const res = await app.request('/v1/recommendations', { method: 'POST', body: text, headers: { 'content-type': 'application/yaml' } });
    expect(res.status).toBe(code === 'too_many_nodes' || code === 'too_deep' ? res.status : 400);
    const problem = await res.json() as { detail: string; errors?: { detail: string }[] };
    for (const m of [problem.detail, ...(problem.errors ?? []).map((e) => e.detail)]) ours(m, library);

    for (const d of toDiagnosticSpecs(text, parsed.issues)) ours(d.message, library);
  });

  it('catalogue codes reach the CLI (--rules) and the editor (statewise.rulesPath) in statewise\'s words', async () => {
    const rule = (extra: string) => `rules:\n  - id: team.x\n    kind: risk\n    title: Team rule\n    severity: low\n    mitigation: do something\n${extra}`;
    const CATALOGUE: [IssueCode, string][] = [
      ['unknown_fact', rule('    when: { fact: traffic.peakRPS, gt: 1 }\n    because: it is so\n')],
      ['wrong_scope', 'rules:\n  - id: team.s\n    kind: service\n    title: Team rule\n    when: { fact: "state[].sizeKb", gt: 1 }\n    effect: { stateful: 1 }\n    because: it is so\n'],
      ['wrong_phase', 'rules:\n  - id: team.p\n    kind: placement\n    title: Team rule\n    when: { fact: plan.verdict, eq: stateful }\n    effect: { database: 1 }\n    because: it is so\n'],
      ['bad_value', rule('    when: { fact: context.memory, eq: forever }\n    because: it is so\n')],
      ['unknown_placeholder', rule('    because: "{nothing.here} matters"\n')],
      ['unknown_measure', 'rules:\n  - id: team.c\n    kind: check\n    title: Team rule\n    measure: nope\n    limit: zero\n    stores: [database]\n    because: it is so\n    mitigation: do something\n'],
      ['unknown_limit', 'rules:\n  - id: team.c\n    kind: check\n    title: Team rule\n    measure: valueKb\n    limit: nope\n    stores: [database]\n    because: it is so\n    mitigation: do something\n'],
      ['duplicate_id', `${rule('    because: it is so\n')}  - id: team.x\n    kind: risk\n    title: Team rule\n    severity: low\n    mitigation: do something\n    because: it is so\n`],
      ['protected_rule', 'disable: [gate.secret-never-in-token]\n'],
      ['unknown_rule', 'disable: [team.nothing]\n'],
      ['invalid_type', 'rules: 3\n'],
      ['syntax', 'rules:\n  - id: a\n   kind: b\n'],
    ];
    writeFileSync(join(dir, 'ok.statewise.yaml'), 'service: a\ntraffic: { peakRps: 1 }\n');
    for (const [code, text] of CATALOGUE) {
      const rules = join(dir, `rules-${code}`);
      mkdirSync(rules, { recursive: true });
      writeFileSync(join(rules, 'team.yaml'), text);
      const loaded = createEmbeddedEngines().get(rules);
      expect(loaded.ok, code).toBe(false);
      if (loaded.ok) continue;
      expect(loaded.issues.map((i) => i.code), code).toContain(code);
      for (const i of loaded.issues) { seen.add(i.code); ours(i.message, yamlText(text)); }
      const run = await cli(dir, 'advise', 'ok.statewise.yaml', '--rules', `rules-${code}`);
      expect(run.code, code).toBe(2);
      for (const line of run.err.split('\n').filter(Boolean)) ours(line, yamlText(text));
    }
    // The built-in layer's own guarantees: a catalogue without prices or profiles, or with too many rules.
    const bare = loadCatalog([{ name: 'empty.yaml', text: 'rules: []\n' }]);
    const file = (n: number) => ({ name: `many${n}.yaml`, text: `rules:\n${Array.from({ length: 450 }, (_, i) => `  - { id: t${n}.r${i}, kind: service, title: Team rule, effect: { stateful: 1 }, because: it is so }`).join('\n')}\n` });
    const huge = loadCatalog(BUILTIN_CATALOG, { custom: [file(1), file(2)] });
    for (const r of [bare, huge]) {
      expect(r.ok).toBe(false);
      if (!r.ok) for (const i of r.issues) { seen.add(i.code); ours(i.message); }
    }
  });

  it('review and folder codes are in statewise\'s words too', async () => {
    const noFront = parseReviewProvenance('# no front matter\n');
    const badFront = parseReviewProvenance('---\nstatus: proposed\ndate: soon\n---\n');
    for (const r of [noFront, badFront]) if (!r.ok) for (const i of r.issues) { seen.add(i.code); ours(i.message); }
    const drift = driftDiagnostic('---\nstatewise:\n---\n', 'a.statewise.yaml', ['verdict stateless → stateful']);
    const missing = missingSourceDiagnostic('---\nstatewise:\n  source: a.yaml\n---\n', 'a', 'a.yaml');
    const provenance = staleProvenanceDiagnostic('---\nstatewise:\n---\n', 'a.statewise.yaml', 'hybrid', ['requirements changed']);
    for (const d of [drift, missing, provenance]) { seen.add(d.code as IssueCode); ours(d.message); }
    const check = await cli(dir, 'check', 'ok.statewise.yaml', '--reviews', 'nowhere');
    expect(check.err).toMatch(/nowhere/);
    seen.add('missing_review');
    ours(check.err);

    writeFileSync(join(dir, 'a-file'), 'x');
    mkdirSync(join(dir, 'linked'));
    symlinkSync('/etc/hostname', join(dir, 'linked', 'evil.yaml'));
    mkdirSync(join(dir, 'crowded'));
    for (let i = 0; i < 101; i++) writeFileSync(join(dir, 'crowded', `r${i}.yaml`), 'rules: []\n');
    for (const folder of ['a-file', 'missing-folder', 'linked', 'crowded']) {
      const read = readCatalogDir(folder, dir);
      expect(read.ok).toBe(false);
      if (!read.ok) for (const i of read.issues) { seen.add(i.code); ours(i.message); }
    }
  });

  it('the samples above produce every issue code there is', () => {
    expect(ISSUE_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });
});

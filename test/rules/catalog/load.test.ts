import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, loadCatalog, type Issue } from '../../../rules/index.ts';
import { renderBuiltin } from '../../../scripts/embed-catalog.ts';
import { lineOf } from '../../support/catalog-dir.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

const FILE = 'team/rules.yaml';

/** Loads the built-in catalogue with one custom file; returns its issues (fails when it loads). */
function issuesOf(text: string): Issue[] {
  const loaded = loadCatalog(BUILTIN_CATALOG, { custom: [{ name: FILE, text }] });
  if (loaded.ok) throw new Error(`expected load issues for:\n${text}`);
  return loaded.issues;
}

/** The single issue of a custom file, as `file:line[:col] code message`. */
function only(text: string): { where: string; code: string; message: string } {
  const issues = issuesOf(text);
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  const i = issues[0]!;
  return { where: [i.file, i.line, i.column].filter((x) => x !== undefined).join(':'), code: i.code, message: i.message };
}

const serviceRule = (when: string, because = 'team rule fired') => [
  'rules:',
  '  - id: team.rule',
  '    kind: service',
  '    title: A team rule',
  `    when: ${when}`,
  '    effect: { stateless: 3 }',
  `    because: "${because}"`,
  '',
].join('\n');

describe('catalogue load errors name file and line', () => {
  it('an unknown fact path, with a suggestion', () => {
    const text = serviceRule('{ fact: traffic.peakRPS, gt: 5 }');
    expect(only(text)).toEqual({
      where: `${FILE}:${lineOf(text, 'peakRPS')}:19`, code: 'unknown_fact',
      message: 'unknown fact "traffic.peakRPS" (did you mean traffic.peakRps?)',
    });
  });

  it('a value of the wrong type for its fact', () => {
    expect(only(serviceRule('{ fact: traffic.spiky, eq: 5 }'))).toEqual({
      where: `${FILE}:5:38`, code: 'bad_value', message: 'traffic.spiky is true or false; got 5',
    });
    expect(only(serviceRule('{ fact: context.memory, eq: forever }'))).toMatchObject({
      where: `${FILE}:5:39`, code: 'bad_value', message: expect.stringContaining('values: none, request, session, durable'),
    });
    expect(only(serviceRule('{ fact: context.memory, gt: 3 }'))).toMatchObject({ code: 'bad_value', message: expect.stringContaining('needs a number fact') });
  });

  it('a bad operator is an unknown field at the operator', () => {
    const issues = issuesOf(serviceRule('{ fact: traffic.peakRps, greater: 5 }'));
    expect(issues[0]).toMatchObject({ file: FILE, line: 5, column: 36, code: 'unknown_field', message: 'unknown field "greater"' });
  });

  it('a duplicate id, naming where the first one is', () => {
    const rule = (title: string) => ['  - id: team.twin', '    kind: service', `    title: ${title}`, '    effect: { stateful: 1 }', '    because: "fired twice"'];
    const text = ['rules:', ...rule('First'), ...rule('Second'), ''].join('\n');
    expect(only(text)).toEqual({
      where: `${FILE}:7`, code: 'duplicate_id', message: `rule id "team.twin" is already defined at ${FILE}:2`,
    });
  });

  it('a template placeholder the rule cannot read', () => {
    expect(only(serviceRule('{ fact: traffic.spiky, eq: true }', 'size {state[].sizeKb} KB'))).toEqual({
      where: `${FILE}:7:14`, code: 'unknown_placeholder', message: 'template quotes {state[].sizeKb}, which this rule cannot read',
    });
    expect(only(serviceRule('{ fact: traffic.spiky, eq: true }', 'at {traffic.peakRPS}'))).toMatchObject({ code: 'unknown_placeholder' });
  });

  it('disabling an invariant gate', () => {
    const text = 'disable:\n  - svc.spiky-traffic\n  - gate.secret-never-in-token\n';
    expect(only(text)).toEqual({
      where: `${FILE}:3`, code: 'protected_rule', message: '"gate.secret-never-in-token" enforces invariant 1 and cannot be disabled',
    });
  });

  it('overriding an invariant gate', () => {
    const text = [
      'rules:', '  - id: gate.token-cookie-limit', '    kind: gate', '    title: Bigger cookies',
      '    when: { fact: "state[].sizeKb", gt: 400 }', '    remove: [client-token]', '    because: "{item} is big"', '',
    ].join('\n');
    expect(only(text)).toEqual({
      where: `${FILE}:2`, code: 'protected_rule', message: '"gate.token-cookie-limit" enforces invariant 2 and cannot be overridden',
    });
  });

  it('a YAML syntax error', () => {
    expect(only('rules:\n  - id: team.x\n    kind: service\n   title: bad indent\n')).toMatchObject({ where: `${FILE}:4:1`, code: 'syntax' });
  });

  it('disabling a rule that does not exist', () => {
    expect(only('version: 1.0.0\ndisable: [svc.nope]\n')).toEqual({ where: `${FILE}:2`, code: 'unknown_rule', message: 'cannot disable "svc.nope": no such rule' });
  });

  it('every problem in every file is reported, each with its own file', () => {
    const loaded = loadCatalog(BUILTIN_CATALOG, {
      custom: [{ name: 'a.yaml', text: serviceRule('{ fact: nope, eq: 1 }') }, { name: 'b.yaml', text: 'disable: [gate.request-not-kept]\n' }],
    });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual(['a.yaml:5 unknown_fact', 'b.yaml:1 protected_rule']);
  });
});

describe('custom catalogues', () => {
  const spikyService = requirementsOf({ service: 'spiky', traffic: { peakRps: 300, spiky: true } });
  const builtin = builtinEngine();

  it('override a rule by id', () => {
    const text = [
      'rules:', '  - id: svc.spiky-traffic', '    kind: service', '    title: Spikes matter more here',
      '    when: { fact: traffic.spiky, eq: true }', '    effect: { stateless: 30, stateful: -30 }',
      '    because: "traffic.spiky is {traffic.spiky}: our autoscaler needs interchangeable instances"', '',
    ].join('\n');
    const factor = builtinEngine([{ name: FILE, text }]).advise(spikyService).factors.find((f) => f.rule === 'svc.spiky-traffic');
    expect(factor).toEqual({
      rule: 'svc.spiky-traffic', title: 'Spikes matter more here', effect: { stateless: 30, stateful: -30, hybrid: 0 },
      because: 'traffic.spiky is true: our autoscaler needs interchangeable instances',
    });
    expect(builtin.advise(spikyService).factors.find((f) => f.rule === 'svc.spiky-traffic')?.effect).toEqual({ stateless: 10, stateful: -10, hybrid: -5 });
  });

  it('disable a rule', () => {
    const engine = builtinEngine([{ name: FILE, text: 'disable: [svc.spiky-traffic]\n' }]);
    expect(builtin.advise(spikyService).factors.map((f) => f.rule)).toContain('svc.spiky-traffic');
    expect(engine.advise(spikyService).factors.map((f) => f.rule)).not.toContain('svc.spiky-traffic');
    expect(engine.catalog.rules.map((r) => r.id)).not.toContain('svc.spiky-traffic');
    expect(engine.catalog.rules).toHaveLength(builtin.catalog.rules.length - 1);
  });

  it('add a rule that fires and is listed as a factor', () => {
    const engine = builtinEngine([{ name: FILE, text: serviceRule('{ fact: traffic.peakRps, gte: 300 }', 'peakRps {traffic.peakRps} ≥ 300') }]);
    expect(engine.advise(spikyService).factors.find((f) => f.rule === 'team.rule')).toMatchObject({ effect: { stateless: 3, stateful: 0, hybrid: 0 }, because: 'peakRps 300 ≥ 300' });
  });

  it('rulesVersion names the built-in catalogue and changes with any custom file', () => {
    const custom = (text: string) => builtinEngine([{ name: FILE, text }]).rulesVersion;
    expect(builtin.rulesVersion).toMatch(/^statewise-rules@\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(builtinEngine().rulesVersion).toBe(builtin.rulesVersion);
    const a = custom('disable: [svc.spiky-traffic]\n');
    expect(a.startsWith(`${builtin.rulesVersion}+custom.`)).toBe(true);
    expect(custom('disable: [svc.spiky-traffic]\n')).toBe(a);
    expect(custom('disable: [svc.ops-low]\n')).not.toBe(a);
    expect(builtin.advise(spikyService).rulesVersion).toBe(builtin.rulesVersion);
  });
});

describe('the embedded built-in catalogue', () => {
  it('rules/catalog/builtin.generated.ts is in sync with rules/catalog/*.yaml (run `npm run catalog`)', () => {
    const generated = readFileSync(new URL('../../../rules/catalog/builtin.generated.ts', import.meta.url), 'utf8');
    expect(generated).toBe(renderBuiltin());
  });

  it('embeds every YAML file and loads with at least 40 rules, each with a source', () => {
    expect(BUILTIN_CATALOG.map((s) => s.name)).toEqual(expect.arrayContaining([
      'rules/catalog/gates.yaml', 'rules/catalog/placement.yaml', 'rules/catalog/risks.yaml', 'rules/catalog/service.yaml',
    ]));
    const catalog = builtinEngine().catalog;
    expect(catalog.rules.length).toBeGreaterThanOrEqual(40);
    expect(catalog.rules.filter((r) => !r.source).map((r) => r.id)).toEqual([]);
    // Invariants 1–6 and 12 are enforced by protected gates.
    const guarded = new Set(catalog.gates.map((g) => g.invariant).filter((n) => n !== undefined));
    for (const n of [1, 2, 3, 4, 5, 6, 12]) expect(guarded.has(n), `a gate enforces invariant ${n}`).toBe(true);
  });
});

import { conditionText } from './describe.ts';
import type { Catalog, CompiledRule } from './compiled.ts';
import { mitigationText } from './mitigation.ts';

const SECTIONS: [CompiledRule['kind'], string, string][] = [
  ['service', 'Service rules', 'Each moves the stateless / stateful / hybrid scores (base 50, clamped to 0..100) when its condition holds.'],
  ['gate', 'Gates', 'Hard constraints: a gate removes stores for a state item and no weight can bring them back. Gates that enforce a docs/design.md invariant cannot be disabled or overridden by a custom catalogue.'],
  ['placement', 'Placement rules', 'For each state item, move the scores of candidate stores (base 50, clamped to 0..100); gates decide which stores are allowed at all.'],
  ['check', 'Feasibility checks', 'The arithmetic that decides which plans exist: `measure ≤ limit` for one state item in one store, with the figures of the technology that would run it (store profiles below). A failing check removes the store for that item like a gate; a passing check with little margin becomes a risk whose severity follows the margin.'],
  ['risk', 'Risk rules', 'Read after placement (plan facts and `state[].store`); a rule that reads state-item facts yields one risk per matching item.'],
];

/**
 * docs/rules.md: every rule of the catalogue with its condition in words, effects, `because` and source.
 * Pure: `npm run docs:rules` writes it, and a test fails when the committed file differs.
 * @example renderRulesDoc(catalog).startsWith('# Rule reference')
 */
export function renderRulesDoc(catalog: Catalog): string {
  const out = [
    '# Rule reference',
    '',
    '<!-- Generated from rules/catalog/*.yaml by `npm run docs:rules` (also run by `npm run catalog`). Do not edit. -->',
    '',
    `Catalogue \`${catalog.version}\`: ${catalog.rules.length} rules. Conditions read facts by path (see \`statewise rules --json\`);`,
    '`{fact}` in a *because* is replaced by the fact\'s value and `{item}` by the state item\'s name. Teams add, override',
    'or disable rules with a custom catalogue folder (`--rules DIR`, see the README\'s "Custom rules" section) and check',
    'it with `statewise rules lint DIR`.',
    '',
    '| id | kind | title |',
    '|---|---|---|',
    ...catalog.rules.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.kind} | ${cell(r.title)} |`),
  ];
  for (const [kind, heading, intro] of SECTIONS) {
    const rules = catalog.rules.filter((r) => r.kind === kind);
    if (rules.length === 0) continue;
    out.push('', `## ${heading}`, '', intro);
    for (const r of rules) out.push('', ...ruleSection(r));
  }
  out.push('', '## Store profiles', '', 'What each technology can do, as the checks use it. Every figure is an assumption with its source; a team\'s catalogue overrides a profile by giving the same `technology` and `store`.', '');
  out.push('| technology | store | read ms | write ms | reads/s per node | writes/s per node | max nodes | max value | loses acknowledged writes | key lookups |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const p of catalog.profiles) {
    const n = (v: number | undefined) => (v === undefined ? '—' : String(v));
    out.push(`| ${p.technology} | ${p.store} | ${p.readMs} | ${p.writeMs} | ${n(p.readsPerNode)} | ${n(p.writesPerNode)} | ${n(p.maxNodes)} | ${p.maxValueKb === undefined ? '—' : `${p.maxValueKb} KB`} | ${p.losesAcknowledgedWrites ? 'yes' : 'no'} | ${p.keyLookups ? 'yes' : 'no'} |`);
  }
  for (const p of catalog.profiles) {
    out.push('', `### ${p.technology} (${p.store})`, '');
    for (const [field, source] of Object.entries(p.sources)) out.push(`- **${field}:** ${text(source)}`);
  }
  out.push('', '## Unit prices', '', `vCPU $${catalog.prices.vcpuUsdPerMonth}, memory $${catalog.prices.memoryGbUsdPerMonth}/GB, SSD $${catalog.prices.ssdGbUsdPerMonth}/GB, object storage $${catalog.prices.objectGbUsdPerMonth}/GB per month; an instance has ${catalog.prices.instanceVcpu} vCPU. Source: ${text(catalog.prices.source)}`);
  return out.join('\n') + '\n';
}

function ruleSection(r: CompiledRule): string[] {
  const lines = [`### ${r.id}`, '', `**${r.title}** (${r.kind}, \`${r.file}:${r.line}\`)`, '', `- **When:** ${conditionText(r.rule.when)}`];
  if (r.kind === 'service') lines.push(`- **Effect:** ${signed(Object.entries(r.effect).filter(([, v]) => v !== 0))}`);
  if (r.kind === 'placement') lines.push(`- **Effect:** ${signed(r.effect)}`);
  if (r.kind === 'gate') {
    const keep = r.rule.kind === 'gate' ? r.rule.keep : undefined;
    lines.push(keep ? `- **Keeps only:** ${keep.join(', ')} (removes ${[...r.removes].join(', ')})` : `- **Removes:** ${[...r.removes].join(', ')}`);
    if (r.invariant !== undefined) lines.push(`- **Protected:** enforces docs/design.md invariant ${r.invariant}; cannot be disabled or overridden`);
  }
  if (r.kind === 'risk') lines.push(`- **Severity:** ${r.severity}`);
  if (r.kind === 'check') lines.push(`- **Checks:** \`${r.measureName}\` ≤ \`${r.limitName}\` (${r.unit}) in ${[...r.stores].join(', ')}`);
  lines.push(`- **Because:** ${text(r.rule.because)}`);
  if (r.rule.kind === 'risk' || r.rule.kind === 'check') lines.push(`- **Mitigation:** ${text(mitigationText(r.rule.mitigation))}`);
  lines.push(`- **Source:** ${r.source ? text(r.source) : '(none)'}`);
  return lines;
}

function signed(effects: readonly (readonly [string, number])[]): string {
  return effects.length ? effects.map(([k, v]) => `${k} ${v > 0 ? '+' : '−'}${Math.abs(v)}`).join(', ') : '(none)';
}

/** GitHub's heading anchors: lowercase, punctuation other than - and _ dropped. */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 _-]/g, '');
}

function cell(s: string): string {
  return s.replaceAll('|', '\\|');
}

/** Templates and sources are prose; keep Markdown from reading `*` or `_` in them as emphasis. */
function text(s: string): string {
  return s.replace(/([*_`<>])/g, '\\$1');
}

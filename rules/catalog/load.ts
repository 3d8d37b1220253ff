import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { issue, type Issue, type PathSegment, type Result } from '../contract/issues.ts';
import { locateIssues } from '../contract/locate.ts';
import { validate } from '../contract/validate.ts';
import { mergeSources } from './merge.ts';
import type { CatalogSource } from './catalog-file.ts';
import type { Store } from '../contract/recommendation.ts';
import { compileCondition, type CompileProblem, type Predicate } from './condition.ts';
import { CatalogFileSchema, type Rule } from './schema.ts';
import { compileTemplate, type ExtraKeys, type Render } from './template.ts';
import { STORES } from '../contract/recommendation.ts';
import { buildTables, type EngineTables } from './tables.ts';
import { LIMITS, MEASURES, type Figure } from '../model/measures.ts';
import { profileKey, type Prices, type Profile } from '../model/profile.ts';
import { STORE_INDEX } from '../model/stores.ts';

export { MAX_CATALOG_FILE_NODES, type CatalogSource } from './catalog-file.ts';

interface CompiledBase {
  id: string;
  title: string;
  source: string | undefined;
  file: string;
  line: number;
  /** The rule as written, for listings and docs. */
  rule: Rule;
  test: Predicate;
  reads: ReadonlySet<string>;
  because: Render;
}
export interface CompiledServiceRule extends CompiledBase {
  kind: 'service';
  effect: { stateless: number; stateful: number; hybrid: number };
}
export interface CompiledPlacementRule extends CompiledBase {
  kind: 'placement';
  effect: readonly [Store, number][];
}
export interface CompiledGateRule extends CompiledBase {
  kind: 'gate';
  removes: ReadonlySet<Store>;
  invariant: number | undefined;
}
export interface CompiledRiskRule extends CompiledBase {
  kind: 'risk';
  severity: 'high' | 'medium' | 'low';
  mitigation: Render;
}
export interface CompiledCheckRule extends CompiledBase {
  kind: 'check';
  measure: Figure;
  limit: Figure;
  measureName: string;
  limitName: string;
  /** Every input the check's figures are computed from (measure and limit), for tipping-point crossings. */
  inputs: ReadonlySet<string>;
  unit: string;
  stores: ReadonlySet<Store>;
  /** Bit STORE_INDEX[s] set for each store the check applies to. */
  storeMask: number;
  mitigation: Render;
}
export type CompiledRule = CompiledServiceRule | CompiledPlacementRule | CompiledGateRule | CompiledRiskRule | CompiledCheckRule;

/** What a check's sentences may quote besides facts: the numbers of one evaluation. */
export interface CheckQuote { store: string; technology: string; value: number; limit: number; unit: string; measure: string; bound: string }
/** Up to 4 decimals: a value just over its limit must not print equal to it. */
const num = (n: number) => String(Math.round(n * 10_000) / 10_000);
export const CHECK_KEYS: ExtraKeys = {
  store: (x: CheckQuote) => x.store,
  technology: (x: CheckQuote) => x.technology,
  value: (x: CheckQuote) => num(x.value),
  limit: (x: CheckQuote) => num(x.limit),
  unit: (x: CheckQuote) => x.unit,
  measure: (x: CheckQuote) => x.measure,
  bound: (x: CheckQuote) => x.bound,
  cmp: (x: CheckQuote) => (x.value <= x.limit ? '≤' : '>'),
};

export interface Catalog {
  /** Names the catalogue: built-in version plus a digest of every file's text. */
  version: string;
  rules: readonly CompiledRule[];
  service: readonly CompiledServiceRule[];
  placement: readonly CompiledPlacementRule[];
  gates: readonly CompiledGateRule[];
  risks: readonly CompiledRiskRule[];
  checks: readonly CompiledCheckRule[];
  /** Store profiles in catalogue order, a team's overrides in place of the built-in ones. */
  profiles: readonly Profile[];
  /** The profiles that can back each store, in catalogue order. */
  profilesByStore: ReadonlyMap<Store, readonly Profile[]>;
  prices: Prices;
  /** Numeric thresholds per fact path across all rules: where a verdict can change (tipping points). */
  thresholds: ReadonlyMap<string, readonly number[]>;
  /** Service-level facts that gates and placement rules read: changing anything else cannot move a placement. */
  itemInputs: ReadonlySet<string>;
  /** Index tables for the engine's evaluation loops, built once here rather than per request. */
  tables: EngineTables;
}

/**
 * Most rule definitions a catalogue may hold across all its files (built-in + custom, overrides counted). Every
 * rule is evaluated per request, so the catalogue size bounds request time; the built-in catalogue has ~100.
 */
export const MAX_CATALOG_RULES = 1000;


export interface LoadOptions {
  /** Custom files layered on top of `builtin`: new rules, overrides by id, and `disable`. */
  custom?: readonly CatalogSource[];
}

/**
 * Parses, validates and compiles a catalogue. Every problem names its file and line.
 * @example const catalog = loadCatalog(BUILTIN_CATALOG); if (catalog.ok) createEngine(catalog.value)
 */
export function loadCatalog(builtin: readonly CatalogSource[], options: LoadOptions = {}): Result<Catalog> {
  const issues: Issue[] = [];
  let version = '0';
  const profiles = new Map<string, Profile>();
  let prices: Prices | undefined;
  // `f.parsed` is read only when needed: for a pre-parsed file that getter parses the text (merge.ts).
  const merged = mergeSources(builtin, options.custom ?? [], (f) => {
    // A pre-parsed built-in file was validated by the build (scripts/build.ts): its data is the schema's output.
    const checked = f.preparsed ? { ok: true as const, value: f.preparsed } : validate(CatalogFileSchema, f.parsed.data ?? {});
    if (!checked.ok) {
      issues.push(...locateIssues(checked.issues, f.parsed).map((i) => ({ ...i, file: f.source.name })));
      return undefined;
    }
    const file = checked.value;
    if (!f.custom && file.version && file.version > version) version = file.version;
    for (const profile of file.profiles) profiles.set(profileKey(profile), profile);
    if (file.prices) prices = file.prices;
    return { rules: file.rules.map((rule, index) => ({ rule, index })), disable: file.disable };
  }, { maxRules: MAX_CATALOG_RULES });
  issues.unshift(...merged.unreadable);
  for (const p of merged.problems) issues.push({ ...issue(p.code, p.path, p.message, p.line), file: p.file });
  const rules = new Map<string, CompiledRule>();
  for (const [id, m] of merged.rules) {
    const problems: CompileProblem[] = [];
    const compiled = compileRule(m.rule, m.file, m.line, m.at, problems);
    // Only a problem needs the parsed text: for a pre-parsed built-in file, reading `m.parsed` parses it.
    if (problems.length) issues.push(...locateIssues(problems.map((p) => issue(p.code, p.path, p.message)), m.parsed).map((i) => ({ ...i, file: m.file })));
    if (problems.length === 0) rules.set(id, compiled);
  }
  if (!prices) issues.push({ ...issue('missing_prices', ['prices'], 'no catalogue file gives unit prices (prices:)'), file: builtin[0]?.name ?? 'catalogue' });
  for (const store of STORES) {
    if (store !== 'none' && ![...profiles.values()].some((p) => p.store === store)) {
      issues.push({ ...issue('missing_profile', ['profiles'], `no store profile backs ${store}`), file: builtin[0]?.name ?? 'catalogue' });
    }
  }
  if (issues.length > 0 || !prices) {
    // In file order, then line order: what a person fixes top to bottom.
    const order = new Map([...builtin, ...(options.custom ?? [])].map((s, i) => [s.name, i]));
    const rank = (i: Issue) => order.get(i.file ?? '') ?? -1;
    return { ok: false, issues: issues.map((i, n) => ({ i, n })).sort((a, b) => rank(a.i) - rank(b.i) || (a.i.line ?? 0) - (b.i.line ?? 0) || a.n - b.n).map((x) => x.i) };
  }
  const all = [...rules.values()];
  const profileList = [...profiles.values()];
  const profilesByStore = new Map<Store, Profile[]>();
  for (const p of profileList) profilesByStore.set(p.store, [...(profilesByStore.get(p.store) ?? []), p]);
  const thresholds = new Map<string, number[]>();
  for (const r of all) {
    for (const [path, values] of compileCondition(r.rule.when, true, true, [], []).thresholds) {
      thresholds.set(path, [...new Set([...(thresholds.get(path) ?? []), ...values])].sort((a, b) => a - b));
    }
  }
  const digest = (list: readonly CatalogSource[], name: (s: CatalogSource) => string) =>
    bytesToHex(sha256(utf8ToBytes(list.map((s) => `${name(s)}\n${s.text}`).join('\n\u0000')))).slice(0, 12);
  // A custom folder is named by its files' own names, not the paths they were read by: the CLI (relative to its
  // cwd) and the editor (absolute) must report the same version for the same folder.
  const custom = options.custom?.length ? `+custom.${digest(options.custom, (s) => s.name.split(/[\\/]/).pop()!)}` : '';
  const service = all.filter((r): r is CompiledServiceRule => r.kind === 'service');
  const placement = all.filter((r): r is CompiledPlacementRule => r.kind === 'placement');
  const gates = all.filter((r): r is CompiledGateRule => r.kind === 'gate');
  return {
    ok: true,
    value: {
      version: `statewise-rules@${version}+${digest(builtin, (s) => s.name)}${custom}`,
      rules: all,
      service,
      placement,
      gates,
      risks: all.filter((r): r is CompiledRiskRule => r.kind === 'risk'),
      checks: all.filter((r): r is CompiledCheckRule => r.kind === 'check'),
      profiles: profileList,
      profilesByStore,
      prices,
      thresholds,
      itemInputs: new Set(all.filter((r) => r.kind === 'gate' || r.kind === 'placement')
        .flatMap((r) => [...r.reads].filter((f) => !f.startsWith('state[]')))),
      tables: buildTables(service, gates, placement),
    },
  };
}

function compileRule(rule: Rule, file: string, line: number, at: PathSegment[], problems: CompileProblem[]): CompiledRule {
  const item = rule.kind !== 'service';
  const plan = rule.kind === 'risk';
  const cond = compileCondition(rule.when, item, plan, [...at, 'when'], problems);
  const because = compileTemplate(rule.because, item, plan, [...at, 'because'], problems, rule.kind === 'check' ? CHECK_KEYS : undefined);
  const base = { id: rule.id, title: rule.title, source: rule.source, file, line, rule, test: cond.test, reads: cond.reads, because: because.render };
  switch (rule.kind) {
    case 'service':
      return { ...base, kind: 'service', effect: { stateless: rule.effect.stateless ?? 0, stateful: rule.effect.stateful ?? 0, hybrid: rule.effect.hybrid ?? 0 } };
    case 'placement':
      return { ...base, kind: 'placement', effect: STORES.filter((s) => rule.effect[s] !== undefined).map((s) => [s, rule.effect[s]!] as [Store, number]) };
    case 'gate': {
      const removes = rule.remove ?? STORES.filter((s) => !rule.keep!.includes(s));
      return { ...base, kind: 'gate', removes: new Set(removes), invariant: rule.invariant };
    }
    case 'risk':
      return { ...base, kind: 'risk', severity: rule.severity, mitigation: compileTemplate(rule.mitigation, true, true, [...at, 'mitigation'], problems).render };
    case 'check': {
      const measure = MEASURES[rule.measure];
      const limit = LIMITS[rule.limit];
      if (!measure) problems.push({ path: [...at, 'measure'], code: 'unknown_measure', message: `unknown measure "${rule.measure}"; measures: ${Object.keys(MEASURES).join(', ')}` });
      if (!limit) problems.push({ path: [...at, 'limit'], code: 'unknown_limit', message: `unknown limit "${rule.limit}"; limits: ${Object.keys(LIMITS).join(', ')}` });
      let storeMask = 0;
      for (const s of rule.stores) storeMask |= 1 << STORE_INDEX[s];
      return {
        ...base, kind: 'check', measure: measure ?? MEASURES['valueKb']!, limit: limit ?? LIMITS['zero']!,
        measureName: rule.measure, limitName: rule.limit, unit: (measure ?? MEASURES['valueKb']!).unit,
        inputs: new Set([...(measure?.inputs ?? []), ...(limit?.inputs ?? [])]),
        stores: new Set(rule.stores), storeMask,
        mitigation: compileTemplate(rule.mitigation, true, false, [...at, 'mitigation'], problems, CHECK_KEYS).render,
      };
    }
  }
}

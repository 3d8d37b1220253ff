import { sha256Hex, type Sha256Hex } from '../contract/digest.ts';
import { issue, type Issue, type Result } from '../contract/issues.ts';
import { locateIssues } from '../contract/locate.ts';
import { validate } from '../contract/validate.ts';
import { mergeSources } from './merge.ts';
import type { CatalogSource } from './catalog-file.ts';
import type { Store } from '../contract/recommendation.ts';
import { compileCondition, type CompileProblem } from './condition.ts';
import { CatalogFileSchema } from './schema.ts';
import { STORES } from '../contract/recommendation.ts';
import { buildTables } from './tables.ts';
import { profileKey, type Prices, type Profile } from '../model/profile.ts';
import { compileRule } from './compile.ts';
import type {
  Catalog, CompiledCheckRule, CompiledGateRule, CompiledPlacementRule, CompiledRiskRule, CompiledRule, CompiledServiceRule,
} from './compiled.ts';

export { MAX_CATALOG_FILE_NODES, type CatalogSource } from './catalog-file.ts';

/**
 * Most rule definitions a catalogue may hold across all its files (built-in + custom, overrides counted). Every
 * rule is evaluated per request, so the catalogue size bounds request time; the built-in catalogue has ~100.
 */
export const MAX_CATALOG_RULES = 1000;

export interface LoadOptions {
  /** Custom files layered on top of `builtin`: new rules, overrides by id, and `disable`. */
  custom?: readonly CatalogSource[];
  /**
   * The host's SHA-256 for the catalogue version's digest (the CLI and server pass node:crypto's); absent, the core's
   * pure one. Same hex either way: hashing the ~100 KB of built-in texts in cold JavaScript was 14–20 ms of every
   * CLI start, against ~0.5 ms in node:crypto.
   */
  sha256?: Sha256Hex;
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
  const hash = options.sha256 ?? sha256Hex;
  const digest = (list: readonly CatalogSource[], name: (s: CatalogSource) => string) =>
    hash(list.map((s) => `${name(s)}\n${s.text}`).join('\n\u0000')).slice(0, 12);
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

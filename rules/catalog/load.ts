import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { issue, type Issue, type PathSegment, type Result } from '../contract/issues.ts';
import { fromZod, locateIssues, parseText } from '../contract/parse.ts';
import type { Store } from '../contract/recommendation.ts';
import { compileCondition, type CompileProblem, type Predicate } from './condition.ts';
import { CatalogFileSchema, type Rule } from './schema.ts';
import { compileTemplate, type Render } from './template.ts';
import { STORES } from '../contract/recommendation.ts';
import { buildTables, type EngineTables } from '../engine/tables.ts';

/** A catalogue file's name and text: the core never touches a file system. */
export interface CatalogSource { name: string; text: string }

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
export type CompiledRule = CompiledServiceRule | CompiledPlacementRule | CompiledGateRule | CompiledRiskRule;

export interface Catalog {
  /** Names the catalogue: built-in version plus a digest of every file's text. */
  version: string;
  rules: readonly CompiledRule[];
  service: readonly CompiledServiceRule[];
  placement: readonly CompiledPlacementRule[];
  gates: readonly CompiledGateRule[];
  risks: readonly CompiledRiskRule[];
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

/** Keys and list items one catalogue file may hold (about 30 per rule for 1000 rules), checked before parsing. */
export const MAX_CATALOG_FILE_NODES = 30_000;

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
  const rules = new Map<string, CompiledRule>();
  const disabled: { id: string; file: string; line: number | undefined }[] = [];
  let version = '0';
  let defined = 0;
  const layers: [readonly CatalogSource[], boolean][] = [[builtin, false], [options.custom ?? [], true]];
  for (const [sources, custom] of layers) {
    const definedHere = new Map<string, string>();
    for (const source of sources) {
      const parsed = parseText(source.text, { maxNodes: MAX_CATALOG_FILE_NODES });
      if (!parsed.ok) { issues.push(...parsed.issues.map((i) => ({ ...i, file: source.name }))); continue; }
      const file = CatalogFileSchema.safeParse(parsed.value.data ?? {});
      if (!file.success) {
        issues.push(...locateIssues(fromZod(file.error.issues), parsed.value).map((i) => ({ ...i, file: source.name })));
        continue;
      }
      if (!custom && file.data.version && file.data.version > version) version = file.data.version;
      const lineOf = (path: PathSegment[]) => locateIssues([issue('x', path, '')], parsed.value)[0]!.line ?? 1;
      file.data.rules.forEach((rule, index) => {
        const problems: CompileProblem[] = [];
        const at: PathSegment[] = ['rules', index];
        if (++defined > MAX_CATALOG_RULES) {
          if (defined === MAX_CATALOG_RULES + 1) {
            issues.push({ ...issue('too_many_rules', at, `the catalogue defines more than ${MAX_CATALOG_RULES} rules; this is rule ${defined}`, lineOf(at)), file: source.name });
          }
          return;
        }
        const compiled = compileRule(rule, source.name, lineOf(at), at, problems);
        const located = locateIssues(problems.map((p) => issue(p.code, p.path, p.message)), parsed.value);
        issues.push(...located.map((i) => ({ ...i, file: source.name })));
        const twin = definedHere.get(rule.id);
        if (twin) {
          issues.push({ ...issue('duplicate_id', [...at, 'id'], `rule id "${rule.id}" is already defined in ${twin}`, lineOf([...at, 'id'])), file: source.name });
          return;
        }
        definedHere.set(rule.id, `${source.name}:${lineOf(at)}`);
        const existing = rules.get(rule.id);
        if (custom && existing?.kind === 'gate' && existing.invariant !== undefined) {
          issues.push({ ...issue('protected_rule', [...at, 'id'], `"${rule.id}" enforces invariant ${existing.invariant} and cannot be overridden`, lineOf([...at, 'id'])), file: source.name });
          return;
        }
        if (problems.length === 0) rules.set(rule.id, compiled);
      });
      file.data.disable.forEach((id, index) => disabled.push({ id, file: source.name, line: lineOf(['disable', index]) }));
    }
  }
  for (const d of disabled) {
    const rule = rules.get(d.id);
    if (!rule) issues.push({ ...issue('unknown_rule', ['disable'], `cannot disable "${d.id}": no such rule`, d.line), file: d.file });
    else if (rule.kind === 'gate' && rule.invariant !== undefined) {
      issues.push({ ...issue('protected_rule', ['disable'], `"${d.id}" enforces invariant ${rule.invariant} and cannot be disabled`, d.line), file: d.file });
    } else rules.delete(d.id);
  }
  if (issues.length > 0) return { ok: false, issues };
  const all = [...rules.values()];
  const thresholds = new Map<string, number[]>();
  for (const r of all) {
    for (const [path, values] of compileCondition(r.rule.when, true, true, [], []).thresholds) {
      thresholds.set(path, [...new Set([...(thresholds.get(path) ?? []), ...values])].sort((a, b) => a - b));
    }
  }
  const digest = (list: readonly CatalogSource[]) =>
    bytesToHex(sha256(utf8ToBytes(list.map((s) => `${s.name}\n${s.text}`).join('\n\u0000')))).slice(0, 12);
  const custom = options.custom?.length ? `+custom.${digest(options.custom)}` : '';
  const service = all.filter((r): r is CompiledServiceRule => r.kind === 'service');
  const placement = all.filter((r): r is CompiledPlacementRule => r.kind === 'placement');
  const gates = all.filter((r): r is CompiledGateRule => r.kind === 'gate');
  return {
    ok: true,
    value: {
      version: `statewise-rules@${version}+${digest(builtin)}${custom}`,
      rules: all,
      service,
      placement,
      gates,
      risks: all.filter((r): r is CompiledRiskRule => r.kind === 'risk'),
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
  const because = compileTemplate(rule.because, item, plan, [...at, 'because'], problems);
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
  }
}

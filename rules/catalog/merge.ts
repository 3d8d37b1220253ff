import type { Issue, PathSegment } from '../contract/issues.ts';
import { lineAt } from '../contract/locate.ts';
import { parseText, type ParsedText } from '../contract/yaml-text.ts';
import type { CatalogFile, Rule } from './schema.ts';
import { MAX_CATALOG_FILE_NODES, parsePreparsedText, type CatalogSource, type PreparsedCatalogFile } from './catalog-file.ts';

export { MAX_CATALOG_FILE_NODES, type CatalogSource };

/** One parsed catalogue file, handed to the caller's reader. */
export interface SourceFile {
  source: CatalogSource;
  /** The parsed text; for a pre-parsed file it is parsed on first use (only to locate a problem). */
  readonly parsed: ParsedText;
  /** The validated data a build step stored (CatalogSource.parsed): the reader need not validate it again. */
  preparsed?: CatalogFile;
  /** Built-in layer or a team's folder. */
  custom: boolean;
  lineOf: (path: readonly PathSegment[]) => number;
}

/** What a reader found in one file: its rules (with their index in `rules:`) and the ids it disables. */
export interface FileRules { rules: { rule: Rule; index: number }[]; disable: readonly unknown[] }

/** A rule in the merged catalogue, with where it was written. */
export interface MergedRule {
  rule: Rule;
  file: string;
  line: number;
  at: PathSegment[];
  lineOf: (path: readonly PathSegment[]) => number;
  /** The parsed file, to locate problems found later (compiling, linting) at their exact node. */
  readonly parsed: ParsedText;
}

/** Why a definition or a `disable` entry was refused while merging. */
export interface MergeProblem {
  code: 'duplicate_id' | 'protected_rule' | 'unknown_rule' | 'too_many_rules';
  file: string;
  line: number;
  path: PathSegment[];
  rule: string;
  message: string;
}

export interface MergedSources {
  /** The effective rules by id, in definition order: later layers override by id, `disable` removes. */
  rules: Map<string, MergedRule>;
  problems: MergeProblem[];
  /** Files that are not YAML at all (syntax, limits): nothing of them was read. */
  unreadable: Issue[];
}

export interface MergeOptions {
  /** Most rule definitions across all files (overrides counted); the rest are refused with one `too_many_rules`. */
  maxRules?: number;
}

/**
 * Merges catalogue layers, the built-in files then a team's: parses each file, lets `read` validate it (the loader
 * strictly, lint leniently) and applies the layering rules once for both — ids unique within a layer, a later
 * layer overrides by id, a gate that enforces an invariant can be neither overridden nor disabled, `disable`
 * names an existing rule. The loader compiles what this returns; lint checks it.
 * @example mergeSources(BUILTIN_CATALOG, custom, (f) => ({ rules: …, disable: … }))
 */
export function mergeSources(
  builtin: readonly CatalogSource[], custom: readonly CatalogSource[],
  read: (file: SourceFile) => FileRules | undefined, options: MergeOptions = {},
): MergedSources {
  const rules = new Map<string, MergedRule>();
  const problems: MergeProblem[] = [];
  const unreadable: Issue[] = [];
  const disabled: { id: string; file: string; line: number; index: number }[] = [];
  const max = options.maxRules ?? Infinity;
  let defined = 0;
  for (const [sources, isCustom] of [[builtin, false], [custom, true]] as const) {
    const definedHere = new Map<string, string>();
    for (const source of sources) {
      const pre = source.parsed;
      let doc: ParsedText | undefined;
      if (!pre) {
        const parsed = parseText(source.text, { maxNodes: MAX_CATALOG_FILE_NODES });
        if (!parsed.ok) { unreadable.push(...parsed.issues.map((i) => ({ ...i, file: source.name }))); continue; }
        doc = parsed.value;
      }
      const text = () => (doc ??= parsePreparsedText(source.text));
      const lineOf = (path: readonly PathSegment[]) => preparsedLine(pre, path) ?? lineAt(text(), path);
      const found = read({ source, get parsed() { return text(); }, preparsed: pre?.data, custom: isCustom, lineOf });
      if (!found) continue;
      for (const { rule, index } of found.rules) {
        const at: PathSegment[] = ['rules', index];
        const problem = (code: MergeProblem['code'], path: PathSegment[], message: string) =>
          problems.push({ code, file: source.name, line: lineOf(path), path, rule: rule.id, message });
        if (++defined > max) {
          if (defined === max + 1) problem('too_many_rules', at, `the catalogue defines more than ${max} rules; this is rule ${defined}`);
          continue;
        }
        const twin = definedHere.get(rule.id);
        if (twin) { problem('duplicate_id', [...at, 'id'], `rule id "${rule.id}" is already defined at ${twin}`); continue; }
        definedHere.set(rule.id, `${source.name}:${lineOf(at)}`);
        const existing = rules.get(rule.id)?.rule;
        if (isCustom && existing?.kind === 'gate' && existing.invariant !== undefined) {
          problem('protected_rule', [...at, 'id'], `"${rule.id}" enforces invariant ${existing.invariant} and cannot be overridden`);
          continue;
        }
        rules.set(rule.id, { rule, file: source.name, line: lineOf(at), at, lineOf, get parsed() { return text(); } });
      }
      found.disable.forEach((id, index) => {
        if (typeof id === 'string') disabled.push({ id, file: source.name, line: lineOf(['disable', index]), index });
      });
    }
  }
  for (const d of disabled) {
    const rule = rules.get(d.id)?.rule;
    const problem = (code: MergeProblem['code'], message: string) =>
      problems.push({ code, file: d.file, line: d.line, path: ['disable', d.index], rule: d.id, message });
    if (!rule) problem('unknown_rule', `cannot disable "${d.id}": no such rule`);
    else if (rule.kind === 'gate' && rule.invariant !== undefined) problem('protected_rule', `"${d.id}" enforces invariant ${rule.invariant} and cannot be disabled`);
    else rules.delete(d.id);
  }
  return { rules, problems, unreadable };
}

/** The line a build step recorded for a rule or a `disable` entry of a pre-parsed file. */
function preparsedLine(pre: PreparsedCatalogFile | undefined, path: readonly PathSegment[]): number | undefined {
  if (!pre || path.length !== 2 || typeof path[1] !== 'number') return undefined;
  return (path[0] === 'rules' ? pre.ruleLines : path[0] === 'disable' ? pre.disableLines : undefined)?.[path[1]];
}

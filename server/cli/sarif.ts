import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result as SarifResult } from 'sarif';
import { parseText, positionAt, type Issue, type Recommendation } from '../../rules/index.ts';

/**
 * SARIF 2.1.0 for GitHub code scanning (and any other SARIF viewer): plain typed objects (`@types/sarif`), since a
 * builder would add nothing for one run of one tool. Every result points at a line of a requirements file, so a
 * pull request shows the problem, the risk or the drift where the file says what caused it.
 */

/** One finding before it becomes a SARIF result. */
export interface Finding {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  file: string;
  line?: number;
  column?: number;
  /** Another place the finding concerns (the plan item a scan finding contradicts). */
  related?: { file: string; line: number; column: number; message: string };
}

/** The statewise release (package.json); the rule catalogue's version goes in `properties.rulesVersion`. */
const TOOL_VERSION = '0.1.0';

/** Rule descriptions shown by code scanning; ids not listed here are described by their own id. */
const RULE_HELP: Record<string, string> = {
  'statewise/input': 'The requirements file does not satisfy the contract (docs/design.md lists every field).',
  'statewise/infeasible': 'No plan passes every feasibility check: the answer is the plan that fails least.',
  'statewise/review-drift': 'The committed design review no longer matches the answer for its requirements file.',
  'statewise/review-stale': 'The requirements or rules changed but the answer did not: the review provenance is out of date.',
  'statewise/missing-review': 'The requirements file has no committed design review.',
};

/** The SARIF log of a run: one tool, its rules (those that produced results), and the results in order. */
export function sarifLog(findings: readonly Finding[], rulesVersion: string, descriptions: Readonly<Record<string, string>> = {}): Log {
  const ids = [...new Set(findings.map((f) => f.ruleId))];
  const rules: ReportingDescriptor[] = ids.map((id) => ({ id, shortDescription: { text: descriptions[id] ?? RULE_HELP[id] ?? id } }));
  const results: SarifResult[] = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ids.indexOf(f.ruleId),
    level: f.level,
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: uriOf(f.file) },
        region: { startLine: Math.max(1, f.line ?? 1), startColumn: Math.max(1, f.column ?? 1) },
      },
    }],
    ...(f.related ? {
      relatedLocations: [{
        id: 0,
        message: { text: f.related.message },
        physicalLocation: { artifactLocation: { uri: uriOf(f.related.file) }, region: { startLine: Math.max(1, f.related.line), startColumn: Math.max(1, f.related.column) } },
      }],
    } : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'statewise', version: TOOL_VERSION, properties: { rulesVersion }, rules } }, results }],
  };
}

/** Input issues as findings at their own lines. */
export function issueFindings(file: string, issues: readonly Issue[]): Finding[] {
  return issues.map((i) => withPlace({
    ruleId: 'statewise/input', level: 'error', file: i.file ?? file,
    message: `${i.path.length ? `${i.path.map(String).join('.')}: ` : ''}${i.message}`,
  }, i));
}

/** The risks and infeasibility of one answer, each at the state item it is about (else the top of the file). */
export function adviceFindings(file: string, text: string, r: Recommendation): Finding[] {
  const at = locator(text);
  const out: Finding[] = [];
  if (!r.feasible) out.push({ ruleId: 'statewise/infeasible', level: 'error', file, message: `${r.service}: no plan passes every feasibility check; ${r.summary}`, ...at([]) });
  for (const k of r.risks) {
    const item = k.id.includes(':') ? k.id.slice(k.id.indexOf(':') + 1) : undefined;
    out.push({
      ruleId: k.rule, level: k.severity === 'high' ? 'error' : k.severity === 'medium' ? 'warning' : 'note', file,
      message: `${k.text}. Mitigation: ${k.mitigation}`, ...at(item ? stateItemPath(text, item) : []),
    });
  }
  return out;
}

/**
 * Where a path lies in a requirements text: line and column of its node (the top of the file when the path is
 * empty or not there), found with the same locator the CLI's messages use.
 */
export function locator(text: string): (path: (string | number)[]) => { line: number; column: number } {
  const parsed = parseText(text);
  return (path) => {
    if (!parsed.ok || path.length === 0) return { line: 1, column: 1 };
    return positionAt(parsed.value, path);
  };
}

/** `['state', i, 'name']` for the state item called `name`, else [] (an implied item has no line of its own). */
export function stateItemPath(text: string, name: string): (string | number)[] {
  const parsed = parseText(text);
  const state = parsed.ok ? (parsed.value.data as { state?: { name?: unknown }[] } | null)?.state : undefined;
  const index = Array.isArray(state) ? state.findIndex((s) => s?.name === name) : -1;
  return index >= 0 ? ['state', index, 'name'] : [];
}

function withPlace(f: Omit<Finding, 'line' | 'column'>, i: Issue): Finding {
  const out: Finding = { ...f };
  if (i.line !== undefined) out.line = i.line;
  if (i.column !== undefined) out.column = i.column;
  return out;
}

/** A repository-relative URI with `/` separators, as code scanning matches it to files. */
function uriOf(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return encodeURI(file.split('\\').join('/').replace(/^\.\//, ''));
}

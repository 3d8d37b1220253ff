import type { Issue } from '../../rules/index.ts';

/**
 * Which core issues become live diagnostics for a file. One checker per problem: in `.statewise.json` files VS Code's
 * JSON language service always reports syntax errors itself (its own parser, JSON's wording), so statewise leaves
 * those out; the contract (fields, values, limits) is statewise's alone, because the schema VS Code is given carries
 * no validation keywords (schema-hints.ts, hintsSchema). YAML files have no other checker: everything is kept.
 * @example liveIssues([{ code: 'syntax', … }], 'a.statewise.json') → []
 */
export function liveIssues(issues: readonly Issue[], fileName: string): Issue[] {
  return /\.json$/i.test(fileName) ? issues.filter((i) => i.code !== 'syntax') : [...issues];
}

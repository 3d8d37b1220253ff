import { esc } from './escape.ts';

/** Where rule ids link to: the generated rule reference (docs/rules.md), one heading per rule. */
export const RULE_DOCS_URL = 'https://github.com/statewise/statewise/blob/main/docs/rules.md';

/** The rule reference anchor of a rule id, as GitHub derives it from the heading (`svc.x-y` → `#svcx-y`). */
export function ruleHref(rule: string): string {
  return `${RULE_DOCS_URL}#${rule.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-')}`;
}

/** A rule id as a link to its documentation. */
export function ruleLink(rule: string): string {
  return `<a class="sw-rule" href="${esc(ruleHref(rule))}" title="rule ${esc(rule)} in docs/rules.md"><code>${esc(rule)}</code></a>`;
}

/**
 * Escaped engine text whose trailing `(rule.id)` citation becomes a link: reasons end with the rule that gave them.
 * The text is escaped first; the id pattern (letters, digits, dots, dashes) cannot carry markup.
 */
export function withRuleLink(text: string): string {
  const m = /^(.*)\(([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)\)\s*$/s.exec(text);
  return m ? `${esc(m[1]!)}(${ruleLink(m[2]!)})` : esc(text);
}

/** A state item's name; a link to its line in the requirements file when the line is known. */
export function itemLink(name: string, line: number | undefined): string {
  if (line === undefined) return `<code>${esc(name)}</code>`;
  return `<a class="sw-jump" href="#" data-line="${line}" title="line ${line} of the requirements file"><code>${esc(name)}</code></a>`;
}

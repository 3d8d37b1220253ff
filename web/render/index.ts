/** The answer renderer shared by the VS Code panel and the web playground: pure (no DOM, no node:*, no vscode). */
export { renderAnswer, type AnswerView } from './answer.ts';
export { itemLines } from './item-lines.ts';
export { esc } from './escape.ts';
export { ANSWER_CSS, VSCODE_THEME_CSS, PAGE_THEME_CSS } from './styles.ts';
export { alternativeReason } from './cards.ts';
export { ruleHref } from './links.ts';
export { flowchart, storeNodeId } from '../../rules/review/mermaid.ts';
export { toDiagnosticSpecs, type DiagnosticSpec, type ZeroRange } from './issue-ranges.ts';
export { suggestionFixes, type FixSpec } from './quick-fixes.ts';

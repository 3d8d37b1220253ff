/** Two answers compared as data (`statewise diff`, the CI summary), and that comparison as text and Markdown. */
export { diffAnswers, placementName, type AnswerDiff, type Side, type PlacementRow, type PlanRow, type RiskChange } from './answer-diff.ts';
export { inputChanges, flattenRequirements } from './inputs.ts';
export type { FigureChange, Value } from './pair.ts';
export { renderDiffMarkdown } from './markdown.ts';
export { renderDiffText } from './text.ts';

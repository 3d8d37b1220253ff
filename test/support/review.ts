import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReview, type Recommendation, type Requirements } from '../../rules/index.ts';
import { builtinEngine, requirementsFromText } from './engine.ts';

/** Repository root, for reading checked-in examples and fixtures. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** The date every golden review is rendered with (and "today" for acceptance expiry), so goldens never age. */
export const GOLDEN_DATE = '2026-01-15';

/** The three golden examples: one per verdict, named by the service inside them. */
export const GOLDEN_EXAMPLES = [
  { file: 'examples/orders-api.statewise.yaml', service: 'orders-api', verdict: 'stateless' },
  { file: 'examples/team-chat.statewise.yaml', service: 'team-chat', verdict: 'stateful' },
  { file: 'examples/shop-with-live-support.statewise.yaml', service: 'shop-frontend', verdict: 'hybrid' },
] as const;

export interface RenderedExample { requirements: Requirements; recommendation: Recommendation; markdown: string }

/** Renders a checked-in requirements file exactly as `statewise review FILE --date GOLDEN_DATE` would from the root. */
export function renderExample(file: string, date = GOLDEN_DATE): RenderedExample {
  const requirements = requirementsFromText(readFileSync(join(ROOT, file), 'utf8'));
  const recommendation = builtinEngine().advise(requirements, { today: date });
  return { requirements, recommendation, markdown: renderReview({ requirements, recommendation, date, source: file }) };
}

/** Markdown without its YAML front matter (markdown-it would read the fences as rules and a heading). */
export function body(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
}

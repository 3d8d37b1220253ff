import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReview } from '../../../rules/index.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT } from '../../support/review.ts';

/** The design review prints the answer's notes on the input, each naming its field and factor; none, no section. */
const engine = builtinEngine();
const review = (file: string) => {
  const requirements = requirementsFromText(readFileSync(join(ROOT, file), 'utf8'));
  const recommendation = engine.advise(requirements);
  return { recommendation, markdown: renderReview({ requirements, recommendation, date: '2026-12-07' }) };
};

describe('design review: notes on the input', () => {
  it('report-server: the assumed read share note, with field and factor, between the outcome and the placement plan', () => {
    const { recommendation, markdown } = review('examples/report-server.statewise.yaml');
    const note = recommendation.notes!.find((n) => n.id === 'note.assumed-read-share')!;
    expect(markdown).toContain(`- \`${note.field}\` (${note.factor}×, \`note.assumed-read-share\`): `);
    const at = markdown.indexOf('## Notes on the input');
    expect(at).toBeGreaterThan(markdown.indexOf('## Decision outcome'));
    expect(at).toBeLessThan(markdown.indexOf('## State placement plan'));
  });

  it('orders-api: no notes, no section', () => {
    const { recommendation, markdown } = review('examples/orders-api.statewise.yaml');
    expect(recommendation.notes).toBeUndefined();
    expect(markdown).not.toContain('Notes on the input');
  });
});

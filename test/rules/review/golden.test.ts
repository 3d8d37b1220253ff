import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_EXAMPLES, renderExample, ROOT } from '../../support/review.ts';

/**
 * Golden design reviews, compared byte for byte. After an intended change to the renderer, the catalogue or an
 * example, regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/rules/review` and review the diff.
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('golden design reviews', () => {
  for (const example of GOLDEN_EXAMPLES) {
    it(`${example.file} renders ${example.verdict} exactly as test/fixtures/reviews/${example.service}.md`, () => {
      const { recommendation, markdown } = renderExample(example.file);
      expect(recommendation.verdict).toBe(example.verdict);
      const golden = join(ROOT, 'test', 'fixtures', 'reviews', `${example.service}.md`);
      if (UPDATE) writeFileSync(golden, markdown);
      expect(existsSync(golden), `missing ${golden}: run UPDATE_GOLDEN=1 npx vitest run test/rules/review`).toBe(true);
      expect(markdown, 'drift: if intended, UPDATE_GOLDEN=1 npx vitest run test/rules/review').toBe(readFileSync(golden, 'utf8'));
    });
  }

  it('renders byte-identical Markdown from two independent engines', () => {
    for (const example of GOLDEN_EXAMPLES) {
      expect(renderExample(example.file).markdown).toBe(renderExample(example.file).markdown);
    }
  });
});

import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { compareProvenance, parseReviewProvenance, provenanceOf, renderReview } from '../../../rules/index.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { body } from '../../support/review.ts';
import { runs } from '../../support/property.ts';

const engine = builtinEngine();
const html = new MarkdownIt({ html: true });

/** Text that has broken Markdown tables, YAML front matter or HTML before. */
const hostile = fc.constantFrom(
  'a | b', 'line\nbreak', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '`code`', '# heading',
  '---', 'key: value', '- item', "'quoted'", '"dq"', 'null', 'yes', '2026-01-01', '[link](javascript:x)', '\\|', '  ', '## injected', '1. item', '> quote', '```', '***', '+ plus', '=== ',
);
const hostileText = fc.array(fc.oneof(hostile, fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 6 }).map((p) => p.join(' '));

const inputArb = fc.record({
  base: requirementsArb({ maxItems: 6 }),
  description: fc.option(hostileText.map((t) => t.slice(0, 2000)), { nil: undefined }),
  decisionMakers: fc.option(fc.array(hostileText.map((t) => t.trim().slice(0, 120) || 'x'), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  source: fc.option(fc.constantFrom('a.statewise.yaml', 'dir with space/b.statewise.yaml', "o'neil/c.statewise.json"), { nil: undefined }),
});

describe('renderReview over any valid requirements', () => {
  it('round-trips its provenance, keeps every table rectangular, leaks no HTML and never ends a line in a space', () => {
    fc.assert(fc.property(inputArb, ({ base, description, decisionMakers, date, source }) => {
      const data = { ...base, ...(description === undefined ? {} : { description }), ...(decisionMakers === undefined ? {} : { decisionMakers }) };
      const requirements = requirementsOf(data);
      const recommendation = engine.advise(requirements, { today: date });
      const input = { requirements, recommendation, date, ...(source === undefined ? {} : { source }) };
      const markdown = renderReview(input);
      expect(renderReview(input)).toBe(markdown);

      const parsed = parseReviewProvenance(markdown);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.date).toBe(date);
      expect(parsed.value.source).toBe(source);
      expect(parsed.value.decisionMakers).toEqual(requirements.decisionMakers?.length ? requirements.decisionMakers : undefined);
      expect(compareProvenance(parsed.value, provenanceOf(recommendation, source)).changed).toBe(false);

      expect(markdown.split('\n').some((l) => /\s$/.test(l))).toBe(false);
      const tokens = html.parse(body(markdown), {});
      let header = 0;
      let cells = 0;
      let inHead = false;
      for (const t of tokens) {
        if (t.type === 'thead_open') { inHead = true; header = 0; }
        if (t.type === 'thead_close') inHead = false;
        if (t.type === 'tr_open') cells = 0;
        if (t.type === 'th_open' || t.type === 'td_open') { cells++; if (inHead) header++; }
        if (t.type === 'tr_close' && !inHead) expect(cells).toBe(header);
        if (t.type === 'html_block' || t.type === 'html_inline') throw new Error(`raw HTML reached the document: ${t.content}`);
      }
      const heads = tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag);
      expect(heads.filter((h) => h === 'h1')).toHaveLength(1);
      // Thirteen sections (the failure table included), and "Notes on the input" when the answer has notes.
      expect(heads.filter((h) => h === 'h2')).toHaveLength(recommendation.notes?.length ? 14 : 13);
      expect(heads.filter((h) => h !== 'h1' && h !== 'h2' && h !== 'h3')).toEqual([]);
      expect(tokens.filter((t) => t.type === 'fence').map((t) => t.info)).toEqual(['mermaid']);
      expect(tokens.filter((t) => t.type === 'blockquote_open' || t.type === 'ordered_list_open')).toEqual([]);
    }), { numRuns: runs(30, 80) });
  });
});

import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { body, GOLDEN_EXAMPLES, renderExample } from '../../support/review.ts';

type Token = ReturnType<MarkdownIt['parse']>[number];

const SECTIONS = [
  'Context and problem statement',
  'Decision drivers',
  'Considered options',
  'Decision outcome',
  'State placement plan',
  'Feasibility and cost',
  'Scaling and failure plan',
  'Failure table',
  'Capacity estimate',
  'Risks and mitigations',
  'Accepted risks',
  'Revisit when',
  'Appendix: rules that fired',
];

const md = new MarkdownIt();

function headings(tokens: Token[], tag: string): string[] {
  return tokens.flatMap((t, i) => (t.type === 'heading_open' && t.tag === tag ? [tokens[i + 1]!.content] : []));
}

/** How many list items the h2 section holds. */
function listItems(tokens: Token[], wanted: string): number {
  let section = '';
  let n = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.tag === 'h2') section = tokens[i + 1]!.content;
    if (section === wanted && t.type === 'list_item_open') n++;
  });
  return n;
}

/** Each table as its header cells and its row count, with the h2 section it sits in. */
function tables(tokens: Token[]): { section: string; header: string[]; rows: number; cells: number[] }[] {
  const out: { section: string; header: string[]; rows: number; cells: number[] }[] = [];
  let section = '';
  let current: { section: string; header: string[]; rows: number; cells: number[] } | undefined;
  let inHead = false;
  let cellsInRow = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open' && t.tag === 'h2') section = tokens[i + 1]!.content;
    if (t.type === 'table_open') { current = { section, header: [], rows: 0, cells: [] }; out.push(current); }
    if (t.type === 'thead_open') inHead = true;
    if (t.type === 'thead_close') inHead = false;
    if (t.type === 'tr_open') cellsInRow = 0;
    if ((t.type === 'th_open' || t.type === 'td_open') && current) {
      cellsInRow++;
      if (inHead) current.header.push(tokens[i + 1]!.content);
    }
    if (t.type === 'tr_close' && current && !inHead) { current.rows++; current.cells.push(cellsInRow); }
  });
  return out;
}

describe('design review structure (markdown-it)', () => {
  for (const example of GOLDEN_EXAMPLES) {
    describe(example.file, () => {
      const { recommendation: rec, requirements: req, markdown } = renderExample(example.file);
      const tokens = md.parse(body(markdown), {});

      it('has one h1 naming the service and the sections in order', () => {
        expect(headings(tokens, 'h1')).toEqual([expect.stringMatching(new RegExp(`^${example.service}: a ${example.verdict} service`))]);
        expect(headings(tokens, 'h2')).toEqual(SECTIONS);
      });

      it('has the requirements, placement, capacity and appendix tables with one row per entry', () => {
        const found = tables(tokens);
        const bySection = (s: string) => found.filter((t) => t.section === s);
        expect(bySection('Context and problem statement')[0]!.header).toEqual(['Requirement', 'Value']);
        if (req.state.length) expect(bySection('Context and problem statement')[1]!.rows).toBe(req.state.length);
        const plan = bySection('State placement plan')[0]!;
        // Short cells; the reasons are a list below the table, one entry per item (issue 29).
        expect(plan.header).toEqual(['Item', 'Store', 'Technology', 'TTL', 'On instance loss']);
        expect(plan.rows).toBe(rec.placements.length);
        expect(listItems(tokens, 'State placement plan')).toBe(rec.placements.length);
        expect(bySection('Capacity estimate')[0]!.header).toEqual(['Measure', 'Estimate']);
        expect(bySection('Considered options')[0]!.rows).toBe(3);
        const appendix = bySection('Appendix: rules that fired')[0]!;
        expect(appendix.rows).toBeGreaterThanOrEqual(rec.factors.length);
        if (rec.risks.length) expect(bySection('Risks and mitigations')[0]!.rows).toBe(rec.risks.length);
        // An unescaped pipe would add a cell: every row has exactly as many cells as its header.
        for (const t of found) expect(t.cells.every((n) => n === t.header.length)).toBe(true);
      });

      it('carries one mermaid flowchart with a node per store in use', () => {
        const fences = tokens.filter((t) => t.type === 'fence');
        expect(fences.map((f) => f.info)).toEqual(['mermaid']);
        const chart = fences[0]!.content;
        expect(chart.startsWith('flowchart LR\n')).toBe(true);
        for (const p of rec.placements) expect(chart).toContain(p.state);
        expect(chart.includes('Stateless tier')).toBe(example.verdict !== 'stateful');
        expect(chart.includes('Stateful tier')).toBe(example.verdict !== 'stateless');
      });

      it('names every fired factor rule in the appendix and has no trailing whitespace', () => {
        const appendix = markdown.slice(markdown.indexOf('## Appendix'));
        for (const f of rec.factors) expect(appendix).toContain(`\`${f.rule}\``);
        expect(markdown.split('\n').filter((l) => /\s$/.test(l))).toEqual([]);
        expect(markdown.endsWith('\n') && !markdown.endsWith('\n\n')).toBe(true);
      });
    });
  }
});

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowchart, renderReview } from '../../rules/index.ts';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { ROOT } from '../support/review.ts';

/**
 * Every example's design-review diagram renders in a real browser: headless Debian chromium (e2e/setup.sh installs
 * it) loads mermaid from node_modules into a local page — no network — and must produce an SVG, not a parse error.
 */
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const ARTIFACTS = join(ROOT, 'test-results');

let browser: Browser;
let page: Page;
const offSite: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Nothing may leave the machine: any request the page makes is recorded and refused.
  await page.route('**/*', (route) => { offSite.push(route.request().url()); return route.abort(); });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>statewise diagrams</title></head><body></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() => (globalThis as unknown as PageGlobals).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
});

afterAll(async () => {
  await browser?.close();
});

/** What the page offers (the tsconfig has no DOM lib: these functions run in the browser). */
interface PageGlobals {
  mermaid: {
    initialize(config: object): void;
    parse(code: string): Promise<unknown>;
    render(id: string, code: string): Promise<{ svg: string }>;
  };
  document: {
    createElement(tag: string): { innerHTML: string; innerText: string };
    body: { appendChild(node: unknown): void };
  };
}

/** Parses and renders one diagram in the page; returns the SVG or the error Mermaid raised. */
async function render(id: string, title: string, code: string): Promise<{ svg?: string; text?: string; error?: string }> {
  return page.evaluate(async ({ id, title, code }) => {
    const { mermaid, document } = globalThis as unknown as PageGlobals;
    try {
      await mermaid.parse(code);
      const { svg } = await mermaid.render(id, code);
      const box = document.createElement('section');
      box.innerHTML = `<h3 style="font:14px sans-serif">${title}</h3>${svg}`;
      document.body.appendChild(box);
      return { svg, text: box.innerText };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, { id, title, code });
}

function mermaidBlock(markdown: string): string {
  const match = /\n```mermaid\n([\s\S]*?)\n```\n/.exec(markdown);
  if (!match) throw new Error('no mermaid block in the review');
  return match[1]!;
}

describe('Mermaid diagrams in a real browser', () => {
  const engine = builtinEngine();

  it('finds the examples', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
  });

  for (const [i, file] of EXAMPLES.entries()) {
    it(`renders the diagram of examples/${file}`, async () => {
      const requirements = requirementsFromText(readFileSync(join(ROOT, 'examples', file), 'utf8'));
      const recommendation = engine.advise(requirements, { today: '2026-01-15' });
      const markdown = renderReview({ requirements, recommendation, date: '2026-01-15', source: `examples/${file}` });
      const code = mermaidBlock(markdown);
      expect(code).toBe(flowchart(recommendation));
      const result = await render(`diagram${i}`, `${recommendation.service} (${recommendation.verdict})`, code);
      expect(result.error).toBeUndefined();
      expect(result.svg).toMatch(/^<svg[\s>]/);
      expect(result.svg).not.toMatch(/Syntax error|Parse error/i);
      for (const p of recommendation.placements) expect(result.svg).toContain(p.state);
    });
  }

  it('renders labels full of Mermaid syntax characters, escaped, and shows them as written', async () => {
    const rec = engine.advise(requirementsFromText(readFileSync(join(ROOT, 'examples', EXAMPLES[0]!), 'utf8')));
    const name = 'a "q" [b] (c) {d} #e; f|g `h` <i> &amp; #40; end';
    const hostile = { ...rec, placements: [{ ...rec.placements[0]!, state: name, store: 'database' as const }] };
    const result = await render('hostile', 'escaping', flowchart(hostile));
    expect(result.error).toBeUndefined();
    expect(result.svg).toMatch(/^<svg[\s>]/);
    expect(result.text).toContain(name);
  });

  it('writes parentheses in labels as they are (no #40; codes left for a Markdown reader) and draws them literally', async () => {
    const rec = engine.advise(requirementsFromText(readFileSync(join(ROOT, 'examples', 'team-chat.statewise.yaml'), 'utf8')));
    const code = flowchart(rec);
    expect(code).toContain('["Instance memory (sticky)"]');
    expect(code).not.toMatch(/#4[01];/);
    const result = await render('parens', 'parentheses', code);
    expect(result.text).toContain('Instance memory (sticky)');
    expect(result.text).toContain('Database: postgres');
  });

  it('reports a parse error for an unescaped label (the harness can fail)', async () => {
    const result = await render('broken', 'negative control', 'flowchart LR\n  a -->|cart (x)| b[say [hi]]');
    expect(result.error).toMatch(/Parse error/);
  });

  it('saves a screenshot of every diagram and made no network request', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'mermaid-examples.png'), fullPage: true });
    expect(offSite).toEqual([]);
  });
});

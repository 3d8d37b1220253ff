import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Where Debian installs chromium; CHROMIUM_PATH points elsewhere. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The page globals the render uses (the tsconfig has no DOM lib: this runs in the browser). */
interface PageGlobals { mermaid: { initialize(c: object): void; render(id: string, code: string): Promise<{ svg: string }> } }

/**
 * The review's Mermaid flowchart as a standalone SVG. Mermaid lays text out with the browser's fonts, so it needs a
 * real DOM: a headless Chromium (playwright-core drives it) loads mermaid's own bundle from node_modules into an
 * empty page with every network request refused. Labels are SVG text (htmlLabels off), not HTML in
 * foreignObject, so viewers that are not browsers (Backstage's ADR plugin, image tools) show them.
 * Returns the SVG, or why it cannot run (no chromium, no playwright-core or mermaid installed).
 * @example await renderSvg(flowchart(rec)) // { ok: true, svg: '<svg …' }
 */
export async function renderSvg(diagram: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ok: true; svg: string } | { ok: false; why: string }> {
  const executablePath = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!existsSync(executablePath)) {
    return { ok: false, why: `--to svg renders the diagram with Mermaid in a headless Chromium, and there is none at ${executablePath} (install chromium, e.g. apt-get install chromium, or set CHROMIUM_PATH)` };
  }
  const require = createRequire(import.meta.url);
  let mermaidPath: string;
  let playwright: typeof import('playwright-core');
  try {
    mermaidPath = require.resolve('mermaid/dist/mermaid.min.js');
    // require, not import(): the compiled CLI is CommonJS run from a code cache, where import() has no loader.
    playwright = require('playwright-core') as typeof import('playwright-core');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw e;
    return { ok: false, why: '--to svg needs the packages playwright-core and mermaid (npm install playwright-core mermaid)' };
  }
  const browser = await playwright.chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: mermaidPath });
    const svg = await page.evaluate(async (code) => {
      const { mermaid } = globalThis as unknown as PageGlobals;
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false }, theme: 'neutral' });
      return (await mermaid.render('statewise', code)).svg;
    }, diagram);
    return { ok: true, svg: `<?xml version="1.0" encoding="UTF-8"?>\n${standalone(svg)}\n` };
  } finally {
    await browser.close();
  }
}

/**
 * Mermaid sizes its SVG for a web page (width 100%, a max-width style); a file opened on its own needs its size:
 * the width and height of its viewBox.
 */
function standalone(svg: string): string {
  const box = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) return svg;
  const [w, h] = [Math.ceil(Number(box[1])), Math.ceil(Number(box[2]))];
  return svg.replace(/^<svg([^>]*?) width="100%"/, `<svg$1 width="${w}" height="${h}"`).replace(/ style="max-width: [\d.]+px;"/, '');
}

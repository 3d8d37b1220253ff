import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.ts';
import { launchChromium } from '../support/chromium.ts';

/**
 * `statewise export --to svg` renders the review's Mermaid diagram in Debian chromium; the SVG it writes is then
 * opened on its own, as a file, in chromium again (no HTML page around it, nothing from the network) and
 * screenshotted: test-results/export-svg-<example>.png, and the README image with UPDATE_README_IMAGES=1.
 */
const ARTIFACTS = join(ROOT, 'test-results');
const EXAMPLES = ['orders-api', 'team-chat', 'shop-with-live-support']; // one per verdict
let browser: Browser;

beforeAll(async () => { mkdirSync(ARTIFACTS, { recursive: true }); browser = await launchChromium(); });
afterAll(async () => browser?.close());

describe('statewise export --to svg', () => {
  for (const name of EXAMPLES) {
    it(`${name}: a standalone SVG with SVG text labels that chromium shows`, async () => {
      const out = join(ARTIFACTS, `export-${name}.svg`);
      const run = await cli(ROOT, 'export', `examples/${name}.statewise.yaml`, '--to', 'svg', '-o', out);
      expect(run.code, run.err).toBe(0);
      const svg = readFileSync(out, 'utf8');
      expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
      expect(svg).not.toContain('<foreignObject'); // labels are SVG text: viewers that are not browsers show them
      expect(svg).not.toMatch(/<script/i);
      const advice = JSON.parse((await cli(ROOT, 'advise', `examples/${name}.statewise.yaml`, '--json')).out) as { placements: { state: string; store: string }[] };
      const page = await browser.newPage({ viewport: { width: 1300, height: 500 } });
      const offSite: string[] = [];
      // Anything but the file itself (a font, an image, a stylesheet from the network) is recorded and refused.
      await page.route((url) => url.protocol !== 'file:', (route) => { offSite.push(route.request().url()); return route.abort(); });
      await page.goto(pathToFileURL(out).href);
      // Every kept item's name is drawn as text on an edge (Mermaid splits labels into one tspan per word).
      const text = (await page.locator('svg').textContent()) ?? '';
      for (const p of advice.placements.filter((p) => p.store !== 'none')) expect(text).toContain(p.state);
      expect(text).toContain('Clients');
      const box = await page.locator('svg').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(80);
      const shot = join(ARTIFACTS, `export-svg-${name}.png`);
      // An SVG document has no scrollable page to capture whole: size the viewport to the drawing instead.
      await page.setViewportSize({ width: Math.ceil(box!.width) + 16, height: Math.ceil(box!.height) + 16 });
      await page.screenshot({ path: shot });
      if (process.env.UPDATE_README_IMAGES === '1' && name === 'shop-with-live-support') copyFileSync(shot, join(ROOT, 'docs/images/export-svg.png'));
      expect(offSite).toEqual([]);
      await page.close();
    }, 120_000);
  }

  it('the compiled CLI (dist/, as installed) renders it too', () => {
    // dist/ is CommonJS run from a V8 code cache: a dynamic import() has no loader there, so this runs the build.
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
    const r = spawnSync(process.execPath, ['bin/statewise.js', 'export', 'examples/orders-api.statewise.yaml', '--to', 'svg'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, STATEWISE_RUN: 'dist' }, timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    expect(r.stdout).toContain('orders');
  }, 420_000);

  it('without chromium: exit 2 and a message that says what to install', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(ROOT, 'no-such-chromium');
    try {
      const run = await cli(ROOT, 'export', 'examples/orders-api.statewise.yaml', '--to', 'svg');
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).toContain('there is none at');
      expect(run.err).toContain('CHROMIUM_PATH');
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH; else process.env.CHROMIUM_PATH = before;
    }
  });
});

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeNodeId, type Recommendation } from '../../rules/index.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { launchChromium, loopbackOnly } from '../support/chromium.ts';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { ROOT } from '../support/review.ts';
import { readDiagram, type DiagramView } from '../support/diagram.ts';

/**
 * The web playground at `/` in Debian chromium against a real `statewise serve` on loopback: pick an example, edit
 * it, watch the answer and its rendered diagram change, make it invalid and see the problem at its line, download
 * the design review. Screenshots (light and dark) go to test-results/playground/.
 */
const SHOTS = join(ROOT, 'test-results/playground');
/** `npm run docs:images` sets it: the README's playground picture is refreshed from this run. */
const UPDATE_README_IMAGES = process.env.UPDATE_README_IMAGES === '1';
const EXAMPLE = 'team-chat.statewise.yaml';
const EXAMPLE_TEXT = readFileSync(join(ROOT, 'examples', EXAMPLE), 'utf8');
const ADDED_ITEM = '  - name: read-receipts\n    owner: session\n    lifetime: hours\n    sizeKb: 0.5\n    writesPerMinute: 2\n    lossImpact: annoying\n';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let offSite: string[];
const consoleErrors: string[] = [];
const engine = builtinEngine();

const advise = (text: string): Recommendation => engine.advise(requirementsFromText(text), {});

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  console.log(`playground e2e: screenshots in ${SHOTS}`);
  execFileSync('npx', ['tsx', 'scripts/build-web.ts'], { cwd: ROOT, stdio: 'pipe' }); // what `npm start` runs first
  server = await startServer({ engine: builtinEngine(), port: 0, host: '127.0.0.1', accessLog: false });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, colorScheme: 'light', acceptDownloads: true });
  offSite = await loopbackOnly(context);
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close(1_000);
});

/** What page.evaluate callbacks see in the browser (the tsconfig has no DOM lib: they are typed loosely here). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Browserish = any;

/** Waits for the answer after the n-th render (the page counts them in body[data-rendered]). */
async function rendered(after: number): Promise<number> {
  await page.waitForFunction((n) => Number((globalThis as Browserish).document.body.dataset.rendered ?? 0) > n, after, { timeout: 30_000 });
  return Number(await page.evaluate(() => (globalThis as Browserish).document.body.dataset.rendered));
}

/** The text of the rendered diagram's SVG labels, and the ids of its nodes. */
function diagram(): Promise<DiagramView> {
  return readDiagram(page, '#answer .sw-diagram svg');
}

function expectDiagramOf(d: DiagramView, rec: Recommendation): void {
  for (const p of rec.placements) {
    expect(d.labels, `item ${p.state} on an edge`).toContain(p.state);
    expect(d.nodes.some((id) => id.includes(`-${storeNodeId(p.store)}-`)), `node for ${p.store} in ${d.nodes.join(',')}`).toBe(true);
    if (p.technology !== 'none' && p.technology !== 'instance-memory' && p.technology !== 'signed-token') expect(d.labels).toContain(p.technology);
  }
}

describe('web playground at /', () => {
  let count = 0;

  it('serves the page with a strict CSP and only local assets', async () => {
    const res = await page.goto(server.url + '/', { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self'");
    expect(await page.title()).toBe('statewise playground');
    const options = await page.locator('#example option').allTextContents();
    expect(options).toContain(EXAMPLE);
    const api = await fetch(server.url + '/v1/rules');
    expect(api.headers.get('content-security-policy')).toContain("default-src 'none'"); // the API keeps its own
  });

  it('answers a picked example with the rendered diagram: a node for every store, every item on an edge', async () => {
    await page.selectOption('#example', EXAMPLE);
    count = await rendered(count);
    const expected = advise(EXAMPLE_TEXT);
    expect(await page.locator('#answer .sw-verdict b').textContent()).toBe(expected.verdict);
    expect(await page.locator('#answer .sw-verdict').textContent()).toContain(`confidence ${Math.round(expected.confidence * 100)}%`);
    expectDiagramOf(await diagram(), expected);
    expect(await page.locator('#answer .sw-card').count()).toBe(expected.placements.length);
    await page.screenshot({ path: join(SHOTS, 'playground-light.png') });
    if (UPDATE_README_IMAGES) copyFileSync(join(SHOTS, 'playground-light.png'), join(ROOT, 'docs/images/playground.png'));
    // A card opened: the alternatives say each store and score once, then the reason.
    const card = page.locator('#answer .sw-card[data-state="messages"]');
    await card.locator('summary', { hasText: 'alternatives' }).click();
    expect(await card.locator('.sw-alternatives li').first().textContent()).not.toMatch(/^\s*[a-z-]+ \d+ [a-z-]+ scores/);
    await card.screenshot({ path: join(SHOTS, 'playground-card-alternatives.png') });
    await page.locator('#answer .sw-factors').scrollIntoViewIfNeeded();
    await page.locator('#answer .sw-factors').screenshot({ path: join(SHOTS, 'playground-factors.png') });
    await page.locator('#answer .sw-risks').screenshot({ path: join(SHOTS, 'playground-risks.png') });
    // The whole answer, unclipped by its scrolling pane.
    await page.locator('.pg-answer-pane').evaluate((e: Browserish) => { e.style.overflow = 'visible'; e.style.height = 'auto'; });
    await page.locator('#answer').screenshot({ path: join(SHOTS, 'playground-answer-full.png') });
    await page.locator('.pg-answer-pane').evaluate((e: Browserish) => { e.style.overflow = ''; e.style.height = ''; });
  });

  it('re-answers as the text is typed: the new item gets a card and an edge in the diagram', async () => {
    expect((await diagram()).labels).not.toContain('read-receipts');
    await page.locator('#source').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(ADDED_ITEM, { delay: 2 });
    count = await rendered(count);
    const text = await page.locator('#source').inputValue();
    expect(text).toBe(EXAMPLE_TEXT + ADDED_ITEM);
    const expected = advise(text);
    expectDiagramOf(await diagram(), expected);
    expect((await diagram()).labels).toContain('read-receipts');
    expect(await page.locator('#answer .sw-card[data-state="read-receipts"] .sw-badge').first().textContent())
      .toBe(expected.placements.find((p) => p.state === 'read-receipts')!.store);
    // The item name links to its line in the editor.
    const line = text.split('\n').findIndex((l) => l.includes('name: read-receipts')) + 1;
    expect(await page.locator('#answer .sw-card[data-state="read-receipts"] .sw-jump').getAttribute('data-line')).toBe(String(line));
  });

  it('shows a validation error at its line, with the CLI\'s message, and keeps the last valid answer', async () => {
    const text = (await page.locator('#source').inputValue()).replace('peakRps: 3000', 'peakRps: -5');
    const line = text.split('\n').findIndex((l) => l.includes('peakRps: -5')) + 1;
    await page.locator('#source').fill(text);
    const problem = page.locator('#problems li').first();
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.getAttribute('data-line')).toBe(String(line));
    const message = await problem.textContent();
    expect(message).toContain(`line ${line}`);
    expect(message).toContain('/traffic/peakRps');
    expect(message).toMatch(/must be at least 0/);
    expect(await page.locator('#gutter .pg-error').getAttribute('data-line')).toBe(String(line));
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect(await page.locator('#banner').textContent()).toContain('showing the last valid answer');
    expect((await diagram()).labels).toContain('read-receipts'); // the last valid answer stays
    await page.screenshot({ path: join(SHOTS, 'playground-error.png') });
    await problem.click(); // jumps to the line
    const selected = await page.locator('#source').evaluate((t: Browserish) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(selected).toContain('peakRps: -5');
  });

  it('downloads the design review of the answer shown', async () => {
    await page.locator('#source').fill(EXAMPLE_TEXT);
    count = await rendered(count);
    expect(await page.locator('#banner').isVisible()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('team-chat.md');
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain('```mermaid\nflowchart LR');
    expect(markdown).toContain('# ');
    expect(markdown).toContain('team-chat');
    await page.screenshot({ path: join(SHOTS, 'playground-review-downloaded.png') });
  });

  it('marks an item that fails a check, in the diagram and on its card (order-gateway has no feasible plan)', async () => {
    const text = readFileSync(join(ROOT, 'examples/order-gateway.statewise.yaml'), 'utf8');
    const expected = advise(text);
    const failing = expected.placements.filter((p) => p.checks.some((c) => !c.passed));
    expect(failing.length).toBeGreaterThan(0); // computed here, not assumed
    await page.selectOption('#example', 'order-gateway.statewise.yaml');
    count = await rendered(count);
    const d = await diagram();
    expectDiagramOf(d, expected);
    for (const p of failing) {
      expect(d.labels).toContain(`⚠ ${p.state}`);
      expect(await page.locator(`#answer .sw-diagram svg g.node.failed[id*="-${storeNodeId(p.store)}-"]`).count()).toBe(1);
      expect(await page.locator(`#answer .sw-card[data-state="${p.state}"]`).getAttribute('class')).toContain('sw-card-failed');
    }
    expect(await page.locator('#answer .sw-banner-bad').textContent()).toContain('No plan passes every feasibility check');
    expect(await page.locator('.pg-answer-pane').evaluate((e: Browserish) => e.scrollTop as number)).toBe(0); // a new example starts at the top
    await page.screenshot({ path: join(SHOTS, 'playground-failing-check.png') });
  });

  it('reads well in a dark theme too', async () => {
    const dark = await browser.newContext({ viewport: { width: 1500, height: 1000 }, colorScheme: 'dark' });
    const darkOffSite = await loopbackOnly(dark);
    const p = await dark.newPage();
    await p.goto(server.url + '/');
    await p.selectOption('#example', 'shop-with-live-support.statewise.yaml');
    await p.waitForSelector('#answer .sw-diagram svg', { timeout: 30_000 });
    const bg = await p.evaluate(() => (globalThis as Browserish).getComputedStyle((globalThis as Browserish).document.body).backgroundColor as string);
    expect(bg).toBe('rgb(13, 17, 23)');
    await p.screenshot({ path: join(SHOTS, 'playground-dark.png') });
    await p.locator('.sw-cards').screenshot({ path: join(SHOTS, 'playground-dark-cards.png') });
    expect(darkOffSite).toEqual([]);
    await dark.close();
  });

  it('is the picture in the README (refreshed by npm run docs:images)', () => {
    expect(existsSync(join(ROOT, 'docs/images/playground.png'))).toBe(true);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('docs/images/playground.png');
  });

  it('made no request off the machine and logged no error (no CSP violation)', () => {
    expect(offSite).toEqual([]);
    expect(consoleErrors.filter((e) => !/400 \(Bad Request\)/.test(e))).toEqual([]);
  });
});

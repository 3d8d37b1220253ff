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
/** Every response with an error status (a favicon 404, a 400 per invalid edit): the page should cause none. */
const failedResponses: string[] = [];
/** The bodies the page sent to the advice endpoint: invalid text is answered in the page and never sent. */
const adviceRequests: string[] = [];
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
  page.on('response', (r) => { if (r.status() >= 400) failedResponses.push(`${r.status()} ${r.url()}`); });
  page.on('request', (r) => { if (r.url().endsWith('/v1/recommendations')) adviceRequests.push(r.postData() ?? ''); });
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
    // The failure grid: a row per item, a cell per failure, its words and its colour saying the same.
    const grid = page.locator('#answer .sw-failures');
    await grid.scrollIntoViewIfNeeded();
    expect(await grid.locator('tbody tr').count()).toBe(expected.placements.length);
    expect(await grid.locator('td.sw-fcell').count()).toBe(expected.failures.length);
    const whole = expected.failures.find((r) => r.lost === 'all');
    expect(whole).toBeDefined(); // one region: a region loss takes something whole
    {
      const cell = grid.locator(`tr[data-item="${whole!.state}"] td[data-failure="${whole!.failure}"]`);
      expect(await cell.textContent()).toMatch(/^all\s/);
      // Red, mixed from --sw-bad: the red channel leads.
      const bg = await cell.evaluate((e: Browserish) => (globalThis as Browserish).getComputedStyle(e).backgroundColor as string);
      const [r, g, b] = (bg.match(/[\d.]+/g) ?? []).map(Number);
      expect(r).toBeGreaterThan(g!);
      expect(r).toBeGreaterThan(b!);
    }
    await grid.screenshot({ path: join(SHOTS, 'playground-failures.png') });
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
    // The field as the CLI and the editor name it (issue 29), not the JSON pointer.
    expect(message).toContain('traffic.peakRps: must be at least 0');
    expect(message).not.toContain('/traffic/peakRps');
    // A wavy underline under exactly the bad value, at its place in the text.
    expect(await page.locator('#squiggles .pg-squiggle').allTextContents()).toEqual(['-5']);
    expect(adviceRequests.some((b) => b.includes('peakRps: -5'))).toBe(false); // found in the page: no request, no 400
    expect(await page.locator('#gutter .pg-error').getAttribute('data-line')).toBe(String(line));
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect(await page.locator('#banner').textContent()).toContain('showing the last valid answer');
    expect((await diagram()).labels).toContain('read-receipts'); // the last valid answer stays
    await page.screenshot({ path: join(SHOTS, 'playground-error.png') });
    await problem.click(); // jumps to the line
    const selected = await page.locator('#source').evaluate((t: Browserish) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(selected).toContain('peakRps: -5');
  });

  it('a typo is one problem, underlined, with a one-click did-you-mean that fixes it (issue 29)', async () => {
    const valid = EXAMPLE_TEXT;
    const typo = valid.replace('peakRps:', 'peakRPS:');
    expect(typo).not.toBe(valid);
    await page.locator('#source').fill(typo);
    const problem = page.locator('#problems li');
    await expect.poll(() => problem.first().textContent(), { timeout: 30_000 }).toContain('traffic.peakRPS: unknown field "peakRPS"; did you mean "peakRps"?');
    expect(await problem.count()).toBe(1);
    expect(await page.locator('#status').textContent()).toBe('1 problem');
    expect(await page.locator('#squiggles .pg-squiggle').allTextContents()).toEqual(['peakRPS']);
    // The squiggle sits under the word in the textarea: same box, same line, same column.
    const [under, over] = await Promise.all([page.locator('#squiggles .pg-squiggle').boundingBox(), page.locator('#source').boundingBox()]);
    expect(under!.x).toBeGreaterThan(over!.x);
    expect(under!.y).toBeGreaterThan(over!.y);
    await page.screenshot({ path: join(SHOTS, 'playground-typo.png') });
    const before = Number(await page.evaluate(() => (globalThis as Browserish).document.body.dataset.rendered));
    await problem.locator('button.pg-fix', { hasText: 'Change "peakRPS" to "peakRps"' }).click();
    count = await rendered(before);
    expect(await page.locator('#source').inputValue()).toBe(valid);
    expect(await problem.count()).toBe(0);
    expect(await page.locator('#squiggles .pg-squiggle').count()).toBe(0);
  });

  it('a service with 200 items: the summary and the diagram count, the cards fold (issue 29)', async () => {
    const items = Array.from({ length: 200 }, (_, i) => `  - { name: item-${String(i).padStart(3, '0')}, lifetime: ${['minutes', 'days', 'request', 'hours'][i % 4]}, sizeKb: 2, lossImpact: ${['costly', 'costly', 'none', 'annoying'][i % 4]} }`);
    const text = ['service: big-catalogue', 'traffic:', '  peakRps: 2000', 'state:', ...items, ''].join('\n');
    const expected = advise(text);
    await page.locator('#source').fill(text);
    count = await rendered(count);
    const d = await diagram();
    // Every edge label is short: a count, never 60 names.
    for (const l of d.labels) expect(l.length, l).toBeLessThan(60);
    const perStore = new Map<string, number>();
    for (const p of expected.placements) perStore.set(p.store, (perStore.get(p.store) ?? 0) + 1);
    for (const n of perStore.values()) expect(d.labels).toContain(`${n} items`);
    expect(await page.locator('#answer .sw-summary').textContent()).toContain(`${perStore.get('database')} items in the database`);
    expect(await page.locator('#answer details.sw-many').getAttribute('open')).toBeNull();
    // 50 token items share one token risk: one entry that counts them.
    expect(await page.locator('#answer .sw-risk', { hasText: 'risk.token-revocation' }).count()).toBe(1);
    await page.locator('.pg-answer-pane').evaluate((e: Browserish) => { e.scrollTop = 0; });
    await page.screenshot({ path: join(SHOTS, 'playground-200-items.png') });
    await page.locator('#answer .sw-risks').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'playground-200-items-risks.png') });
    await page.locator('#source').fill(EXAMPLE_TEXT);
    count = await rendered(count);
  });

  it('draws the failure grid of a service in three regions in all four colours, words in every cell (issue 24)', async () => {
    const text = [
      'service: travel-bookings', 'context: { realtime: bidirectional }', 'traffic:', '  peakRps: 3000', '  regionGroups: { eu: 2, us: 1 }',
      'failure: { sessionLoss: tolerable, availability: 99.9, deploysPerDay: 4 }', 'latency: { p99Ms: 200 }',
      'constraints: { ops: medium, stores: [redis, postgres] }', 'state:',
      '  - { name: search-draft, owner: session, lifetime: request, sizeKb: 4, writesPerMinute: 0 }',
      '  - { name: basket, owner: session, lifetime: hours, sizeKb: 3, writesPerMinute: 2, lossImpact: annoying, hotPath: true }',
      '  - { name: booking, owner: user, lifetime: forever, sizeKb: 2, writesPerMinute: 0.05, lossImpact: critical, consistency: strong }',
      '  - { name: passport-scan, owner: user, lifetime: forever, sizeKb: 300, writesPerMinute: 0.001, lossImpact: critical, sensitivity: personal, residency: eu }',
      '',
    ].join('\n');
    const expected = advise(text);
    await page.locator('#source').fill(text);
    count = await rendered(count);
    const grid = page.locator('#answer .sw-failures');
    await grid.scrollIntoViewIfNeeded();
    // Every loss the answer names is in the grid, in words and in its colour class.
    const kinds = [...new Set(expected.failures.map((r) => r.lost))].sort();
    expect(kinds).toEqual(['all', 'in-flight', 'nothing', 'seconds']);
    for (const r of expected.failures) {
      const cell = grid.locator(`tr[data-item="${r.state}"] td[data-failure="${r.failure}"]`);
      expect(await cell.getAttribute('data-lost')).toBe(r.lost);
      expect(((await cell.textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(r.lost === 'seconds' ? new RegExp(`^${r.lossSeconds} s lost`) : new RegExp(`^${r.lost}`));
    }
    await grid.screenshot({ path: join(SHOTS, 'playground-failures-regions.png') });
    if (UPDATE_README_IMAGES) copyFileSync(join(SHOTS, 'playground-failures-regions.png'), join(ROOT, 'docs/images/failure-grid.png'));
  });

  it('prints the notes on the input, each with its field and factor, right under the summary', async () => {
    const text = readFileSync(join(ROOT, 'examples/report-server.statewise.yaml'), 'utf8');
    const expected = advise(text);
    expect(expected.notes?.length).toBeGreaterThan(0);
    await page.locator('#source').fill(text);
    count = await rendered(count);
    const notes = page.locator('#answer .sw-notes li');
    expect(await notes.count()).toBe(expected.notes!.length);
    for (const [i, n] of expected.notes!.entries()) {
      const line = await notes.nth(i).textContent();
      expect(line).toContain(n.field);
      expect(line).toContain(`${n.factor}×`);
    }
    await page.locator('.pg-answer-pane').evaluate((e: Browserish) => { e.scrollTop = 0; });
    await page.screenshot({ path: join(SHOTS, 'playground-notes.png') });
    await page.locator('#source').fill(EXAMPLE_TEXT);
    count = await rendered(count);
  });

  it('links the API reference, which links back (issue 29)', async () => {
    await page.locator('a.pg-link', { hasText: 'API reference' }).click();
    await page.waitForURL(`${server.url}/docs`);
    await page.locator('#swagger-ui .info').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'docs-with-playground-link.png') });
    await page.locator('a', { hasText: 'Playground' }).click();
    await page.waitForURL(`${server.url}/`);
    await page.selectOption('#example', EXAMPLE);
    count = await rendered(0);
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
    await p.locator('.sw-failures').screenshot({ path: join(SHOTS, 'playground-dark-failures.png') });
    expect(darkOffSite).toEqual([]);
    await dark.close();
  });

  it('is the picture in the README (refreshed by npm run docs:images)', () => {
    expect(existsSync(join(ROOT, 'docs/images/playground.png'))).toBe(true);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('docs/images/playground.png');
  });

  it('made no request off the machine and logged no error (no CSP violation)', () => {
    expect(offSite).toEqual([]);
    // Not even the 400s of invalid edits or a favicon 404 (issue 29): nothing in the console at all.
    expect(consoleErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
  });
});

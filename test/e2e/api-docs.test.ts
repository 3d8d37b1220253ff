import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { builtinEngine, requirementsOf } from '../support/engine.ts';
import { ROOT, TODAY, testServer, type TestServer } from '../support/http.ts';

/**
 * The API reference at /docs in a real browser (headless Debian chromium) against a live statewise server on
 * loopback: Swagger UI loads from this server only, under its content security policy, and "Try it out" sends an
 * example from examples/ and shows the answer the engine gives. The screenshot (test-results/api-docs.png) goes
 * into the README as docs/images/api-docs.png: `UPDATE_SCREENSHOTS=1 npm run test:e2e -- test/e2e/api-docs.test.ts`.
 */
const ARTIFACTS = join(ROOT, 'test-results');
const README_IMAGE = join(ROOT, 'docs', 'images', 'api-docs.png');

let server: TestServer;
let browser: Browser;
let page: Page;
const offSite: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  server = await testServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const origin = new URL(server.url).origin;
  // Anything not from the statewise server is recorded and refused: the page must not need a CDN.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    offSite.push(url);
    return route.abort();
  });
  // Console errors include content-security-policy violations (a blocked inline script or eval would show here).
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close(1000);
});

describe('/docs in chromium', () => {
  it('renders every operation from /openapi.json, with Markdown descriptions rendered, from this server only', async () => {
    await page.goto(`${server.url}/docs`);
    await page.locator('.opblock-summary-path').first().waitFor({ timeout: 60_000 });
    const paths = await page.locator('.opblock-summary-path').allInnerTexts();
    expect(paths.map((p) => p.replace(/\u200b/g, '').trim())).toEqual(expect.arrayContaining([
      '/v1/recommendations', '/v1/recommendations/batch', '/v1/design-reviews', '/v1/rules', '/healthz', '/openapi.json',
    ]));
    await expect(page.locator('.info .title').innerText()).resolves.toContain('statewise');
    expect(offSite).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('Try it out: sends the team-chat example and shows the answer the engine gives', async () => {
    const op = page.locator('#operations-recommendations-recommend');
    await op.locator('.opblock-summary').click();
    // Markdown in the description is rendered: `statewise advise --json` is code, not backticks.
    await expect(op.locator('.opblock-description code').first().innerText()).resolves.toBe('statewise advise --json');
    const tryIt = op.locator('button.try-out__btn');
    if (await tryIt.count() && (await tryIt.innerText()).includes('Try it out')) await tryIt.click();
    const text = readFileSync(join(ROOT, 'examples/team-chat.statewise.yaml'), 'utf8');
    const expected = builtinEngine().advise(requirementsOf(parse(text)), { today: TODAY });
    const select = op.locator('.opblock-section-request-body .examples-select select').first();
    // The label carries the verdict the engine gives, computed here.
    await select.selectOption({ label: `examples/team-chat.statewise.yaml (${expected.verdict})` }).catch(async () => {
      throw new Error(`example labels: ${(await select.locator('option').allInnerTexts()).join(' | ')}`);
    });
    const body = op.locator('.opblock-section-request-body textarea');
    await expect(body.inputValue()).resolves.toContain('"service": "team-chat"');
    const logged = server.log.length;
    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table tr.response .response-col_status').first();
    await status.waitFor({ timeout: 60_000 });
    expect((await status.innerText()).trim()).toBe('200');
    const shown = await op.locator('.live-responses-table tr.response .response-col_description pre').first().innerText();
    expect(JSON.parse(shown)).toEqual(JSON.parse(JSON.stringify(expected)));
    // The request really reached the live server.
    expect(server.log.slice(logged).some((l) => l.includes('POST') && l.includes('/v1/recommendations'))).toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'api-docs.png');
    // The operation from its title to the first lines of the live answer (the whole block is ~5000 px tall).
    const top = (await op.boundingBox())!;
    const live = (await op.locator('.live-responses-table tr.response').first().boundingBox())!;
    const scrolled = Number(await page.evaluate('window.scrollY')); // boxes are in viewport coordinates, clip in page ones
    await page.screenshot({ path: shot, fullPage: true, clip: { x: top.x, y: top.y + scrolled, width: top.width, height: live.y + 420 - top.y } });
    // The README's copy changes only on request (the port in the curl line differs every run).
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(shot, README_IMAGE);
    expect(offSite).toEqual([]);
    expect(problems).toEqual([]);
  });
});

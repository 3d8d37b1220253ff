import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as harness from '../support/code-server.ts';
import { placeOf, SCAN_FIXTURES } from '../support/scan.ts';

/**
 * "Statewise: Scan Workspace" in a real VS Code (code-server + Debian chromium): the .vsix as a user installs it, so
 * the tree-sitter wasm comes from the package's dist/grammars. The workspace holds two contradictions of a plan:
 * an express-session without a store (the session-memory-store fixture) and a Deployment with one replica.
 */
const { ARTIFACTS } = harness;
const FIXTURE = join(SCAN_FIXTURES, 'session-memory-store/bad');
const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: shop\n';
/** The fixture's plan with its availability written out, so "Open the requirement" has a line to go to. */
const SHOP = `${readFileSync(join(FIXTURE, 'shop.statewise.yaml'), 'utf8')}failure:\n  availability: 99.9\n`;
let vs: harness.CodeServer | undefined;
let page: Page;

beforeAll(async () => {
  vs = await harness.startCodeServer({
    files: {
      'shop.statewise.yaml': SHOP,
      'src/app.js': readFileSync(join(FIXTURE, 'src/app.js'), 'utf8'),
      'src/stores.ts': readFileSync(join(FIXTURE, 'src/stores.ts'), 'utf8'),
      'k8s/shop.yaml': DEPLOY,
    },
  });
  page = vs.page;
}, 300_000);

afterAll(async () => { await vs?.close(); });

const rows = () => page.locator('.markers-panel .monaco-list-row');

/** Expands a folder in the Explorer (harness.openFile waits for a tab, which a folder never opens). */
async function expandFolder(name: string): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
}

/** Opens the quick fix menu (Ctrl+.) at the cursor; retried, as the editor takes the focus a moment after it opens. */
async function openQuickFixes(expected: string) {
  const menu = page.locator('.action-widget').filter({ hasText: expected }).first();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+.');
    if (await menu.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return menu;
    await page.keyboard.press('Escape');
  }
  await page.screenshot({ path: join(ARTIFACTS, 'vscode-scan-quick-fix-failed.png') });
  throw new Error(`the quick fix menu with "${expected}" never opened`);
}

/** Picks a quick fix in the open Ctrl+. menu by keyboard (a pointer block covers it for mouse clicks). */
async function chooseQuickFix(label: string): Promise<void> {
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await focused.waitFor({ timeout: 15_000 });
  for (let i = 0; i < 6; i++) {
    if (((await focused.getAttribute('aria-label')) ?? '').includes(label)) { await page.keyboard.press('Enter'); return; }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no quick fix "${label}" in the menu`);
}

describe('Statewise: Scan Workspace', () => {
  it('puts each contradiction in Problems at its code or manifest line', async () => {
    await harness.runCommand(vs!, 'Statewise: Scan Workspace');
    await page.locator('.notification-toast', { hasText: '2 place(s) where the code or manifests contradict the plan' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const session = rows().filter({ hasText: 'express-session keeps sessions in memory' }).first();
    await session.waitFor({ timeout: 30_000 });
    const [, line, column] = placeOf('session-memory-store/bad', 'src/app.js', 'session({ secret').split(':');
    expect((await session.innerText()).replace(/\s+/g, ' ')).toContain(`[Ln ${line}, Col ${column}]`);
    const replicas = rows().filter({ hasText: 'shop runs at least 1 replica(s)' }).first();
    await replicas.waitFor({ timeout: 10_000 });
    expect((await replicas.innerText()).replace(/\s+/g, ' ')).toContain('[Ln 6, Col 3]');
    // Both files are listed with their findings (file rows and finding rows).
    await expect.poll(async () => (await page.locator('.markers-panel').innerText()).includes('app.js') && (await page.locator('.markers-panel').innerText()).includes('shop.yaml')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-scan-problems.png') });
  });

  it('quick fix: suppress with a reason and an expiry writes an accept entry and clears the problem', async () => {
    await expandFolder('src');
    await harness.openFile(vs!, 'app.js');
    const [, line, column] = placeOf('session-memory-store/bad', 'src/app.js', 'session({ secret').split(':');
    await harness.goTo(vs!, Number(line), Number(column));
    const menu = await openQuickFixes('Suppress with a reason and expiry');
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-scan-quick-fixes.png') });
    expect(await menu.innerText()).toContain('Open the requirement (shop: login-session)');
    await chooseQuickFix('Suppress with a reason and expiry');
    await page.locator('.quick-input-widget', { hasText: 'Why is this acceptable for now?' }).waitFor({ timeout: 10_000 });
    await page.keyboard.type('single instance until the Redis migration');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'YYYY-MM-DD' }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2027-03-01');
    await page.keyboard.press('Enter');
    const file = join(vs!.workspace, 'shop.statewise.yaml');
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 15_000 }).toContain('accept:\n  - risk: "conformance.session-memory-store:src/app.js:express-session"\n    reason: "single instance until the Redis migration"\n    until: 2027-03-01\n');
    await expect.poll(() => rows().filter({ hasText: 'express-session keeps sessions in memory' }).count(), { timeout: 10_000 }).toBe(0);
    // Scanning again honours the acceptance: only the replicas finding is left.
    await harness.runCommand(vs!, 'Statewise: Scan Workspace');
    await page.locator('.notification-toast', { hasText: '1 place(s) where the code or manifests contradict the plan' }).waitFor({ timeout: 60_000 });
  });

  it('quick fix: open the requirement the finding contradicts', async () => {
    await page.keyboard.press('Control+Shift+M');
    await rows().filter({ hasText: 'shop runs at least 1 replica(s)' }).first().waitFor({ timeout: 15_000 });
    await expandFolder('k8s');
    await harness.openFile(vs!, 'shop.yaml');
    await harness.goTo(vs!, 6, 3);
    const menu = await openQuickFixes('Open the requirement');
    expect(await menu.innerText()).toContain('Open the requirement (shop: failure.availability: 99.9)');
    await chooseQuickFix('Open the requirement');
    await page.locator('.tab.active', { hasText: 'shop.statewise.yaml' }).waitFor({ timeout: 15_000 });
    const line = SHOP.split('\n').findIndex((l) => l.includes('availability: 99.9')) + 1;
    await expect.poll(() => page.locator('.statusbar').innerText(), { timeout: 10_000 }).toMatch(new RegExp(`Ln ${line}, Col \\d+`));
    await page.screenshot({ path: join(ARTIFACTS, 'vscode-scan-open-requirement.png') });
  });
});

// The panel suite's harness (test/e2e/panel.test.ts). test/support/code-server.ts is the editor suite's: the two grew in parallel and
// do the same job; merging them into one is left for the next change to either suite.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, loopbackOnly } from './chromium.ts';
import { ROOT } from './review.ts';
import { freePort } from './code-server.ts';

/**
 * A real VS Code for e2e tests: code-server 4.100.3 (installed into e2e/vscode/ by e2e/setup.sh) with the packaged
 * .vsix installed as a user would, a temp workspace, and Debian chromium driving the workbench. The recipe is the
 * one test/e2e/vscode.test.ts proved (see the team's vscode-e2e notes).
 */
export const CODE_SERVER = join(ROOT, 'e2e/vscode/node_modules/.bin/code-server');

export interface CodeServer {
  page: Page;
  browser: Browser;
  workspace: string;
  /** The user settings file: code-server applies what is written there while it runs. */
  userSettings: string;
  log(): string;
  close(): Promise<void>;
}

/** Builds and packages the extension (`npm run package:extension`, which builds the web assets first); returns the .vsix. */
export function packageExtension(): string {
  execFileSync('npm', ['run', '-s', 'package:extension'], { cwd: ROOT, stdio: 'pipe' });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'extension/package.json'), 'utf8')) as { version: string };
  const vsix = join(ROOT, `extension/statewise-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`packaging did not produce ${vsix}`);
  return vsix;
}

/** Starts code-server on a fresh profile with `files` (relative path → text) in the workspace, and opens it in chromium. */
export async function startCodeServer(vsix: string, files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run `bash e2e/setup.sh`');
  const scratch = mkdtempSync(join(tmpdir(), 'statewise-code-server-'));
  const dir = (d: string) => { const p = join(scratch, d); mkdirSync(p, { recursive: true }); return p; };
  const [ext, userData, xdgConfig, xdgData, tmp, home, workspace] = ['ext', 'user-data', 'xdg-config', 'xdg-data', 'tmp', 'home', 'workspace'].map(dir) as [string, string, string, string, string, string, string];
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  const userSettings = join(dir('user-data/User'), 'settings.json');
  writeFileSync(userSettings, JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    ...settings,
  }, null, 2));
  const env = { ...process.env, XDG_CONFIG_HOME: xdgConfig, XDG_DATA_HOME: xdgData, TMPDIR: tmp, HOME: home };
  execFileSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', ext], { env, stdio: 'pipe' });

  let log = '';
  const port = await freePort();
  const server: ChildProcess = spawn(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', ext, '--user-data-dir', userData, workspace,
  ], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  server.stdout!.on('data', (b: Buffer) => { log += b.toString(); });
  server.stderr!.on('data', (b: Buffer) => { log += b.toString(); });
  const until = Date.now() + 60_000;
  for (;;) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not yet listening */ }
    if (Date.now() > until) throw new Error(`code-server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  const browser = await launchChromium({ ...process.env, HOME: home });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await loopbackOnly(page);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
  return {
    page, browser, workspace, userSettings,
    log: () => log,
    async close() {
      await browser.close();
      // code-server runs in its own process group: end that group (ours), not anything by name.
      if (server.pid) { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Runs a palette command by title; retries while the extension host has not registered it yet. */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 1; attempt <= 8; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
    await page.keyboard.type(`>${title}`);
    await page.waitForTimeout(1_500);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    if (await row.count()) { await row.click(); return; }
    await page.keyboard.press('Escape');
  }
  throw new Error(`command "${title}" never appeared in the palette`);
}

/** Opens a file at the workspace root from the Explorer and waits for its active tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+Shift+E');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 15_000 });
}

/** The first frame (webviews live in nested iframes) holding `selector`, waiting up to `ms`. */
export async function frameWith(page: Page, selector: string, ms = 30_000): Promise<Frame> {
  const until = Date.now() + ms;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    if (Date.now() > until) throw new Error(`no frame holds ${selector} after ${ms} ms`);
    await page.waitForTimeout(250);
  }
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, loopbackOnly } from './chromium.ts';

/**
 * A real VS Code for e2e tests, the one harness of every VS Code suite: code-server 4.100.3 (VS Code 1.100.3 with a
 * real Node extension host; installed into e2e/vscode/ by e2e/setup.sh) driven by Debian chromium through
 * playwright-core, with the extension packaged as a .vsix and installed as a user would, on a fresh profile and a
 * temp workspace. Recipe: /work/shared/notes/vscode-e2e.md.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-results');
const CODE_SERVER = join(ROOT, 'e2e/vscode/node_modules/.bin/code-server');

export interface CodeServerOptions {
  /** Workspace files (relative path → text), written before VS Code starts. */
  files: Record<string, string>;
  /** Extra user settings. */
  userSettings?: Record<string, unknown>;
}

export interface CodeServer {
  page: Page;
  workspace: string;
  /** code-server's output so far, for failure messages. */
  log(): string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

/** Builds and packages the extension (`npm run package:extension`, which builds the web assets first); returns the .vsix. */
function packageExtension(): string {
  execFileSync('npm', ['run', '-s', 'package:extension'], { cwd: ROOT, stdio: 'pipe' });
  const { version } = JSON.parse(readFileSync(join(ROOT, 'extension/package.json'), 'utf8')) as { version: string };
  const vsix = join(ROOT, `extension/statewise-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`packaging did not produce ${vsix}`);
  return vsix;
}

/** Packages and installs the extension, starts code-server on a temp workspace and opens it in chromium. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  if (!existsSync(CODE_SERVER)) throw new Error('code-server is not installed: run `bash e2e/setup.sh`');
  mkdirSync(ARTIFACTS, { recursive: true });
  const vsix = packageExtension();

  const scratch = mkdtempSync(join(tmpdir(), 'statewise-vscode-e2e-'));
  const dir = (d: string) => { const p = join(scratch, d); mkdirSync(p, { recursive: true }); return p; };
  const [ext, userData, xdgConfig, xdgData, tmp, home, workspace] = ['ext', 'user-data', 'xdg-config', 'xdg-data', 'tmp', 'home', 'workspace'].map(dir) as [string, string, string, string, string, string, string];
  for (const [rel, text] of Object.entries(options.files)) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true });
    writeFileSync(join(workspace, rel), text);
  }
  writeFileSync(join(dir('user-data/User'), 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    ...options.userSettings,
  }, null, 2));

  const env = { ...process.env, XDG_CONFIG_HOME: xdgConfig, XDG_DATA_HOME: xdgData, TMPDIR: tmp, HOME: home };
  execFileSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', ext], { env, stdio: 'pipe' });

  const port = await freePort();
  let serverLog = '';
  const server: ChildProcess = spawn(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', ext,
    '--user-data-dir', userData, workspace,
  ], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  server.stdout!.on('data', (b: Buffer) => { serverLog += b.toString(); });
  server.stderr!.on('data', (b: Buffer) => { serverLog += b.toString(); });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    // code-server was started in its own process group: end that group (ours), not anything by name.
    if (server.pid) { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } }
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, 60_000, () => serverLog);
    browser = await launchChromium({ ...process.env, HOME: home });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Loopback only: anything else the workbench tries to load is refused (the extension must work offline).
    await loopbackOnly(page);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
    return { page, workspace, log: () => serverLog, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function waitForHealth(url: string, ms: number, log: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet listening */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${ms} ms:\n${log()}`);
}

/** Runs a palette command by title; retries while the extension host has not registered it yet. */
export async function runCommand(vs: CodeServer, title: string): Promise<void> {
  const { page } = vs;
  for (let attempt = 1; attempt <= 8; attempt++) {
    await page.keyboard.press('F1');
    // F1 can land while the workbench moves focus (an editor opening after a review is written): the palette then
    // never opens (the clean-clone CI waited 30 s on it once). Give the workbench focus back and try again.
    if (!await page.waitForSelector(PALETTE_INPUT, { state: 'visible', timeout: 5_000 }).then(() => true, () => false)) {
      await page.keyboard.press('Escape');
      await focusWorkbench(vs);
      continue;
    }
    await page.keyboard.type(`>${title}`);
    await page.waitForTimeout(1_500);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    // The palette can lose focus to an editor that opens meanwhile (a review being written): then try again.
    if (await row.count() && await row.click({ timeout: 5_000 }).then(() => true, () => false)) return;
    await page.keyboard.press('Escape');
  }
  throw new Error(`command "${title}" never appeared in the palette:\n${vs.log()}`);
}

const PALETTE_INPUT = '.quick-input-widget .quick-input-box input';

/** Focuses the active editor's tab, else the (empty) editor area: somewhere F1 reaches the workbench. */
async function focusWorkbench(vs: CodeServer): Promise<void> {
  const tab = vs.page.locator('.tab.active').first();
  const target = await tab.count() ? tab : vs.page.locator('.monaco-workbench .part.editor').first();
  await target.click({ timeout: 5_000 }).catch(() => undefined);
}

/** Opens a file from the Explorer (no file search involved) and waits for its active tab. */
export async function openFile(vs: CodeServer, name: string): Promise<void> {
  const { page } = vs;
  await page.keyboard.press('Control+Shift+E');
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('.tab.active', { hasText: name }).first().waitFor({ timeout: 15_000 })
    .catch(async (e: unknown) => { await page.screenshot({ path: join(ARTIFACTS, `vscode-open-${name}-failed.png`) }); throw e; });
}

/** Focuses the active editor and moves the cursor to `line` (1-based) and optionally `column` (Go to Line, Ctrl+G). */
export async function goTo(vs: CodeServer, line: number, column?: number): Promise<void> {
  const { page } = vs;
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(column === undefined ? String(line) : `${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** The active editor's text as shown (non-breaking spaces normalised). */
export async function editorText(vs: CodeServer): Promise<string> {
  return (await vs.page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

export async function waitForFile(path: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      if (text.length > 0) return text;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${path} was not written within ${ms} ms`);
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

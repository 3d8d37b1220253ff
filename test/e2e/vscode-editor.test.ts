import { existsSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, createEngine, loadCatalog, parseRequirements, renderReview } from '../../rules/index.ts';
import { ContextSchema, StateItemSchema, TrafficSchema } from '../../rules/contract/requirements.ts';
import { ARTIFACTS, ROOT, editorText, goTo, openFile, runCommand, startCodeServer, waitForFile, type CodeServer } from '../support/code-server.ts';

/**
 * The extension's editor affordances in a real VS Code (code-server + Debian chromium, test/support/code-server.ts):
 * CodeLens, status bar, editor-title button, quick fixes, YAML hover and completion, one diagnostic per problem in
 * JSON, and a deprecated setting name still honoured. Screenshots: test-results/vscode-editor-*.png.
 */
const SHOP = readFileSync(join(ROOT, 'test/fixtures/extension/shop-with-live-support.statewise.yaml'), 'utf8');
const TYPO = 'service: typo-shop\ncontext:\n  memory: sesion\ntraffic:\n  peakRps: 100\nstate:\n  - name: cart\n    sizeK: 3\n';
const EDIT = 'service: edit-me\ntraffic:\n  peakRps: 100\nstate:\n  - name: cart\n    lifetime: hours\n';
const JSON_FILE = '{\n  "service": "json-shop",\n  "traffic": { "peakRps": 100, "spikey": true }\n}\n';
const CART_BEFORE = 'service: cart-api\ncontext:\n  memory: session\ntraffic:\n  peakRps: 500\nstate:\n  - name: cart\n    lifetime: hours\n';
const CART_AFTER = CART_BEFORE.replace('  memory: session\n', '  memory: session\n  realtime: bidirectional\n');
/** The deprecated name of statewise.reviews.folder, set in the workspace before VS Code starts. */
const OLD_REVIEWS = 'old-name-reviews';

let vs: CodeServer;
const shot = (name: string) => vs.page.screenshot({ path: join(ARTIFACTS, `vscode-editor-${name}.png`) });

function advise(text: string, today?: string) {
  const parsed = parseRequirements(text);
  const catalog = loadCatalog(BUILTIN_CATALOG);
  if (!parsed.ok || !catalog.ok) throw new Error('requirements or catalogue invalid');
  return { requirements: parsed.value, recommendation: createEngine(catalog.value).advise(parsed.value, today ? { today } : {}) };
}

beforeAll(async () => {
  const before = advise(CART_BEFORE);
  vs = await startCodeServer({
    files: {
      'shop.statewise.yaml': SHOP,
      'typo.statewise.yaml': TYPO,
      'edit.statewise.yaml': EDIT,
      'broken.statewise.json': JSON_FILE,
      'cart.statewise.yaml': CART_AFTER,
      [`${OLD_REVIEWS}/cart-api.md`]: renderReview({ ...before, date: '2026-01-05', source: 'cart.statewise.yaml' }),
      '.vscode/settings.json': JSON.stringify({ 'statewise.reviewsFolder': OLD_REVIEWS }, null, 2),
    },
  });
  console.log(`vscode editor e2e: screenshots in ${ARTIFACTS} (vscode-editor-*.png)`);
});

afterAll(async () => { await vs?.close(); });

/** The Problems panel's rows that mention `text`. */
const problemRows = (text: string) => vs.page.locator('.markers-panel .monaco-list-row', { hasText: text });

/** Opens the quick-fix menu at the cursor (Ctrl+.) and picks the entry titled `title`. */
async function quickFix(title: string, screenshot: string): Promise<void> {
  const { page } = vs;
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.keyboard.press('Control+.');
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
      await shot(screenshot);
      // The list sits under a pointer block: choose with the keyboard, as a user of Ctrl+. would.
      const focused = page.locator('.action-widget .monaco-list-row.focused').first();
      for (let i = 0; i < 10 && !((await focused.innerText().catch(() => '')).includes(title)); i++) await page.keyboard.press('ArrowDown');
      expect(await focused.innerText()).toContain(title);
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Escape');
  }
  await shot(`${screenshot}-failed`);
  throw new Error(`quick fix "${title}" was not offered`);
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text. */
async function hoverText(): Promise<string> {
  const { page } = vs;
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    if (await hover.waitFor({ timeout: 5_000 }).then(() => true, () => false)) {
      await page.waitForTimeout(500); // let the fade-in finish, for the screenshot
      return (await hover.innerText()).replace(/\s+/g, ' ');
    }
  }
  return '';
}

/** Opens the suggest widget (unless typing already did) and waits for a row with `label`. */
async function suggestion(label: string) {
  const { page } = vs;
  const row = page.locator('.suggest-widget .monaco-list-row', { hasText: label }).first();
  if (await row.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return row;
  await page.keyboard.press('Control+Space');
  await row.waitFor({ timeout: 10_000 });
  return row;
}

describe('statewise editor affordances in VS Code (code-server)', () => {
  it('CodeLens shows the verdict at the top and where each state item lives; the status bar shows the verdict', async () => {
    const { recommendation } = advise(SHOP);
    expect(recommendation.verdict).toBe('hybrid');
    await openFile(vs, 'shop.statewise.yaml');
    const lenses = vs.page.locator('.codelens-decoration');
    const top = `${recommendation.verdict.toUpperCase()} · ${Math.round(recommendation.confidence * 100)}%`;
    await lenses.filter({ hasText: top }).first().waitFor({ timeout: 60_000 });
    const topText = (await lenses.filter({ hasText: top }).first().innerText()).replace(/\s+/g, ' ');
    expect(topText).toBe(`${top} | Recommend | Review`);
    // The issue's own example: the cart goes to the database the team runs.
    const cart = recommendation.placements.find((p) => p.state === 'cart')!;
    expect([cart.store, cart.technology]).toEqual(['database', 'postgres']);
    await expect.poll(async () => (await lenses.allInnerTexts()).map((t) => t.trim())).toContain('→ database (postgres)');
    const chat = recommendation.placements.find((p) => p.state === 'support-chat')!;
    expect(chat.ttl).toBeDefined();
    expect((await lenses.allInnerTexts()).map((t) => t.trim())).toContain(`→ ${chat.store} (${chat.technology}) · ttl ${chat.ttl}`);
    // Implied items (connections) are not in the file: no lens for them, one per written item.
    expect((await lenses.allInnerTexts()).filter((t) => t.trim().startsWith('→'))).toHaveLength(2);

    const status = vs.page.locator('.statusbar-item', { hasText: 'statewise:' }).first();
    await expect.poll(async () => (await status.innerText()).trim(), { timeout: 20_000 })
      .toBe(`statewise: hybrid · ${Math.round(recommendation.confidence * 100)}%`);
    await shot('codelens-status');
    // `npm run docs:images` sets it: the README's CodeLens picture is refreshed from this run.
    if (process.env.UPDATE_README_IMAGES === '1') copyFileSync(join(ARTIFACTS, 'vscode-editor-codelens-status.png'), join(ROOT, 'docs/images/vscode-codelens.png'));
  });

  it('the editor-title button opens the recommendation for the file', async () => {
    await openFile(vs, 'shop.statewise.yaml');
    const button = vs.page.locator('.editor-actions .action-label[aria-label*="Recommend Architecture"]').first();
    await button.waitFor({ timeout: 15_000 });
    await shot('title-button');
    await button.click();
    await vs.page.locator('.tab', { hasText: 'shop-frontend' }).filter({ hasText: 'statewise' }).first().waitFor({ timeout: 30_000 });
    await shot('title-button-panel');
    await runCommand(vs, 'View: Close All Editors');
  });

  it('quick fixes apply the core\'s "did you mean" to an unknown field and an enum value', async () => {
    await openFile(vs, 'typo.statewise.yaml');
    await vs.page.keyboard.press('Control+Shift+M');
    await problemRows('unknown field "sizeK"; did you mean "sizeKb"?').first().waitFor({ timeout: 30_000 });
    await problemRows('did you mean "session"?').first().waitFor({ timeout: 10_000 });
    const status = vs.page.locator('.statusbar-item', { hasText: 'statewise:' }).first();
    await expect.poll(async () => (await status.innerText()).trim(), { timeout: 20_000 }).toBe('statewise: 2 problems');

    await goTo(vs, 8, 6); // on `sizeK`
    await quickFix('Change "sizeK" to "sizeKb"', 'quickfix-before');
    await expect.poll(() => editorText(vs), { timeout: 10_000 }).toContain('sizeKb: 3');
    await expect.poll(() => problemRows('sizeK').count(), { timeout: 15_000 }).toBe(0);
    await shot('quickfix-after');

    await goTo(vs, 3, 12); // on `sesion`
    await quickFix('Change "sesion" to "session"', 'quickfix-enum-before');
    await expect.poll(() => editorText(vs), { timeout: 10_000 }).toContain('memory: session');
    const { recommendation } = advise(TYPO.replace('sizeK:', 'sizeKb:').replace('sesion', 'session'));
    await expect.poll(async () => (await status.innerText()).trim(), { timeout: 30_000 })
      .toBe(`statewise: ${recommendation.verdict} · ${Math.round(recommendation.confidence * 100)}%`);
    // The CodeLens follows the edit too: the verdict replaces the problem count.
    const top = `${recommendation.verdict.toUpperCase()} · ${Math.round(recommendation.confidence * 100)}% | Recommend | Review`;
    await expect.poll(async () => (await vs.page.locator('.codelens-decoration').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()), { timeout: 20_000 })
      .toContain(top);
    await shot('quickfix-enum-after');
  });

  it('YAML hover and completion come from the schema, without Red Hat YAML', async () => {
    await openFile(vs, 'edit.statewise.yaml');
    await goTo(vs, 3, 5); // inside `peakRps`
    const hover = await hoverText();
    expect(hover).toContain('peakRps — number ≥ 0 ≤ 100000000 (required)');
    expect(hover).toContain(TrafficSchema.shape.peakRps.description!);
    await shot('hover');
    await vs.page.keyboard.press('Escape');

    // A new field in the state item: type the start of its name.
    await goTo(vs, 6);
    await vs.page.keyboard.press('End');
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.type('siz');
    const size = await suggestion('sizeKb');
    await shot('completion-field');
    await size.click();
    await expect.poll(() => editorText(vs), { timeout: 10_000 }).toContain('sizeKb:');
    await vs.page.keyboard.type('4');
    // Offered fields are the schema's (no word-based guess could produce these), minus those present.
    expect(StateItemSchema.shape.sizeKb.description).toBeDefined();

    // An enum value: the allowed values of consistency.
    await vs.page.keyboard.press('Enter');
    await vs.page.keyboard.type('consistency: ');
    const strong = await suggestion('strong');
    for (const v of ['eventual', 'read-your-writes']) expect(await vs.page.locator('.suggest-widget .monaco-list-row', { hasText: v }).count()).toBe(1);
    await shot('completion-value');
    await strong.click();
    await expect.poll(() => editorText(vs), { timeout: 10_000 }).toContain('consistency: strong');
    // The edited text is valid and the verdict follows it.
    await expect.poll(async () => (await vs.page.locator('.statusbar-item', { hasText: 'statewise:' }).first().innerText()).trim(), { timeout: 30_000 })
      .toMatch(/^statewise: (stateless|stateful|hybrid) · \d+%$/);
    expect(ContextSchema.shape.memory.description).toBeDefined();
  });

  it('a problem in a .statewise.json file is reported once (by statewise), and JSON hover still works', async () => {
    await openFile(vs, 'broken.statewise.json');
    await vs.page.keyboard.press('Control+Shift+M');
    await problemRows('unknown field "spikey"; did you mean "spiky"?').first().waitFor({ timeout: 30_000 });
    // Give VS Code's JSON service time to report too, had it anything to report.
    await vs.page.waitForTimeout(4_000);
    expect(await problemRows('spikey').count()).toBe(1);
    expect(await problemRows('not allowed').count()).toBe(0);
    await shot('json-single-diagnostic');
    await goTo(vs, 3, 20); // inside "peakRps"
    const hover = await hoverText();
    expect(hover).toContain(TrafficSchema.shape.peakRps.description!);
    await vs.page.keyboard.press('Escape');
  });

  it('the deprecated statewise.reviewsFolder is honoured: the Review CodeLens writes there, drift is fixed by a quick fix', async () => {
    await openFile(vs, 'shop.statewise.yaml');
    const review = vs.page.locator('.codelens-decoration a', { hasText: /^Review$/ }).first();
    await review.waitFor({ timeout: 30_000 });
    await review.click();
    const written = await waitForFile(join(vs.workspace, OLD_REVIEWS, 'shop-frontend.md'), 60_000);
    expect(written).toMatch(/\n {2}verdict: hybrid\n/);
    expect(existsSync(join(vs.workspace, 'docs/design-reviews'))).toBe(false);
    await runCommand(vs, 'View: Close All Editors');

    // The cart review predates the websocket chat: the drift check flags it, the quick fix regenerates it.
    const stale = advise(CART_BEFORE).recommendation.verdict;
    const fresh = advise(CART_AFTER, '2026-01-05');
    expect(fresh.recommendation.verdict).not.toBe(stale);
    await runCommand(vs, 'Statewise: Check Design Reviews for Drift');
    await vs.page.keyboard.press('Control+Shift+M');
    const row = problemRows('design review is out of date').first();
    await row.waitFor({ timeout: 30_000 });
    await row.click(); // opens cart-api.md at the flagged line
    await vs.page.locator('.tab.active', { hasText: 'cart-api.md' }).waitFor({ timeout: 15_000 });
    await goTo(vs, 4, 3); // into the editor, on the flagged `statewise:` key
    await quickFix('Regenerate design review', 'drift-fix-before');
    const target = join(vs.workspace, OLD_REVIEWS, 'cart-api.md');
    const expected = renderReview({ ...fresh, date: '2026-01-05', source: 'cart.statewise.yaml' });
    await expect.poll(() => readFileSync(target, 'utf8'), { timeout: 30_000 }).toBe(expected);
    await expect.poll(() => problemRows('design review is out of date').count(), { timeout: 15_000 }).toBe(0);
    await shot('drift-fix-after');
  });
});

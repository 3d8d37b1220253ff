/**
 * A hand-made mutation check: applies each mutant of a list (a unique code snippet and its replacement), runs the
 * fast test suite against it and reports which tests kill it. Mutants are keyed by snippets, not line numbers, so the
 * list survives code moving around; a snippet that no longer occurs exactly once is reported as stale instead of
 * being run. A kill counts only when the failing tests fail again with the mutant and pass without it (a timing
 * test on a loaded machine must not pass for a kill). The files are edited in place and restored after each mutant
 * (also on Ctrl-C) — run it in a scratch clone all the same (test/README.md, "Mutation check").
 *
 *   npx tsx scripts/mutants.ts [LIST.json] [--only id,id] [--full] [--check] [--out results.json]
 *
 * --check  only verify every snippet occurs exactly once (no tests run)
 * --full   run the whole suite for every mutant (lists every killing test; slower) instead of the named tests first
 * Exit 0 when at least `minKilled` non-variant mutants are killed (all of them when unset), 1 otherwise, 2 on a
 * stale list or a failing unmutated suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';

export const MutantSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  changes: z.string().min(3),
  file: z.string().min(1),
  find: z.string().min(1),
  replace: z.string(),
  /** Test files expected to kill it: tried first, as a shortcut. */
  tests: z.array(z.string()).default([]),
  /** The same mistake at another place the figure is computed: reported, not counted toward minKilled. */
  variant: z.boolean().default(false),
});
export const MutantListSchema = z.strictObject({
  about: z.string().optional(),
  exclude: z.array(z.string()).default([]),
  minKilled: z.number().int().min(0).optional(),
  mutants: z.array(MutantSchema).min(1),
});
export type Mutant = z.output<typeof MutantSchema>;
export type MutantList = z.output<typeof MutantListSchema>;

/** The file's text with the mutant applied, or why it cannot be (the snippet is missing or not unique). */
export function applyMutant(text: string, m: Pick<Mutant, 'find' | 'replace'>): { ok: true; text: string } | { ok: false; why: string } {
  const at = text.indexOf(m.find);
  if (at < 0) return { ok: false, why: 'snippet not found' };
  if (text.indexOf(m.find, at + 1) >= 0) return { ok: false, why: 'snippet occurs more than once' };
  return { ok: true, text: text.slice(0, at) + m.replace + text.slice(at + m.find.length) };
}

/** Every mutant whose snippet is stale in the sources under `root`, with the reason. */
export function staleMutants(root: string, list: MutantList): { id: string; file: string; why: string }[] {
  const out: { id: string; file: string; why: string }[] = [];
  for (const m of list.mutants) {
    let text: string;
    try { text = readFileSync(join(root, m.file), 'utf8'); } catch { out.push({ id: m.id, file: m.file, why: 'file not found' }); continue; }
    const r = applyMutant(text, m);
    if (!r.ok) out.push({ id: m.id, file: m.file, why: r.why });
  }
  return out;
}

export interface Outcome { id: string; killed: boolean; by: string[]; ranFull: boolean }

interface Run { ok: boolean; failed: string[]; error?: string }

/**
 * This script's own test checks that every snippet of the list occurs in the sources — which a mutated source never
 * does, so it would "kill" every mutant. It is about the list, not the code: never run it against a mutant.
 */
const SELF_TEST = 'test/scripts/mutants.test.ts';

/** One vitest run (JSON reporter): whether it passed and the failed tests as `file › test name`. */
function vitest(root: string, exclude: readonly string[], files: readonly string[]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'mutants-'));
  const out = join(dir, 'report.json');
  try {
    const args = ['vitest', 'run', '--reporter=json', `--outputFile=${out}`, ...[...exclude, SELF_TEST].flatMap((g) => ['--exclude', g]), ...files];
    const r = spawnSync('npx', args, { cwd: root, encoding: 'utf8', timeout: 15 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    let report: { success: boolean; testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string }[] }[] };
    try { report = JSON.parse(readFileSync(out, 'utf8')); } catch {
      // No report: the run crashed or timed out — that kills a mutant too, but say so.
      return { ok: false, failed: [], error: r.error ? String(r.error) : `vitest exited ${r.status} without a report: ${(r.stderr ?? '').slice(-500)}` };
    }
    const failed: string[] = [];
    for (const f of report.testResults) {
      const file = relative(root, f.name);
      const bad = f.assertionResults.filter((a) => a.status === 'failed');
      if (bad.length === 0 && f.message) failed.push(`${file} › (file failed: ${f.message.split('\n')[0]})`);
      for (const a of bad) failed.push(`${file} › ${a.fullName}`);
    }
    return { ok: report.success && failed.length === 0, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runMutant(root: string, list: MutantList, m: Mutant, full: boolean, baseline: ReadonlySet<string>): Outcome {
  const path = join(root, m.file);
  const original = readFileSync(path, 'utf8');
  const applied = applyMutant(original, m);
  if (!applied.ok) throw new Error(`${m.id}: ${applied.why} in ${m.file}`);
  const restore = () => writeFileSync(path, original);
  const onSignal = () => { restore(); process.exit(130); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  writeFileSync(path, applied.text);
  try {
    const tries: (readonly string[])[] = !full && m.tests.length ? [m.tests, []] : [[]];
    for (const files of tries) {
      const run = vitest(root, list.exclude, files);
      if (run.error) return { id: m.id, killed: true, by: [`(run failed: ${run.error})`], ranFull: files.length === 0 };
      // A test that already failed unmutated (a timing test on a busy machine) proves nothing about the mutant.
      let by = run.failed.filter((t) => !baseline.has(t));
      if (by.length) by = confirmed(root, list, by, () => writeFileSync(path, applied.text), restore);
      if (by.length) return { id: m.id, killed: true, by, ranFull: files.length === 0 };
    }
    return { id: m.id, killed: false, by: [], ranFull: true };
  } finally {
    restore();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * The failures that are the mutant's doing: they fail again when their files run once more with the mutant, and
 * pass without it. A timing test that happened to fail on a loaded machine does neither reliably.
 */
function confirmed(root: string, list: MutantList, by: readonly string[], mutate: () => void, restore: () => void): string[] {
  const files = [...new Set(by.map((t) => t.split(' › ')[0]!))];
  const again = new Set(vitest(root, list.exclude, files).failed);
  restore();
  const unmutated = new Set(vitest(root, list.exclude, files).failed);
  mutate();
  return by.filter((t) => again.has(t) && !unmutated.has(t));
}

/** The result table as Markdown: mutant, what it changes, and the test files (with a first test name) that kill it. */
export function table(list: MutantList, outcomes: readonly Outcome[]): string {
  const rows = ['| mutant | what it changes | result | killed by |', '|---|---|---|---|'];
  for (const o of outcomes) {
    const m = list.mutants.find((x) => x.id === o.id)!;
    const files = [...new Set(o.by.map((t) => t.split(' › ')[0]))];
    const first = o.by[0]?.split(' › ')[1];
    const by = o.killed ? `${files.map((f) => `\`${f}\``).join(', ')}${first ? ` (${first.replace(/\|/g, '\\|')})` : ''}` : '—';
    rows.push(`| \`${m.id}\`${m.variant ? ' (variant)' : ''} | ${m.changes.replace(/\|/g, '\\|')} | ${o.killed ? 'killed' : '**survived**'} | ${by} |`);
  }
  return rows.join('\n');
}

function main(argv: string[]): number {
  const flags = new Set(argv.filter((a) => a === '--full' || a === '--check'));
  const value = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const positional = argv.filter((a, i) => !a.startsWith('--') && !['--only', '--out'].includes(argv[i - 1] ?? ''));
  const root = process.cwd();
  const listPath = resolve(positional[0] ?? 'test/mutants/physics.json');
  const parsed = MutantListSchema.safeParse(JSON.parse(readFileSync(listPath, 'utf8')));
  if (!parsed.success) { console.error(`${listPath}: ${z.prettifyError(parsed.error)}`); return 2; }
  const list = parsed.data;
  const stale = staleMutants(root, list);
  for (const s of stale) console.error(`stale: ${s.id} (${s.file}): ${s.why}`);
  if (stale.length) return 2;
  if (flags.has('--check')) { console.log(`${list.mutants.length} mutants, every snippet unique`); return 0; }
  const only = value('--only')?.split(',');
  const chosen = list.mutants.filter((m) => !only || only.includes(m.id));

  console.error('unmutated run…');
  const base = vitest(root, list.exclude, []);
  if (base.error) { console.error(`the unmutated suite did not run: ${base.error}`); return 2; }
  for (const t of base.failed) console.error(`fails unmutated (ignored as a killer): ${t}`);
  const baseline = new Set(base.failed);

  const outcomes: Outcome[] = [];
  for (const m of chosen) {
    const started = Date.now();
    const o = runMutant(root, list, m, flags.has('--full'), baseline);
    outcomes.push(o);
    console.error(`${o.killed ? 'killed  ' : 'SURVIVED'} ${m.id} (${Math.round((Date.now() - started) / 1000)} s)${o.by[0] ? ` by ${o.by[0]}` : ''}`);
  }
  console.log(table(list, outcomes));
  const counted = outcomes.filter((o) => !list.mutants.find((m) => m.id === o.id)!.variant);
  const killed = counted.filter((o) => o.killed).length;
  console.log(`\n${killed} of ${counted.length} mutants killed (variants not counted)${!only && list.minKilled !== undefined ? `; at least ${list.minKilled} wanted` : ''}`);
  const out = value('--out');
  if (out) writeFileSync(out, JSON.stringify(outcomes, null, 2) + '\n');
  return killed >= (only ? counted.length : list.minKilled ?? counted.length) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));

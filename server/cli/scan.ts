import { DEFAULT_FILE_LIMITS } from './file-limits.ts';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scanRepository, listFiles } from '../../adapters/scan/index.ts';
import { baselineOf, BaselineSchema, compareBaseline, loadConformanceCatalog, parseText, SEVERITY_RANK, validate, locateIssues, type Baseline } from '../../rules/index.ts';
import type { Command } from './commands.ts';
import { engineFor } from './engine.ts';
import { oneLine } from './escape.ts';
import { parseFlags } from './flags.ts';
import { formatOf } from './format.ts';
import { EXIT, type Io } from './io.ts';
import { formatIssues } from './issues.ts';
import { issueFindings, sarifLog } from './sarif.ts';
import { findingText, sarifFinding, summaryText } from './scan-render.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'check a repository\'s code and manifests against the plans of its requirements files',
  usage: `Usage: statewise scan [DIR] [--requirements FILE]... [--manifests PATH|-]... [--format text|json|sarif]
                      [--baseline FILE] [--write-baseline FILE] [--exclude PATH]... [--rules DIR]

Advises each requirements file (*.statewise.yaml|json) found in DIR (default .), reads the code (TypeScript and
JavaScript) and manifests (Kubernetes YAML, compose files, Terraform) there, and reports every place where they
contradict the plan: file, line and column, the rule, its severity, the plan item and store, and two fixes.
Code belongs to the requirements file whose folder (or implementation.paths) holds it most closely; manifests
belong to the service they name (its name or implementation.workloads).

Options:
  --requirements FILE  check these requirements files only (repeatable)
  --manifests PATH|-   also read rendered manifests from a file or folder, or - for standard input
                       (helm template ... | statewise scan --manifests -; kubectl kustomize DIR | ...)
  --format F           text (default); json: the findings as JSON; sarif: SARIF 2.1.0 for code scanning
  --baseline FILE      fail only on findings not in FILE, and on FILE's entries that match nothing any more
  --write-baseline FILE  record the current findings in FILE (exit 0)
  --exclude PATH       leave out a folder or file (repeatable; node_modules, dist and hidden folders always are)
  --rules DIR          layer a custom rule catalogue folder on top of the built-in rules
  -h, --help           show this help

A finding is suppressed by an accept entry in its requirements file naming its id (shown by --format json) or
its rule, with a reason and an expiry date, like an accepted risk.

Exit codes: 0 nothing at warning level or above (or nothing new against the baseline); 1 a warning or error,
or a stale baseline entry; 2 bad input (messages name file, line and field).`,
  async run(args, io) {
    const flags = parseFlags(args, {
      requirements: { type: 'string', multiple: true }, manifests: { type: 'string', multiple: true }, format: { type: 'string' },
      json: { type: 'boolean' }, baseline: { type: 'string' }, 'write-baseline': { type: 'string' }, exclude: { type: 'string', multiple: true },
      rules: { type: 'string' },
    }, scanCommand, io);
    if (!flags) return EXIT.badInput;
    const format = formatOf(flags.values, FORMATS, scanCommand, io);
    if (!format) return EXIT.badInput;
    if (flags.positionals.length > 1) {
      io.err(`statewise scan: name one folder at most\n\n${scanCommand.usage}`);
      return EXIT.badInput;
    }
    const dir = flags.positionals[0] ?? '.';
    if (!isDir(resolve(io.cwd, dir))) {
      io.err(`${dir}: not a folder (statewise scan reads a repository folder)`);
      return EXIT.badInput;
    }
    const engine = engineFor(flags.values.rules as string | undefined, io);
    if (!engine) return EXIT.badInput;
    const manifests = readManifests((flags.values.manifests as string[] | undefined) ?? [], io);
    if (!manifests) return EXIT.badInput;
    const baselineFile = flags.values.baseline as string | undefined;
    const baseline = baselineFile === undefined ? undefined : readBaseline(baselineFile, io);
    if (baseline === null) return EXIT.badInput;
    const report = await scanRepository(dir, {
      cwd: io.cwd, manifests, advise: (r) => engine.advise(r, io.today ? { today: io.today } : {}),
      ...(flags.values.requirements ? { requirements: flags.values.requirements as string[] } : {}),
      ...(flags.values.exclude ? { exclude: flags.values.exclude as string[] } : {}),
      ...(io.today ? { today: io.today } : {}),
    });
    if (report.issues.length) {
      io.err(formatIssues(dir, report.issues.map((i) => ({ ...i, file: join(dir, i.file ?? '').replace(/^\.\//, '') }))));
      if (format === 'sarif') io.out(JSON.stringify(sarifLog(issueFindings(dir, report.issues), engine.rulesVersion), null, 2));
      return EXIT.badInput;
    }
    if (report.plans.length === 0) {
      io.err(`${dir}: no requirements files (*.statewise.yaml|json) to scan against; write one with statewise init --from ${dir}`);
      return EXIT.badInput;
    }
    const writeTo = flags.values['write-baseline'] as string | undefined;
    if (writeTo !== undefined) {
      writeFileSync(resolve(io.cwd, writeTo), JSON.stringify(baselineOf(report.findings), null, 2) + '\n');
      io.err(`${writeTo}: recorded ${report.findings.length} finding(s)`);
      return EXIT.ok;
    }
    const compared = baseline ? compareBaseline(report.findings, baseline) : undefined;
    const shown = compared ? compared.fresh : report.findings;
    const stale = compared?.stale ?? [];
    const failed = shown.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK.warning) || stale.length > 0;
    if (format === 'json') {
      io.out(JSON.stringify({
        files: report.files, plans: report.plans.map((p) => ({ file: p.file, service: p.service, verdict: p.verdict })),
        findings: shown, suppressed: report.suppressed, ...(compared ? { baseline: { known: report.findings.length - shown.length, stale } } : {}),
      }, null, 2));
    } else if (format === 'sarif') {
      const catalog = loadConformanceCatalog();
      const titles = catalog.ok ? Object.fromEntries(catalog.value.rules.map((r) => [r.id, r.title])) : {};
      io.out(JSON.stringify(sarifLog(shown.map(sarifFinding), engine.rulesVersion, titles), null, 2));
    } else {
      const lines = shown.map((f) => findingText(f, io.paint));
      for (const id of stale) lines.push(`${baselineFile}: stale baseline entry ${oneLine(id)}: it matches no finding any more; remove it (or rewrite the baseline with --write-baseline)`);
      lines.push(summaryText({ findings: shown, plans: report.plans.length, files: report.files, suppressed: report.suppressed.length, ...(compared ? { baselined: report.findings.length - shown.length } : {}) }));
      io.out(lines.join('\n\n'));
    }
    if (format !== 'text' && stale.length) io.err(stale.map((id) => `${baselineFile}: stale baseline entry ${oneLine(id)}`).join('\n'));
    return failed ? EXIT.failed : EXIT.ok;
  },
};

function isDir(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

/** The texts of --manifests: files, the YAML files of folders, or standard input; undefined after saying what is wrong. */
function readManifests(paths: readonly string[], io: Io): { name: string; text: string }[] | undefined {
  const out: { name: string; text: string }[] = [];
  for (const p of paths) {
    try {
      if (p === '-') {
        if (!io.stdin) { io.err('--manifests -: there is no standard input to read'); return undefined; }
        // Rendered manifests (helm template, kubectl kustomize) can be large: the review bound, not the requirements one.
        const read = io.stdin((io.fileLimits ?? DEFAULT_FILE_LIMITS).reviews);
        if (!read.ok) { io.err(`--manifests -: ${read.message}`); return undefined; }
        out.push({ name: '<stdin>', text: read.text });
      } else if (isDir(resolve(io.cwd, p))) {
        for (const f of listFiles(resolve(io.cwd, p)).filter((f) => /\.ya?ml$/.test(f))) out.push({ name: join(p, f), text: readFileSync(resolve(io.cwd, p, f), 'utf8') });
      } else out.push({ name: p, text: readFileSync(resolve(io.cwd, p), 'utf8') });
    } catch (e) {
      io.err(`${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return undefined;
    }
  }
  return out;
}

/** The baseline file, validated; null after saying what is wrong (file, line and field). */
function readBaseline(file: string, io: Io): Baseline | null {
  let text: string;
  try { text = readFileSync(resolve(io.cwd, file), 'utf8'); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(`${file}: ${code === 'ENOENT' ? 'no such baseline; record one with --write-baseline' : `cannot read (${code ?? String(e)})`}`);
    return null;
  }
  const parsed = parseText(text);
  if (!parsed.ok) { io.err(formatIssues(file, parsed.issues)); return null; }
  const checked = validate(BaselineSchema, parsed.value.data);
  if (!checked.ok) { io.err(formatIssues(file, locateIssues(checked.issues, parsed.value))); return null; }
  return checked.value;
}

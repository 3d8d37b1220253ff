import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  evaluateConformance, loadConformanceCatalog, parseRequirements, planOf,
  type ConformanceFinding, type Evidence, type Issue, type Plan, type Recommendation, type Requirements, type SuppressedFinding,
} from '../../rules/index.ts';
import { collectEvidence, type EvidenceOptions } from './evidence.ts';
import { listFiles } from './files.ts';

export interface ScanOptions extends EvidenceOptions {
  /** Requirements files to check (relative to the working folder); default: every *.statewise.yaml|json found. */
  requirements?: string[];
  /** Path prefixes (relative to the scanned folder) left out. */
  exclude?: string[];
  /** The engine's advice for one requirements document. */
  advise: (req: Requirements) => Recommendation;
  today?: string;
  cwd?: string;
}

export interface ScanReport {
  root: string;
  files: number;
  plans: Plan[];
  evidence: Evidence[];
  findings: ConformanceFinding[];
  suppressed: SuppressedFinding[];
  /** Requirements files that do not parse: a scan with any is bad input. */
  issues: Issue[];
}

const REQUIREMENTS = /\.statewise\.(ya?ml|json)$/i;

/**
 * Scans the repository at `dir`: advises each requirements file, reads the code and manifests, and reports every
 * place where they contradict a plan. Paths in the report are relative to `dir` with `/` separators.
 */
export async function scanRepository(dir: string, options: ScanOptions): Promise<ScanReport> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, dir);
  const files = listFiles(root, options.exclude);
  const requirementsFiles = options.requirements?.map((f) => relative(root, resolve(cwd, f)).split('\\').join('/'))
    ?? files.filter((f) => REQUIREMENTS.test(f));
  const plans: Plan[] = [];
  const issues: Issue[] = [];
  for (const file of requirementsFiles) {
    let text: string;
    try { text = readFileSync(join(root, file), 'utf8'); } catch (e) {
      issues.push({ code: 'unreadable', path: [], pointer: '', message: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, file });
      continue;
    }
    const parsed = parseRequirements(text);
    if (!parsed.ok) { issues.push(...parsed.issues.map((i) => ({ ...i, file }))); continue; }
    plans.push(planOf(file, text, parsed.value, options.advise(parsed.value)));
  }
  const evidence = await collectEvidence(root, files, options);
  const catalog = loadConformanceCatalog();
  if (!catalog.ok) throw new Error(`the built-in conformance catalogue does not load: ${catalog.issues.map((i) => i.message).join('; ')}`);
  const { findings, suppressed } = evaluateConformance(catalog.value, plans, evidence, options.today ? { today: options.today } : {});
  return { root, files: files.length, plans, evidence, findings, suppressed, issues };
}

import { itemText, type ConformanceFinding } from '../../rules/index.ts';
import type { Paint } from './io.ts';
import { oneLine } from './escape.ts';
import { count } from './plural.ts';
import type { Finding } from './sarif.ts';

/** What the summary line counts. */
export interface ScanSummary { findings: readonly ConformanceFinding[]; plans: number; files: number; suppressed: number; baselined?: number }

/** One finding for a person: where, what, and the two ways to fix it. */
export function findingText(f: ConformanceFinding, paint?: Paint): string {
  const level = f.severity === 'error' ? (paint?.red ?? String)('error') : f.severity === 'warning' ? (paint?.yellow ?? String)('warning') : 'info';
  return [
    `${oneLine(f.file)}:${f.line}:${f.column} ${level} ${f.rule} (${f.service}: ${oneLine(itemText(f.requirements))}, ${oneLine(f.requirements.file)}:${f.requirements.line})`,
    `  ${oneLine(f.message)}`,
    `  fix the code: ${oneLine(f.fixes.code)}`,
    `  or the requirements: ${oneLine(f.fixes.requirements)}`,
  ].join('\n');
}

/** The last line of a text report. */
export function summaryText(s: ScanSummary): string {
  const by = (sev: string) => s.findings.filter((f) => f.severity === sev).length;
  const parts = [
    `${count(s.findings.length, 'finding', 'findings')} (${by('error')} error, ${by('warning')} warning, ${by('info')} info)`,
    `${count(s.plans, 'plan', 'plans')} over ${count(s.files, 'file', 'files')}`,
  ];
  if (s.suppressed) parts.push(`${s.suppressed} suppressed by accept`);
  if (s.baselined !== undefined) parts.push(`${s.baselined} known from the baseline`);
  return parts.join('; ');
}

/** A scan finding as a SARIF result: at the code or manifest line, with the plan item as a related location. */
export function sarifFinding(f: ConformanceFinding): Finding {
  return {
    ruleId: f.rule, level: f.severity === 'info' ? 'note' : f.severity, file: f.file, line: f.line, column: f.column,
    message: `${f.message}. Fix the code: ${f.fixes.code}. Or the requirements: ${f.fixes.requirements}`,
    related: { file: f.requirements.file, line: f.requirements.line, column: f.requirements.column, message: `${f.service}: ${itemText(f.requirements)}` },
  };
}

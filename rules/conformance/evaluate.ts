import type { Evidence } from './evidence.ts';
import { bindEvidence } from './bind.ts';
import { CHECKS } from './checks.ts';
import type { ConformanceFinding, SuppressedFinding } from './finding.ts';
import type { Hit } from './hit.ts';
import type { Plan } from './plan.ts';
import type { ConformanceCatalog, ConformanceRule } from './schema.ts';

export interface ConformanceResult { findings: ConformanceFinding[]; suppressed: SuppressedFinding[] }

/**
 * Every contradiction between the plans and the evidence, in file, line, column and rule order. An `accept` entry
 * of a plan naming a finding's id (or its rule id) suppresses it until its date; an expired one says so in the message.
 */
export function evaluateConformance(
  catalog: ConformanceCatalog, plans: readonly Plan[], evidence: readonly Evidence[], options: { today?: string } = {},
): ConformanceResult {
  const bound = bindEvidence(plans, evidence);
  const findings: ConformanceFinding[] = [];
  const suppressed: SuppressedFinding[] = [];
  plans.forEach((plan, p) => {
    for (const rule of catalog.rules) {
      for (const hit of CHECKS[rule.id]!(plan, bound[p]!)) {
        const found = findingOf(rule, plan, hit);
        const accepted = plan.accept.find((a) => a.risk === found.id || a.risk === rule.id);
        if (accepted && (!options.today || accepted.until >= options.today)) suppressed.push({ ...found, reason: accepted.reason, until: accepted.until });
        else if (accepted) findings.push({ ...found, message: `${found.message} (acceptance expired ${accepted.until}: ${accepted.reason})` });
        else findings.push(found);
      }
    }
  });
  const order = (a: ConformanceFinding, b: ConformanceFinding) =>
    a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.service.localeCompare(b.service);
  return { findings: findings.sort(order), suppressed: suppressed.sort(order) };
}

function findingOf(rule: ConformanceRule, plan: Plan, hit: Hit): ConformanceFinding {
  const item = hit.item;
  const itemAt = plan.at(item?.path ?? []);
  const vars: Record<string, string | number> = {
    service: plan.service, item: item?.name ?? '(no state items)', store: item?.store || 'none',
    technology: item?.technology ?? 'none', workload: plan.service,
    ...Object.fromEntries(Object.entries(hit.evidence?.facts ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])),
    ...hit.vars,
  };
  const fill = (template: string) => template.replace(/\{([a-zA-Z]+)\}/g, (m, k: string) => (vars[k] !== undefined ? String(vars[k]) : m));
  const at = hit.evidence ?? { file: plan.file, ...itemAt };
  return {
    id: `${rule.id}:${at.file}:${hit.key}`,
    rule: rule.id, title: rule.title, severity: rule.severity,
    file: at.file, line: at.line, column: at.column, key: hit.key, service: plan.service,
    requirements: { file: plan.file, item: item?.name ?? '(no state items)', store: item?.store ?? '', ...itemAt },
    message: fill(rule.message),
    fixes: { code: fill(rule.fixCode), requirements: fill(rule.fixRequirements) },
  };
}

import { isCode, type Evidence } from './evidence.ts';
import type { Plan } from './plan.ts';

/** How closely a plan's scopes hold a file: the longest matching scope's length, -1 when none does. */
export function scopeMatch(plan: Plan, file: string): number {
  let best = -1;
  for (const s of plan.scopes) {
    const scope = s.endsWith('/') || s === '' ? s : file === s ? s : `${s}/`;
    if ((file === s || file.startsWith(scope)) && scope.length > best) best = scope.length;
  }
  return best;
}

/**
 * Which evidence each plan answers for. Code and store infrastructure belong to the plan whose scope holds their file
 * most closely (a service's own folder before the repository root); a manifest about a workload belongs to the plans
 * that name that workload (its service name or `implementation.workloads`) wherever the manifest lives, the ones
 * whose scope holds it most closely when several do.
 */
export function bindEvidence(plans: readonly Plan[], evidence: readonly Evidence[]): Evidence[][] {
  const bound: Evidence[][] = plans.map(() => []);
  for (const e of evidence) {
    const names = [e.facts.workload, e.facts.app].filter((n): n is string => typeof n === 'string');
    if (!isCode(e) && e.kind !== 'store-infra' && names.length) {
      // Several plans may name the same workload (copies of a service): the ones whose scope holds the manifest win.
      const named = plans.map((p, i) => ({ i, score: names.some((n) => p.workloads.includes(n)) ? scopeMatch(p, e.file) : -2 })).filter((x) => x.score > -2);
      const best = Math.max(-1, ...named.map((x) => x.score));
      for (const { i, score } of named) if (score === best) bound[i]!.push(e);
      continue;
    }
    const scores = plans.map((p) => scopeMatch(p, e.file));
    const best = Math.max(-1, ...scores);
    if (best < 0) continue;
    scores.forEach((s, i) => { if (s === best) bound[i]!.push(e); });
  }
  return bound;
}

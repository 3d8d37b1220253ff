import type { Recommendation } from '../../rules/index.ts';

type Placement = Recommendation['placements'][number];

/**
 * The CodeLens over a state item: where it lives and for how long.
 * @example stateLensTitle({ store: 'database', technology: 'postgres', ttl: '20m', … }) === '→ database (postgres) · ttl 20m'
 */
export function stateLensTitle(p: Pick<Placement, 'store' | 'technology' | 'ttl'>): string {
  const tech = p.technology !== 'none' ? ` (${p.technology})` : '';
  return `→ ${p.store}${tech}${p.ttl ? ` · ttl ${p.ttl}` : ''}`;
}

/**
 * The verdict at the top of the file: the verdict in capitals and the confidence in percent (as the panel says it),
 * flagged when no plan passes every feasibility check.
 * @example verdictLensTitle({ verdict: 'hybrid', confidence: 0.84, feasible: true }) === 'HYBRID · 84%' (the confidence, as the status bar and the panel say it)
 */
export function verdictLensTitle(r: Pick<Recommendation, 'verdict' | 'confidence' | 'feasible'>): string {
  return `${r.verdict.toUpperCase()} · ${Math.round(r.confidence * 100)}%${r.feasible ? '' : ' · not feasible'}`;
}

/** The status-bar text for a requirements file: its verdict, or how many problems keep it from having one. */
export function statusText(state: { verdict: Pick<Recommendation, 'verdict' | 'confidence' | 'feasible'> } | { problems: number } | { server: string }): string {
  if ('problems' in state) return `$(error) statewise: ${state.problems} problem${state.problems === 1 ? '' : 's'}`;
  if ('server' in state) return `$(cloud) statewise: ${state.server}`;
  const v = state.verdict;
  return `${v.feasible ? '$(pass)' : '$(warning)'} statewise: ${v.verdict} · ${Math.round(v.confidence * 100)}%`;
}

import type { Requirements } from '../contract/requirements.ts';
import { scopeOf } from '../contract/scope.ts';
import { VERDICTS, type PlanAnswer, type Recommendation } from '../contract/recommendation.ts';
import { cell, code, codeCell, inline, table } from './markdown.ts';
import { humanNumber as num } from '../model/format.ts';

/** The review's numbers: whether any plan passes every check (with each plan's cost), and the capacity estimate. */
export function feasibility(rec: Recommendation): string {
  const out = ['## Feasibility and cost'];
  out.push(rec.feasible
    ? `The chosen plan passes every feasibility check (latency, throughput, bandwidth, value size, memory, durability, access) with the figures below.`
    : `**No plan passes every feasibility check.** The ${rec.verdict} plan is the one that fails least; its blockers are listed below, and "Revisit when" says which input changes would make a plan pass.`);
  out.push(table(['Plan', 'Feasible', 'Monthly cost (napkin)', 'Instances', 'Store nodes', 'New technologies', 'Blocked by'],
    VERDICTS.map((v) => {
      const p = rec.plans[v];
      const possible = planPossible(p);
      return [cell(v === rec.verdict ? `${v} (chosen)` : v), p.feasible ? 'yes' : 'no', possible ? `$${p.cost.monthlyUsd}` : '—',
        possible ? String(p.cost.instances) : '—', possible ? String(p.cost.storeNodes) : '—', cell(p.cost.newTechnologies.join(', ') || 'none'),
        cell(possible ? p.blockers.map((b) => `${b.check} on ${b.state} in ${b.store}: ${num(b.value)} > ${num(b.limit)} ${b.unit}`).join('; ') || '—' : p.note)];
    })));
  const blockers = VERDICTS.flatMap((v) => rec.plans[v].blockers.map((b) => `- ${v}: ${inline(b.because)} (${code(b.check)})`));
  if (blockers.length) out.push(blockers.join('\n'));
  const rows = rec.placements.flatMap((p) => p.checks.filter((c) => c.limit > 0 && c.value > 0).sort((a, b) => a.margin - b.margin).slice(0, 1)
    .map((c) => [codeCell(p.state), cell(`${p.store} (${p.technology})`), codeCell(c.check), cell(`${num(c.value)} of ${num(c.limit)} ${c.unit}`),
      cell(c.passed ? `${Math.round((c.value / c.limit) * 100)}% used` : 'fails')]));
  if (rows.length) out.push(`Tightest check per placement:\n\n${table(['Item', 'Store', 'Check', 'Value', 'Margin'], rows)}`);
  out.push(`Unit prices and every store figure are catalogue assumptions with their sources (see \`statewise rules\` and docs/rules.md), not measurements of this system.`);
  return out.join('\n\n');
}


/** Items the engine implies (live connections, a session record) are session-scoped by construction. */
function sessionScoped(rec: Recommendation, req: Requirements): boolean {
  return rec.placements.some((p) => p.implied) || req.state.some((s) => scopeOf(s.lifetime) === 'session');
}

export function capacity(rec: Recommendation, req: Requirements): string {
  const c = rec.capacity;
  const rows: [string, string][] = [
    // Little's law gives a figure for any traffic; say so when no placement depends on it.
    [sessionScoped(rec, req) ? 'Concurrent sessions' : 'Concurrent sessions (no session-scoped state depends on it)', String(c.concurrentSessions)],
    ['Instances', String(c.instances)],
    ['State access on the hot path (ms)', `${num(c.hotPathMs)} of ${num(c.latencyBudgetMs)} left for state`],
    ['In-process memory per instance (MB)', String(c.inProcessMemoryMb)],
    ['External store memory (MB)', String(c.externalStoreMemoryMb)],
    ['External store reads/s', String(c.externalReadsPerSecond)],
    ['External store writes/s', String(c.externalWritesPerSecond)],
  ];
  const out = ['## Capacity estimate', table(['Measure', 'Estimate'], rows.map(([k, v]) => [cell(k), cell(v)]))];
  if (c.stores.length) {
    out.push(table(['Store tier', 'Technology', 'Items', 'Nodes', 'Reads/s', 'Writes/s', 'MB/s', 'Memory (MB)'],
      c.stores.map((t) => [codeCell(t.store), cell(t.technology), cell(t.items.join(', ')), t.replicas ? `${t.nodes} + ${t.nodes * t.replicas} ${t.nodes * t.replicas === 1 ? 'replica' : 'replicas'}` : String(t.nodes), num(t.readsPerSecond),
        num(t.writesPerSecond), num(t.mbPerSecond), num(t.memoryMb)])));
  }
  if (c.assumptions.length) out.push(`Assumptions:\n\n${c.assumptions.map((a) => `- ${inline(a)}`).join('\n')}`);
  return out.join('\n\n');
}

/** A plan that can be built has a cost; an impossible one (nothing to split, sockets outside a process) has none. */
export function planPossible(p: PlanAnswer): boolean {
  return p.cost.instances > 0;
}

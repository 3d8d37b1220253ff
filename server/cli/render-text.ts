import { fieldOf, type Recommendation } from '../../rules/index.ts';
import { oneLine, printable } from './escape.ts';
import { count } from './plural.ts';
import { paintFor, type Paint } from './io.ts';

/** The human summary `statewise advise` prints: verdict first, then the tables a reviewer scans. */
export function renderText(r: Recommendation, file: string, paint: Paint = paintFor(false)): string {
  const lines: string[] = [];
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const verdictColour = { stateless: paint.green, stateful: paint.yellow, hybrid: paint.cyan }[r.verdict];
  lines.push(`${paint.bold(file)}: ${r.service} → ${paint.bold(verdictColour(r.verdict.toUpperCase()))} (confidence ${pct(r.confidence)})`);
  lines.push(`  scores  stateless ${r.scores.stateless} · stateful ${r.scores.stateful} · hybrid ${r.scores.hybrid}`);
  if (!r.feasible) lines.push(`${paint.red('  NOT FEASIBLE:')} no plan passes every check; this is the plan that fails least (see Plans)`);
  lines.push('', wrap(r.summary, 100, '  '));
  if (r.placements.length) {
    lines.push('', paint.bold('Placements'));
    const w = Math.max(5, ...r.placements.map((p) => p.state.length + (p.implied ? 10 : 0)));
    const where = (p: Recommendation['placements'][number]) => (p.technology === 'none' ? p.store : `${p.store} (${p.technology})`);
    const sw = Math.max(...r.placements.map((p) => where(p).length));
    for (const p of r.placements) {
      const name = p.implied ? `${p.state} (implied)` : p.state;
      lines.push(`  ${name.padEnd(w)}  ${where(p).padEnd(sw)}  ${p.ttl ? `ttl ${p.ttl}` : ''}`.trimEnd());
      lines.push(wrap(p.why[0] ?? '', 100, '      '));
      const tight = tightest(p.checks);
      if (tight) lines.push(wrap(`${tight.passed ? 'tightest' : 'FAILS'} ${tight.check}: ${num(tight.value)} of ${num(tight.limit)} ${tight.unit}`, 100, '      '));
    }
  }
  if (r.implied.length) lines.push('', 'Implied', ...r.implied.map((t) => `  - ${t}`));
  lines.push('', paint.bold('Strongest factors'));
  for (const f of r.factors.slice(0, 5)) {
    const e = f.effect;
    const fx = `stateless ${sign(e.stateless)} · stateful ${sign(e.stateful)} · hybrid ${sign(e.hybrid)}`;
    lines.push(`  ${f.rule}  (${fx})`, wrap(f.because, 100, '      '));
  }
  lines.push('', `Scaling   routing ${r.scaling.routing}; ${r.scaling.autoscaling}`);
  lines.push(`Failure   ${r.failure.onInstanceLoss}`);
  const c = r.capacity;
  lines.push(`Capacity  ${count(c.instances, 'instance')} · ${count(c.concurrentSessions, 'concurrent session')} · ${c.inProcessMemoryMb} MB in process per instance · hot path ${num(c.hotPathMs)} of ${num(c.latencyBudgetMs)} ms for state`);
  for (const t of c.stores) {
    lines.push(`  ${t.store} (${t.technology}): ${count(t.nodes, 'node')}${t.replicas ? ` + ${count(t.nodes * t.replicas, 'replica')}` : ''} · ${num(t.readsPerSecond)} reads/s · ${num(t.writesPerSecond)} writes/s · ${num(t.mbPerSecond)} MB/s${t.memoryMb ? ` · ${num(t.memoryMb)} MB` : ''} — ${t.items.join(', ')}`);
  }
  lines.push('', `${paint.bold('Plans')} (monthly cost is napkin arithmetic from catalogue unit prices)`);
  for (const v of ['stateless', 'stateful', 'hybrid'] as const) {
    const p = r.plans[v];
    const cost = p.cost.instances ? `$${p.cost.monthlyUsd}/month · ${count(p.cost.instances, 'instance')} · ${count(p.cost.storeNodes, 'store node')}${p.cost.newTechnologies.length ? ` · adds ${p.cost.newTechnologies.join(', ')}` : ''}` : 'not possible';
    lines.push(`  ${(v === r.verdict ? `${v} *` : v).padEnd(11)} ${p.feasible ? 'feasible  ' : 'infeasible'}  ${cost}`);
    if (!p.cost.instances) lines.push(wrap(p.note, 100, '      '));
    for (const b of p.blockers.slice(0, 3)) lines.push(wrap(`✗ ${b.because} (${b.check})`, 100, '      '));
    if (p.blockers.length > 3) lines.push(`      … and ${p.blockers.length - 3} more`);
  }
  lines.push('', 'Assumptions', ...c.assumptions.map((a) => wrap(`- ${a}`, 100, '  ')));
  // defaultsApplied (issue 14): one line naming what the file left to defaults, those the answer leans on first.
  const assumed = [...(r.defaultsApplied ?? [])].sort((a, b) => Number(!a.because) - Number(!b.because));
  if (assumed.length) {
    const shown = assumed.slice(0, 3).map((d) => `${fieldOf(d.pointer)}=${d.value}`).join(', ');
    lines.push(`  - defaults for ${assumed.length} field(s) the file leaves out: ${shown}${assumed.length > 3 ? ', …' : ''} (--json lists all)`);
  }
  if (r.risks.length) {
    lines.push('', paint.bold('Risks'));
    const sev = { high: paint.red, medium: paint.yellow, low: paint.dim };
    for (const k of r.risks) lines.push(`  ${sev[k.severity](`[${k.severity}]`)} ${k.id}`, wrap(k.text, 100, '      '), wrap(`→ ${k.mitigation}`, 100, '      '));
  }
  if (r.acceptedRisks.length) {
    lines.push('', 'Accepted risks');
    for (const k of r.acceptedRisks) lines.push(`  [${k.severity}] ${oneLine(k.id)} until ${k.until}: ${oneLine(k.reason)}`);
  }
  if (r.tippingPoints.length) {
    lines.push('', paint.bold('Tipping points'));
    for (const t of r.tippingPoints) lines.push(`  - ${t.note}`);
  }
  return lines.join('\n');
}

/** The check with the least margin: what would break first. */
function tightest(checks: Recommendation['placements'][number]['checks']) {
  let best: (typeof checks)[number] | undefined;
  for (const c of checks) if (c.limit > 0 && (!best || c.margin < best.margin)) best = c;
  return best && best.margin < 10 ? best : undefined;
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function sign(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  let line = indent;
  for (const word of printable(text).split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim()) { out.push(line.trimEnd()); line = indent; }
    line += (line.trim() ? ' ' : '') + word;
  }
  if (line.trim()) out.push(line.trimEnd());
  return out.join('\n');
}

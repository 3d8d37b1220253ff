import { renderNotes } from './render-notes.ts';
import { renderFailures } from './render-failures.ts';
import { fieldOf, humanNumber as num, NAMES_IN_FULL, someNames, type Recommendation } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { count } from './plural.ts';
import { paintFor, type Paint } from './io.ts';
import { wrap } from './text-wrap.ts';

type Section = (r: Recommendation, paint: Paint) => string[];
const WIDTH = 100;
/** Beyond this many state items a line counts them instead of naming each (`61 items`); --json lists them all. */
export const NAMES_SHOWN = NAMES_IN_FULL;

/**
 * The human answer `statewise advise` prints, in the order a reader decides: verdict and feasibility, then where
 * the state goes, what each plan costs, how big it gets, what can go wrong and what would change the answer;
 * the factors and assumptions behind it come last. Figures are rounded for reading (JSON keeps full precision).
 * Notes (the input's own arithmetic disagreeing with itself) come right after the heading; the failure table
 * (what each failure costs each item) right after the risks.
 */
export function renderText(r: Recommendation, file: string, paint: Paint = paintFor(false)): string {
  const sections: Section[] = [
    (a, p) => heading(a, file, p),
    (a, p) => renderNotes(a, p, WIDTH),
    placements, plans, capacity, risks,
    (a, p) => renderFailures(a, p, WIDTH),
    acceptedRisks, tippingPoints, factors, assumptions,
  ];
  return sections.map((s) => s(r, paint)).filter((lines) => lines.length).map((lines) => lines.join('\n')).join('\n\n');
}

function heading(r: Recommendation, file: string, paint: Paint): string[] {
  const verdictColour = { stateless: paint.green, stateful: paint.yellow, hybrid: paint.cyan }[r.verdict];
  return [
    `${paint.bold(file)}: ${r.service} → ${paint.bold(verdictColour(r.verdict.toUpperCase()))} (confidence ${pct(r.confidence)})`,
    `  scores  stateless ${r.scores.stateless} · stateful ${r.scores.stateful} · hybrid ${r.scores.hybrid}`,
    r.feasible ? `  ${paint.green('feasible')}: the ${r.verdict} plan passes every check`
      : `  ${paint.red('NOT FEASIBLE:')} no plan passes every check; this is the plan that fails least (see Plans)`,
    '',
    wrap(r.summary, WIDTH, '  '),
  ];
}

function placements(r: Recommendation, paint: Paint): string[] {
  if (!r.placements.length) return [];
  const many = r.placements.length > 12;
  const name = (p: Recommendation['placements'][number]) => (p.implied ? `${p.state} (implied)` : p.state);
  const where = (p: Recommendation['placements'][number]) => (p.technology === 'none' ? p.store : `${p.store} (${p.technology})`);
  const w = Math.max(...r.placements.map((p) => name(p).length));
  const sw = Math.max(...r.placements.map((p) => where(p).length));
  const out = [paint.bold('Placements') + (many ? ` (${r.placements.length} items; reasons with --json)` : '')];
  for (const p of r.placements) {
    const tight = tightest(p.checks);
    const check = tight ? `${tight.passed ? 'tightest' : paint.red('FAILS')} ${tight.check} ${num(tight.value)} of ${num(tight.limit)} ${tight.unit}` : '';
    out.push(`  ${name(p).padEnd(w)}  ${where(p).padEnd(sw)}  ${[p.ttl ? `ttl ${p.ttl}` : '', check].filter(Boolean).join(' · ')}`.trimEnd());
    if (!many && p.why[0]) out.push(wrap(p.why[0], WIDTH, '      '));
  }
  if (r.implied.length) out.push('', 'Implied', ...r.implied.map((t) => wrap(`- ${t}`, WIDTH, '  ')));
  return out;
}

function plans(r: Recommendation, paint: Paint): string[] {
  const out = [`${paint.bold('Plans')} (monthly cost is napkin arithmetic from catalogue unit prices)`];
  for (const v of ['stateless', 'stateful', 'hybrid'] as const) {
    const p = r.plans[v];
    const c = p.cost;
    const cost = c.instances
      ? `$${num(c.monthlyUsd)}/month · ${count(c.instances, 'instance')} · ${count(c.storeNodes, 'store node')}${c.newTechnologies.length ? ` · adds ${c.newTechnologies.join(', ')}` : ''}`
      : 'not possible';
    out.push(`  ${(v === r.verdict ? `${v} *` : v).padEnd(11)} ${p.feasible ? 'feasible  ' : 'infeasible'}  ${cost}`);
    if (!c.instances) out.push(wrap(p.note, WIDTH, '      '));
    for (const b of p.blockers.slice(0, 3)) out.push(wrap(`✗ ${b.because} (${b.check})`, WIDTH, '      '));
    if (p.blockers.length > 3) out.push(`      … and ${p.blockers.length - 3} more`);
  }
  return out;
}

function capacity(r: Recommendation, paint: Paint): string[] {
  const c = r.capacity;
  const out = [
    paint.bold('Capacity'),
    wrap(`${count(c.instances, 'instance')} · ${num(c.concurrentSessions)} concurrent sessions · ${num(c.inProcessMemoryMb)} MB in process per instance · hot path ${num(c.hotPathMs)} of ${num(c.latencyBudgetMs)} ms for state`, WIDTH, '  '),
  ];
  for (const t of c.stores) {
    const items = t.items.length > NAMES_SHOWN ? `${t.items.length} items` : t.items.join(', ');
    out.push(wrap(`- ${t.store} (${t.technology}): ${count(t.nodes, 'node')}${t.replicas ? ` + ${count(t.nodes * t.replicas, 'replica')}` : ''} · ${num(t.readsPerSecond)} reads/s · ${num(t.writesPerSecond)} writes/s · ${num(t.mbPerSecond)} MB/s${t.memoryMb ? ` · ${num(t.memoryMb)} MB` : ''} — ${items}`, WIDTH, '  '));
  }
  out.push(wrap(`- scaling: routing ${r.scaling.routing}; ${r.scaling.autoscaling}`, WIDTH, '  '));
  out.push(wrap(`- on instance loss: ${r.failure.onInstanceLoss}`, WIDTH, '  '));
  return out;
}

function risks(r: Recommendation, paint: Paint): string[] {
  if (!r.risks.length) return [];
  const sev = { high: paint.red, medium: paint.yellow, low: paint.dim };
  // One risk rule firing for more than 3 items (a token risk per token item) is one entry that counts them; its text and
  // mitigation are the first item's, the others' read the same with their own name.
  const groups = new Map<string, Recommendation['risks']>();
  for (const k of r.risks) {
    const key = `${k.severity} ${k.id.split(':')[0]}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  const entries = [...groups.values()].flatMap((ks) => (ks.length > 3 ? [ks] : ks.map((k) => [k])));
  return [paint.bold('Risks'), ...entries.flatMap((ks) => {
    const k = ks[0]!;
    const id = ks.length > 1 ? `${k.id.split(':')[0]} (${ks.length} items: ${someNames(ks.map((x) => x.id.split(':').slice(1).join(':')))})` : k.id;
    return [`  ${sev[k.severity](`[${k.severity}]`)} ${id}`, wrap(k.text, WIDTH, '      '), wrap(`→ ${k.mitigation}`, WIDTH, '      ')];
  })];
}


function acceptedRisks(r: Recommendation): string[] {
  if (!r.acceptedRisks.length) return [];
  return ['Accepted risks', ...r.acceptedRisks.map((k) => `  [${k.severity}] ${oneLine(k.id)} until ${k.until}: ${oneLine(k.reason)}`)];
}

function tippingPoints(r: Recommendation, paint: Paint): string[] {
  if (!r.tippingPoints.length) return [];
  return [paint.bold('Tipping points'), ...r.tippingPoints.map((t) => wrap(`- ${t.note}`, WIDTH, '  '))];
}

function factors(r: Recommendation, paint: Paint): string[] {
  const out = [paint.bold('Strongest factors') + (r.factors.length > 3 ? ` (3 of ${r.factors.length}; --json lists all)` : '')];
  for (const f of r.factors.slice(0, 3)) {
    const e = f.effect;
    out.push(`  ${f.rule}  (stateless ${sign(e.stateless)} · stateful ${sign(e.stateful)} · hybrid ${sign(e.hybrid)})`, wrap(f.because, WIDTH, '      '));
  }
  return out;
}

function assumptions(r: Recommendation): string[] {
  const out = ['Assumptions', ...r.capacity.assumptions.map((a) => wrap(`- ${a}`, WIDTH, '  '))];
  // defaultsApplied (issue 14): one line naming what the file left to defaults, those the answer leans on first.
  const assumed = [...(r.defaultsApplied ?? [])].sort((a, b) => Number(!a.because) - Number(!b.because));
  if (assumed.length) {
    const shown = assumed.slice(0, 3).map((d) => `${fieldOf(d.pointer)}=${d.value}`).join(', ');
    out.push(wrap(`- defaults for ${assumed.length} field(s) the file leaves out: ${shown}${assumed.length > 3 ? ', …' : ''} (--json lists all)`, WIDTH, '  '));
  }
  return out;
}

/** The check with the least margin: what would break first. */
function tightest(checks: Recommendation['placements'][number]['checks']) {
  let best: (typeof checks)[number] | undefined;
  for (const c of checks) if (c.limit > 0 && (!best || c.margin < best.margin)) best = c;
  return best && best.margin < 10 ? best : undefined;
}

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

function sign(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

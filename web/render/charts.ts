import type { Factor, Recommendation, Verdict } from './types.ts';
import { esc, num } from './escape.ts';
import { ruleLink } from './links.ts';

/*
 * Charts as inline SVG: sizes are SVG attributes (allowed by a strict CSP, unlike style="" attributes), colours are
 * CSS classes over the theme variables of styles.ts, so they follow a light or dark VS Code theme.
 */

const VERDICTS: readonly Verdict[] = ['stateless', 'stateful', 'hybrid'];

/** The three verdict scores (0–100) as bars on a visible track; the chosen verdict in the accent colour. */
export function scoreBars(rec: Recommendation): string {
  const rows = VERDICTS.map((v) => {
    const s = Math.max(0, Math.min(100, rec.scores[v]));
    return `<div class="sw-score${v === rec.verdict ? ' sw-chosen' : ''}" data-verdict="${v}">
  <span class="sw-score-name">${v}</span>
  <svg class="sw-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${v} ${s} of 100">
    <rect class="sw-track" x="0" y="0" width="100" height="10" rx="2"></rect>
    <rect class="sw-fill" x="0" y="0" width="${s}" height="10" rx="2"></rect>
  </svg>
  <b class="sw-score-value">${s}</b>
</div>`;
  });
  return `<div class="sw-scores">${rows.join('\n')}</div>`;
}

/**
 * The strongest factors as a diverging bar chart of their effect on the chosen verdict: pushes towards it grow to the
 * right, pushes away to the left of a centre line. The effects on the other verdicts are written beside each bar.
 */
export function factorChart(factors: readonly Factor[], verdict: Verdict): string {
  if (factors.length === 0) return '<p class="sw-muted">No rule fired.</p>';
  const max = Math.max(1, ...factors.map((f) => Math.abs(f.effect[verdict])));
  const rows = factors.map((f) => {
    const e = f.effect[verdict];
    const w = (Math.abs(e) / max) * 50;
    const x = e >= 0 ? 50 : 50 - w;
    const others = VERDICTS.filter((v) => v !== verdict).map((v) => `${v} ${signed(f.effect[v])}`).join(' · ');
    return `<div class="sw-factor" data-rule="${esc(f.rule)}">
  <div class="sw-factor-title">${esc(f.title)} ${ruleLink(f.rule)}</div>
  <svg class="sw-diverging" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(verdict)} ${signed(e)}">
    <rect class="sw-track" x="0" y="0" width="100" height="10"></rect>
    <rect class="${e >= 0 ? 'sw-pos' : 'sw-neg'}" x="${x}" y="1" width="${w}" height="8"></rect>
    <line class="sw-axis" x1="50" y1="0" x2="50" y2="10"></line>
  </svg>
  <b class="sw-effect ${e > 0 ? 'sw-pos-text' : e < 0 ? 'sw-neg-text' : 'sw-muted'}">${signed(e)}</b>
  <small class="sw-factor-others">${esc(others)}</small>
  <div class="sw-factor-because">${esc(f.because)}</div>
</div>`;
  });
  return `<div class="sw-factors" aria-label="effect on ${esc(verdict)}"><div class="sw-factor-legend"><span>← away from ${esc(verdict)}</span><span>towards ${esc(verdict)} →</span></div>${rows.join('\n')}</div>`;
}

export interface GaugeInput {
  name: string;
  value: number;
  limit: number;
  unit: string;
  /** What the numbers are, one line. */
  note: string;
}

/**
 * A budget as a half-circle gauge: the arc fills with value ÷ limit (capped at full), green with room to spare,
 * amber above 70 %, red at or over the limit — and the numbers written out, so colour is never the only signal.
 */
export function gauge(g: GaugeInput): string {
  const share = g.limit > 0 ? g.value / g.limit : g.value > 0 ? Infinity : 0;
  const level = share >= 1 && !(g.limit === 0 && g.value === 0) ? 'sw-bad' : share > 0.7 ? 'sw-warn' : 'sw-good';
  const filled = Math.max(0, Math.min(100, share * 100));
  const arc = 'M 10 50 A 40 40 0 0 1 90 50';
  return `<figure class="sw-gauge ${level}" data-gauge="${esc(g.name)}">
  <svg viewBox="0 0 100 58" role="img" aria-label="${esc(g.name)}: ${num(g.value)} of ${num(g.limit)} ${esc(g.unit)}">
    <path class="sw-gauge-track" d="${arc}" pathLength="100"></path>
    <path class="sw-gauge-fill" d="${arc}" pathLength="100" stroke-dasharray="${filled.toFixed(2)} 100"></path>
    <text x="50" y="46" text-anchor="middle" class="sw-gauge-value">${gaugePercent(share)}</text>
  </svg>
  <figcaption><b>${esc(g.name)}</b><br>${num(g.value)} of ${num(g.limit)} ${esc(g.unit)}<br><small>${esc(g.note)}</small></figcaption>
</figure>`;
}

/** The budgets the answer is held to: state latency on the hot path, and the tightest check of each kind. */
export function budgetGauges(rec: Recommendation): string {
  const gauges: GaugeInput[] = [{
    name: 'latency', value: rec.capacity.hotPathMs, limit: rec.capacity.latencyBudgetMs, unit: 'ms',
    note: 'state access on the hot path vs the share of p99 left for state',
  }];
  const tightest = new Map<string, { value: number; limit: number; unit: string; margin: number; state: string; passed: boolean }>();
  for (const p of rec.placements) {
    for (const c of p.checks) {
      if (!GAUGED.has(c.check)) continue;
      const seen = tightest.get(c.check);
      if (!seen || (seen.passed && !c.passed) || (seen.passed === c.passed && c.margin < seen.margin)) tightest.set(c.check, { ...c, state: p.state });
    }
  }
  for (const [check, c] of [...tightest].sort((a, b) => a[0].localeCompare(b[0]))) {
    gauges.push({ name: GAUGED.get(check)!, value: c.value, limit: c.limit, unit: c.unit, note: `tightest: ${c.state} (${check})` });
  }
  return `<div class="sw-gauges">${gauges.map(gauge).join('\n')}</div>`;
}

const GAUGED = new Map([
  ['check.memory', 'memory'],
  ['check.throughput', 'throughput (nodes)'],
  ['check.write-throughput', 'write throughput'],
  ['check.instance-network', 'instance network'],
]);

/** The gauge's big number: never a bare 0% for a value that is there, never a rounded-down 100% for one over. */
function gaugePercent(share: number): string {
  if (!Number.isFinite(share)) return '∞';
  if (share > 0 && share < 0.01) return '<1%';
  return `${share >= 1 ? Math.ceil(share * 100) : Math.min(99, Math.round(share * 100))}%`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

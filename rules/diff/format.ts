import type { AnswerDiff, PlanRow } from './answer-diff.ts';
import type { FigureChange, Value } from './pair.ts';

/**
 * A value as both renderers print it: integers whole, other numbers to 4 significant digits (2 decimals from 1000
 * up), booleans yes/no, absent as a dash.
 * @example formatValue(5.126953125) === '5.127'
 */
export function formatValue(v: Value, unit?: string): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const text = typeof v === 'number' ? formatNumber(v) : v;
  return unit ? `${text} ${unit}` : text;
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 1000 ? String(Math.round(n * 100) / 100) : String(Number(n.toPrecision(4)));
}

/** `before → after`, or the one value when they are equal. */
export function arrow(before: Value, after: Value, unit?: string): string {
  return before === after ? formatValue(after, unit) : `${formatValue(before, unit)} → ${formatValue(after, unit)}`;
}

/** A change as one phrase: `traffic.peakRps 2500 → 5000`. */
export function figureLine(c: FigureChange): string {
  return `${c.figure} ${arrow(c.before, c.after, c.unit)}`;
}

/**
 * Monthly cost and its change, like a cost-diff tool: `$306 → $450 (+$144, +47%)`. A plan that is not possible
 * (no instances: the engine did not cost it) shows a dash, never $0.
 */
export function costLine(p: PlanRow): string {
  const { before, after } = p.monthlyUsd;
  const usd = (n: number, instances: number) => (instances === 0 ? '—' : `$${formatNumber(n)}`);
  const b = usd(before, p.instances.before);
  const a = usd(after, p.instances.after);
  if (b === a) return a;
  if (b === '—' || a === '—') return `${b} → ${a}`;
  const delta = after - before;
  const sign = delta > 0 ? '+' : '-';
  const pct = before > 0 ? `, ${sign}${Math.round((Math.abs(delta) / before) * 100)}%` : '';
  return `${b} → ${a} (${sign}$${formatNumber(Math.abs(delta))}${pct})`;
}

/** The heading both renderers open with: the service and its verdict before → after. */
export function headline(d: AnswerDiff): string {
  const service = d.service.before === d.service.after ? d.service.after : `${d.service.before} → ${d.service.after}`;
  const verdict = d.verdict.before === d.verdict.after ? `${d.verdict.after} (unchanged)` : `${d.verdict.before} → ${d.verdict.after}`;
  return `${service}: ${verdict}`;
}

/** A plan's name with a marker for the chosen one on each side. */
export function planName(p: PlanRow): string {
  const mark = p.chosen.before && p.chosen.after ? ' (chosen)' : p.chosen.after ? ' (now chosen)' : p.chosen.before ? ' (was chosen)' : '';
  return `${p.plan}${mark}`;
}

/** `high → (gone)`, `(new) → medium`. */
export function severityArrow(before: string | null, after: string | null): string {
  return `${before ?? '(new)'} → ${after ?? '(gone)'}`;
}

/** The confidence as a percentage pair. */
export function confidenceArrow(d: AnswerDiff): string {
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  return d.confidence.before === d.confidence.after ? pct(d.confidence.after) : `${pct(d.confidence.before)} → ${pct(d.confidence.after)}`;
}

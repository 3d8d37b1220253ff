import type { Recommendation } from '../../rules/index.ts';
import { oneLine, printable } from './escape.ts';

/** The human summary `statewise advise` prints: verdict first, then the tables a reviewer scans. */
export function renderText(r: Recommendation, file: string): string {
  const lines: string[] = [];
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  lines.push(`${file}: ${r.service} → ${r.verdict.toUpperCase()} (confidence ${pct(r.confidence)})`);
  lines.push(`  scores  stateless ${r.scores.stateless} · stateful ${r.scores.stateful} · hybrid ${r.scores.hybrid}`);
  lines.push('', wrap(r.summary, 100, '  '));
  if (r.placements.length) {
    lines.push('', 'Placements');
    const w = Math.max(5, ...r.placements.map((p) => p.state.length + (p.implied ? 10 : 0)));
    const sw = Math.max(...r.placements.map((p) => p.store.length));
    for (const p of r.placements) {
      const name = p.implied ? `${p.state} (implied)` : p.state;
      lines.push(`  ${name.padEnd(w)}  ${p.store.padEnd(sw)}  ${p.ttl ? `ttl ${p.ttl}` : ''}`.trimEnd());
      lines.push(wrap(p.why[0] ?? '', 100, '      '));
    }
  }
  if (r.implied.length) lines.push('', 'Implied', ...r.implied.map((t) => `  - ${t}`));
  lines.push('', 'Strongest factors');
  for (const f of r.factors.slice(0, 5)) {
    const e = f.effect;
    const fx = `stateless ${sign(e.stateless)} · stateful ${sign(e.stateful)} · hybrid ${sign(e.hybrid)}`;
    lines.push(`  ${f.rule}  (${fx})`, wrap(f.because, 100, '      '));
  }
  lines.push('', `Scaling   routing ${r.scaling.routing}; ${r.scaling.autoscaling}`);
  lines.push(`Failure   ${r.failure.onInstanceLoss}`);
  lines.push(`Capacity  ${r.capacity.instances} instance(s) · ${r.capacity.concurrentSessions} concurrent sessions · ${r.capacity.inProcessMemoryMb} MB in process per instance · ${r.capacity.externalStoreMemoryMb} MB in cache · ${r.capacity.externalReadsPerSecond} store reads/s`);
  if (r.risks.length) {
    lines.push('', 'Risks');
    for (const k of r.risks) lines.push(`  [${k.severity}] ${k.id}`, wrap(k.text, 100, '      '), wrap(`→ ${k.mitigation}`, 100, '      '));
  }
  if (r.acceptedRisks.length) {
    lines.push('', 'Accepted risks');
    for (const k of r.acceptedRisks) lines.push(`  [${k.severity}] ${oneLine(k.id)} until ${k.until}: ${oneLine(k.reason)}`);
  }
  if (r.tippingPoints.length) {
    lines.push('', 'Tipping points');
    for (const t of r.tippingPoints) lines.push(`  - ${t.note}`);
  }
  return lines.join('\n');
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

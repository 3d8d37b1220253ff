import type { Recommendation } from '../contract/recommendation.ts';
import { cell, code, codeCell, inline, table } from './markdown.ts';

/** The review's consequences: open risks with their mitigations, accepted ones, and what would make it revisit. */
export function risks(rec: Recommendation): string {
  const out = ['## Risks and mitigations'];
  if (rec.risks.length === 0) out.push('No open risks.');
  else {
    out.push(table(['Risk', 'Severity', 'What', 'Mitigation'],
      rec.risks.map((r) => [codeCell(r.id), cell(r.severity), cell(r.text), cell(r.mitigation)])));
  }
  return out.join('\n\n');
}

export function acceptedRisks(rec: Recommendation): string {
  const out = ['## Accepted risks'];
  if (rec.acceptedRisks.length === 0) {
    out.push('None. To accept a risk, list its id under `accept:` in the requirements file with a reason and an expiry date (`until: YYYY-MM-DD`).');
  } else {
    out.push(rec.acceptedRisks.map((a) =>
      `- ${code(a.id)} (${a.severity}): Accepting that ${inline(a.text)}, because ${inline(a.reason).replace(/\.$/, '')}. Expires ${a.until}.`).join('\n'));
  }
  return out.join('\n\n');
}

export function revisit(rec: Recommendation): string {
  const out = ['## Revisit when'];
  if (rec.tippingPoints.length === 0) out.push('No single change of one input flips the verdict; revisit when several requirements change at once.');
  else {
    out.push(rec.tippingPoints.map((t) =>
      `- ${code(t.input)} goes from ${code(String(t.from))} to ${code(String(t.to))}: the verdict ${t.verdict === rec.verdict ? 'stays' : 'becomes'} **${t.verdict}**${t.feasible === rec.feasible ? '' : t.feasible ? ', and a plan passes every check' : ', and no plan passes every check'} (${inline(t.note)})`).join('\n'));
  }
  return out.join('\n\n');
}

/** Every fired rule with what it did: moved scores, placed or ruled out stores, raised risks. */

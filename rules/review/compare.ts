import { VERDICTS, type Store, type Verdict } from '../contract/recommendation.ts';
import type { Provenance } from './provenance.ts';

/** What differs between the provenance a review recorded and the one the current requirements and rules give. */
export interface ProvenanceChanges {
  /** True when anything below differs: the committed review's provenance is no longer current. */
  changed: boolean;
  /**
   * True when the answer itself differs — the verdict, a placement, or the open or accepted risks — rather than only
   * what led to it (scores, fired rules, rules version, input digest). `check` fails on this; `--strict` on `changed`.
   */
  answerChanged: boolean;
  verdict?: { from: Verdict; to: Verdict };
  /** Items whose store changed; `from` absent = new item, `to` absent = item removed. */
  placements: { state: string; from?: Store; to?: Store }[];
  scores: { option: Verdict; from: number; to: number }[];
  rulesVersion?: { from: string; to: string };
  inputDigest?: { from: string; to: string };
  rules: { added: string[]; removed: string[] };
  /** Open risks that appeared or went away (an expired acceptance shows up here and in `accepted.removed`). */
  risks: { added: string[]; removed: string[] };
  accepted: { added: string[]; removed: string[] };
}

/**
 * Pure comparison of two provenance records (the committed review's, and a fresh one).
 * @example compareProvenance(parsed.value, provenanceOf(engine.advise(req))).changed
 */
export function compareProvenance(previous: Provenance, current: Provenance): ProvenanceChanges {
  const out: ProvenanceChanges = {
    changed: false, answerChanged: false, placements: [], scores: [], rules: diff(previous.rules, current.rules),
    risks: diff(previous.risks, current.risks), accepted: diff(previous.accepted, current.accepted),
  };
  if (previous.verdict !== current.verdict) out.verdict = { from: previous.verdict, to: current.verdict };
  const names = [...new Set([...Object.keys(previous.placements), ...Object.keys(current.placements)])];
  for (const state of names) {
    const from = previous.placements[state];
    const to = current.placements[state];
    if (from === to) continue;
    const change: { state: string; from?: Store; to?: Store } = { state };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    out.placements.push(change);
  }
  for (const option of VERDICTS) {
    if (previous.scores[option] !== current.scores[option]) out.scores.push({ option, from: previous.scores[option], to: current.scores[option] });
  }
  if (previous.rulesVersion !== current.rulesVersion) out.rulesVersion = { from: previous.rulesVersion, to: current.rulesVersion };
  if (previous.inputDigest !== current.inputDigest) out.inputDigest = { from: previous.inputDigest, to: current.inputDigest };
  const moved = (l: { added: string[]; removed: string[] }) => l.added.length > 0 || l.removed.length > 0;
  out.answerChanged = Boolean(out.verdict || out.placements.length || moved(out.risks) || moved(out.accepted));
  const lists = [out.rules, out.risks, out.accepted];
  out.changed = Boolean(out.verdict || out.placements.length || out.scores.length || out.rulesVersion || out.inputDigest
    || lists.some((l) => l.added.length || l.removed.length));
  return out;
}

function diff(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((x) => !before.includes(x)), removed: before.filter((x) => !after.includes(x)) };
}

/**
 * The lines of `describeChanges` that are about the answer (verdict, placements, risks), then the rest; `answer`
 * says how many lead. The CLI prints the answer first and the inputs as context.
 * @example splitChanges(c).answer // ['verdict: stateless → hybrid', 'new risk: risk.single-instance']
 */
export function splitChanges(c: ProvenanceChanges): { answer: string[]; inputs: string[] } {
  const answerOnly: ProvenanceChanges = { ...c, scores: [], rules: { added: [], removed: [] } };
  delete answerOnly.rulesVersion;
  delete answerOnly.inputDigest;
  const inputsOnly: ProvenanceChanges = { ...c, placements: [], risks: { added: [], removed: [] }, accepted: { added: [], removed: [] } };
  delete inputsOnly.verdict;
  return { answer: describeChanges(answerOnly), inputs: describeChanges(inputsOnly) };
}

/**
 * One line per change, for CLI output and editor diagnostics.
 * @example describeChanges(changes) // ['verdict: stateless → hybrid', 'placement cart: database → in-process-sticky']
 */
export function describeChanges(c: ProvenanceChanges): string[] {
  const lines: string[] = [];
  if (c.verdict) lines.push(`verdict: ${c.verdict.from} → ${c.verdict.to}`);
  for (const p of c.placements) lines.push(`placement ${p.state}: ${p.from ?? '(new item)'} → ${p.to ?? '(removed)'}`);
  for (const s of c.scores) lines.push(`score ${s.option}: ${s.from} → ${s.to}`);
  if (c.rules.added.length) lines.push(`rules now firing: ${c.rules.added.join(', ')}`);
  if (c.rules.removed.length) lines.push(`rules no longer firing: ${c.rules.removed.join(', ')}`);
  for (const id of c.risks.added) {
    lines.push(c.accepted.removed.includes(id) ? `risk ${id}: no longer accepted (expired or removed from accept:)` : `new risk: ${id}`);
  }
  for (const id of c.risks.removed) if (!c.accepted.added.includes(id)) lines.push(`risk gone: ${id}`);
  for (const id of c.accepted.added) lines.push(`risk ${id}: now accepted`);
  for (const id of c.accepted.removed) if (!c.risks.added.includes(id)) lines.push(`accepted risk gone: ${id}`);
  if (c.rulesVersion) lines.push(`rules version: ${c.rulesVersion.from} → ${c.rulesVersion.to}`);
  if (c.inputDigest) lines.push(`requirements changed: input digest ${short(c.inputDigest.from)} → ${short(c.inputDigest.to)}`);
  return lines;
}

function short(digest: string): string {
  return digest.slice(0, 'sha256:'.length + 12);
}

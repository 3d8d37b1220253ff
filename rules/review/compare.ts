import { VERDICTS, type Store, type Verdict } from '../contract/recommendation.ts';
import type { Provenance } from './provenance.ts';

/** What differs between the provenance a review recorded and the one the current requirements and rules give. */
export interface ProvenanceChanges {
  /** True when anything below differs: the committed review no longer describes the current answer. */
  changed: boolean;
  verdict?: { from: Verdict; to: Verdict };
  /** Items whose store changed; `from` absent = new item, `to` absent = item removed. */
  placements: { state: string; from?: Store; to?: Store }[];
  scores: { option: Verdict; from: number; to: number }[];
  rulesVersion?: { from: string; to: string };
  inputDigest?: { from: string; to: string };
  rules: { added: string[]; removed: string[] };
}

/**
 * Pure comparison of two provenance records (the committed review's, and a fresh one).
 * @example compareProvenance(parsed.value, provenanceOf(engine.advise(req))).changed
 */
export function compareProvenance(previous: Provenance, current: Provenance): ProvenanceChanges {
  const out: ProvenanceChanges = { changed: false, placements: [], scores: [], rules: { added: [], removed: [] } };
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
  out.rules.added = current.rules.filter((r) => !previous.rules.includes(r));
  out.rules.removed = previous.rules.filter((r) => !current.rules.includes(r));
  out.changed = Boolean(out.verdict || out.placements.length || out.scores.length || out.rulesVersion || out.inputDigest
    || out.rules.added.length || out.rules.removed.length);
  return out;
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
  if (c.rulesVersion) lines.push(`rules version: ${c.rulesVersion.from} → ${c.rulesVersion.to}`);
  if (c.inputDigest) lines.push(`requirements changed: input digest ${short(c.inputDigest.from)} → ${short(c.inputDigest.to)}`);
  return lines;
}

function short(digest: string): string {
  return digest.slice(0, 'sha256:'.length + 12);
}

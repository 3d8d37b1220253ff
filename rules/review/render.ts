import type { Requirements } from '../contract/requirements.ts';
import { VERDICTS, type Recommendation, type Store, type Verdict } from '../contract/recommendation.ts';
import { cell, code, codeCell, inline, table } from './markdown.ts';
import { flowchart } from './mermaid.ts';
import { capacity, feasibility } from './figures.ts';
import { acceptedRisks, revisit, risks } from './risk-sections.ts';
import { failureSection } from './failure-section.ts';
import { notesSection } from './notes-section.ts';
import { drivers, effectText, options } from './options-section.ts';
import { defaultReasons, type DefaultReason } from './default-reasons.ts';
import { citedRules, frontMatter, provenanceOf, quotedRules } from './provenance.ts';
import { STORE_INFO } from '../model/stores.ts';
import { count, someNames } from '../contract/words.ts';

export interface ReviewInput {
  requirements: Requirements;
  recommendation: Recommendation;
  /** YYYY-MM-DD written to the front matter; callers pass the existing review's date to avoid churn. */
  date: string;
  /** The requirements file the review came from, recorded in the provenance. */
  source?: string;
}

/**
 * The design-review document: MADR 4 front matter with statewise provenance, then the sections a design review
 * reads (context, drivers, options, outcome, placement plan and diagram, operations, the failure table, capacity, risks, revisit
 * triggers, fired rules). Pure: the same input renders byte-identical Markdown.
 * @example renderReview({ requirements, recommendation: engine.advise(requirements), date: '2026-11-26' })
 */
export function renderReview(input: ReviewInput): string {
  const { requirements: req, recommendation: rec } = input;
  const sections = [
    frontMatter(provenanceOf(rec, input.source), input.date, req.decisionMakers),
    `# ${inline(rec.service)}: ${title(rec)}`,
    context(req, rec, input.source),
    drivers(rec),
    options(rec),
    outcome(rec),
    notesSection(rec),
    placementPlan(rec),
    feasibility(rec),
    operations(rec),
    failureSection(rec),
    capacity(rec, req),
    risks(rec),
    acceptedRisks(rec),
    revisit(rec),
    appendix(rec),
  ].filter((x): x is string => x !== undefined);
  const text = sections.join('\n\n').split('\n').map((l) => l.trimEnd()).join('\n');
  return `${text}\n`;
}

/** A stateless answer whose items are all copies inside each instance does not keep its state "outside". */
function title(rec: Recommendation): string {
  // A title is read as the decision: when no plan passes every check it must not read as one that does.
  if (!rec.feasible) return `no plan passes every feasibility check (${rec.verdict} fails least)`;
  if (rec.verdict !== 'stateless') return TITLE[rec.verdict];
  if (rec.placements.length === 0) return 'a stateless service with no state to keep';
  if (rec.placements.every((p) => p.store === 'in-process-copy')) return 'a stateless service, its reference data copied into every instance';
  return TITLE.stateless;
}

const TITLE: Record<Verdict, string> = {
  stateless: 'a stateless service, its state kept outside the instances',
  stateful: 'a stateful service, its sessions held in instance memory',
  hybrid: 'a hybrid service, split into a stateless and a stateful tier',
};

function context(req: Requirements, rec: Recommendation, source?: string): string {
  const out = ['## Context and problem statement'];
  const what = `Where should ${code(req.service)} keep the state it must remember between requests, and should its compute tier be stateless, stateful or hybrid?`;
  out.push(req.description ? `${inline(req.description)}\n\n${what}` : what);
  if (source) out.push(`Requirements: ${code(source)}.`);
  const t = req.traffic;
  const rows: [string, string][] = [
    ['context.memory', req.context.memory],
    ['context.workflow', req.context.workflow],
    ['context.realtime', req.context.realtime],
    ['context.sharedState', req.context.sharedState],
    ['traffic.peakRps', String(t.peakRps)],
    // Rows for round-3 fields appear only when written, so reviews of older files stay byte-identical.
    ...(t.source !== undefined ? [['traffic.source', t.source] as [string, string]] : []),
    ['traffic.concurrentSessions', t.concurrentSessions !== undefined ? String(t.concurrentSessions)
      : t.source === 'stream' ? 'derived (live keys of the stream)' : 'derived (Little\'s law)'],
    ['traffic.sessionMinutes', String(t.sessionMinutes)],
    ['traffic.spiky', String(t.spiky)],
    ['traffic.regions', String(t.regions)],
    ['failure.sessionLoss', req.failure.sessionLoss],
    ['failure.availability', `${req.failure.availability}%`],
    ['failure.deploysPerDay', String(req.failure.deploysPerDay)],
    ['latency.p99Ms', String(req.latency.p99Ms)],
    ['constraints.ops', req.constraints.ops],
    ['constraints.stores', req.constraints.stores.length ? req.constraints.stores.join(', ') : 'none'],
  ];
  out.push(table(['Requirement', 'Value'], rows.map(([k, v]) => [codeCell(k), cell(v)])));
  if (req.state.length) {
    out.push(table(
      ['State item', 'Owner', 'Lifetime', 'Size (KB)', 'Writes/min', 'Sensitivity', 'Loss impact', 'Consistency', 'Hot path'],
      req.state.map((s) => [codeCell(s.name), s.owner, s.lifetime, String(s.sizeKb), String(s.writesPerMinute), s.sensitivity,
        s.lossImpact, s.consistency, s.hotPath ? 'yes' : 'no'].map((v, i) => (i === 0 ? v : cell(v)))),
    ));
  } else out.push('No state items are listed.');
  const assumed = defaults(rec, req);
  if (assumed) out.push(assumed);
  return out.join('\n\n');
}

/**
 * The fields the requirements leave out that the answer leans on, each with why (issue 14; issue 29: a real reason
 * per default, and none of those that decide nothing).
 */

function defaults(rec: Recommendation, req: Requirements): string | undefined {
  const applied = rec.defaultsApplied ?? [];
  if (!applied.length) return undefined;
  const reasons = defaultReasons(rec, req);
  const left = applied.length === 1 ? 'one field' : `${applied.length} fields`;
  if (!reasons.length) return `The requirements leave ${left} to statewise's defaults; ${applied.length === 1 ? 'it decides nothing' : 'none of them decides anything'} in this answer.`;
  const rest = applied.length - reasons.reduce((n, r) => n + (r.items?.length ?? 1), 0);
  const field = (d: DefaultReason) => (d.items ? `${codeCell(d.field)} of ${count(d.items.length, 'item')}: ${cell(someNames(d.items))}` : codeCell(d.field));
  return [
    `The requirements leave ${left} to statewise's defaults; the answer leans on these${rest > 0 ? ` (the other ${rest} decide nothing here)` : ''}:`,
    '',
    table(['Field', 'Assumed', 'Why it matters'], reasons.map((d) => [field(d), cell(d.value), cell(d.why)])),
  ].join('\n');
}

/** Factors that moved a score, strongest first (the engine already orders them). */
function outcome(rec: Recommendation): string {
  const out = ['## Decision outcome'];
  out.push(`Chosen option: **${rec.verdict}**, with confidence ${rec.confidence} (scores: ${VERDICTS.map((v) => `${v} ${rec.scores[v]}`).join(', ')}).`);
  out.push(inline(rec.summary));
  if (rec.implied.length) out.push(rec.implied.map((t) => `- Implied: ${inline(t)}`).join('\n'));
  return out.join('\n\n');
}

const ON_LOSS = (s: Store) => STORE_INFO[s].onInstanceLoss;

function placementPlan(rec: Recommendation): string {
  const out = ['## State placement plan'];
  if (rec.placements.length === 0) out.push('Nothing is kept between requests: every request carries what it needs.');
  else {
    const lost = rec.failure.sessionsLostPerInstanceLoss;
    // Short cells keep the table one line per item; the reasons, often a paragraph, are a list below it.
    out.push(table(['Item', 'Store', 'Technology', 'TTL', 'On instance loss'], rec.placements.map((p) => [
      p.implied ? `${codeCell(p.state)} (implied)` : codeCell(p.state),
      codeCell(p.store),
      cell(p.technology === 'none' ? '' : p.technology),
      cell(p.ttl ?? ''),
      cell(p.store === 'in-process-sticky' && lost > 0 ? `${ON_LOSS(p.store)}: about ${lost} sessions start over` : ON_LOSS(p.store)),
    ])));
    out.push(['Why each item lives there:', '', ...rec.placements.map((p) => `- ${code(p.state)} in ${code(p.store)}: ${p.why.length ? p.why.map(inline).join('; ') : 'no reason given'}`)].join('\n'));
  }
  out.push(['```mermaid', flowchart(rec), '```'].join('\n'));
  return out.join('\n\n');
}

function operations(rec: Recommendation): string {
  const s = rec.scaling;
  const f = rec.failure;
  return ['## Scaling and failure plan', [
    `- **Routing:** ${code(s.routing)}`,
    `- **Replication:** ${inline(s.replication)}`,
    `- **Autoscaling:** ${inline(s.autoscaling)}`,
    ...s.notes.map((n) => `- ${inline(n)}`),
    `- **On instance loss:** ${inline(f.onInstanceLoss)} (sessions lost per instance loss: ${f.sessionsLostPerInstanceLoss})`,
    `- **On deploy:** ${inline(f.onDeploy)}`,
    ...f.notes.map((n) => `- ${inline(n)}`),
  ].join('\n')].join('\n\n');
}

/** The physics: each plan side by side (feasible, blockers, cost) and each placement's tightest check. */
function appendix(rec: Recommendation): string {
  const uses = new Map<string, string[]>();
  const add = (id: string, use: string) => {
    const list = uses.get(id) ?? [];
    if (!list.includes(use)) list.push(use);
    uses.set(id, list);
  };
  for (const f of rec.factors) add(f.rule, `scores: ${effectText(f)}`);
  for (const p of rec.placements) {
    for (const w of p.why) for (const id of quotedRules(w)) add(id, `placed ${p.state} in ${p.store}`);
    for (const a of p.alternatives) for (const id of quotedRules(a.whyNot)) add(id, `against ${a.store} for ${p.state}`);
  }
  for (const v of VERDICTS) for (const b of rec.plans[v].blockers) add(b.check, `blocks the ${v} plan (${b.state} in ${b.store})`);
  for (const r of rec.risks) add(r.rule, `risk ${r.id}`);
  for (const r of rec.acceptedRisks) add(r.id.split(':')[0]!, `accepted risk ${r.id}`);
  const rows = citedRules(rec).map((id) => [codeCell(id), cell((uses.get(id) ?? []).join('; '))]);
  return ['## Appendix: rules that fired',
    `Rules version ${code(rec.rulesVersion)}, input digest ${code(rec.inputDigest)}.`,
    table(['Rule', 'What it did'], rows)].join('\n\n');
}

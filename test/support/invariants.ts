import { RecommendationSchema, type Engine, type Recommendation, type Requirements } from '../../rules/index.ts';
import type { Catalog } from '../../rules/catalog/compiled.ts';
import { buildContext } from '../../rules/engine/context.ts';
import type { EvalItem } from '../../rules/model/context.ts';

/**
 * docs/design.md's invariants as plain checks over one (requirements, recommendation) pair. Each returns the list of
 * violations in words (empty when it holds), so a failing property prints the item, its facts and its store.
 */
export const IN_PROCESS = new Set(['in-process-sticky', 'in-process-replicated', 'in-process-checkpointed']);
export const SESSION_LIFETIMES = new Set(['minutes', 'hours']);
export const DURABLE_LIFETIMES = new Set(['days', 'forever']);
export const SYSTEMS_OF_RECORD = new Set(['database', 'durable-log', 'object-store', 'in-process-checkpointed']);

export interface Placed { item: EvalItem; store: string }

/** Every item the engine evaluated (listed and implied) with the store the answer gives it. */
export function placedItems(req: Requirements, rec: Recommendation): { placed: Placed[]; problems: string[] } {
  const problems: string[] = [];
  const items = buildContext(req).items;
  const byName = new Map(rec.placements.map((p) => [p.state, p]));
  if (byName.size !== rec.placements.length) problems.push('two placements share a state name');
  for (const listed of req.state) {
    const p = byName.get(listed.name);
    if (!p) problems.push(`listed item ${listed.name} has no placement`);
    else if (p.implied) problems.push(`listed item ${listed.name} is marked implied`);
  }
  const placed: Placed[] = [];
  for (const item of items) {
    const p = byName.get(item.name);
    if (!p) { problems.push(`item ${item.name} has no placement`); continue; }
    if (p.implied !== item.implied) problems.push(`${item.name}: implied is ${p.implied}, engine says ${item.implied}`);
    placed.push({ item, store: p.store });
  }
  if (rec.placements.length !== items.length) problems.push(`${rec.placements.length} placements for ${items.length} items`);
  return { placed, problems };
}

const describeItem = (p: Placed) =>
  `${p.item.name}{owner ${p.item.owner}, lifetime ${p.item.lifetime}, sizeKb ${p.item.sizeKb}, sensitivity ${p.item.sensitivity}, lossImpact ${p.item.lossImpact}} in ${p.store}`;

/** Invariants 1–6 (placement and verdict) plus the vocabulary they rest on. */
export function placementViolations(req: Requirements, rec: Recommendation): string[] {
  const { placed, problems } = placedItems(req, rec);
  const out = [...problems];
  const riskIds = new Set(rec.risks.map((r) => r.id));
  for (const p of placed) {
    const { item, store } = p;
    const at = describeItem(p);
    // 1. secret never in a token; personal only in an encrypted one (the answer must demand encryption).
    if (store === 'client-token' && item.sensitivity === 'secret') out.push(`inv1 secret in client-token: ${at}`);
    if (store === 'client-token' && item.sensitivity === 'personal' && !riskIds.has(`risk.token-must-be-encrypted:${item.name}`)) {
      out.push(`inv1 personal in client-token without risk.token-must-be-encrypted: ${at}`);
    }
    // 2. cookie limit and one owner per token.
    if (store === 'client-token' && item.sizeKb > 4) out.push(`inv2 item over 4 KB in client-token: ${at}`);
    if (store === 'client-token' && (item.owner === 'shared' || item.owner === 'global')) out.push(`inv2 ${item.owner} item in client-token: ${at}`);
    // 12. a token reaches only the client that holds it, and that client can drop or replay it.
    if (store === 'client-token' && (item.limitsOwner || item.readers === 'others' || req.traffic.source === 'stream')) {
      out.push(`inv12 client-token for an item with limitsOwner ${item.limitsOwner}, readers ${item.readers}, source ${req.traffic.source ?? 'clients'}: ${at}`);
    }
    // 3. critical state survives the loss of one machine.
    if (item.lossImpact === 'critical' && !['database', 'durable-log', 'object-store', 'in-process-replicated', 'in-process-checkpointed'].includes(store)) {
      out.push(`inv3 critical item outside database/durable-log/object-store/in-process-replicated/in-process-checkpointed: ${at}`);
    }
    // 4. unacceptable session loss forbids sticky memory for session-scoped state.
    if (req.failure.sessionLoss === 'unacceptable' && SESSION_LIFETIMES.has(item.lifetime) && store === 'in-process-sticky') {
      out.push(`inv4 session-scoped item in in-process-sticky with sessionLoss unacceptable: ${at}`);
    }
    // 6. valuable durable records have a system of record.
    if (DURABLE_LIFETIMES.has(item.lifetime) && item.kind === 'record' && (item.lossImpact === 'costly' || item.lossImpact === 'critical')
      && !SYSTEMS_OF_RECORD.has(store)) {
      out.push(`inv6 ${item.lifetime} ${item.lossImpact} record outside database/durable-log/object-store: ${at}`);
    }
    // in-process-copy holds reference data only; reference data is never pinned to one instance or one client.
    if (store === 'in-process-copy' && item.kind !== 'reference') out.push(`vocabulary: ${item.kind} item copied into every instance: ${at}`);
    // Vocabulary: request state is never kept (unless invariant 3 demands it be committed: critical in-flight
    // work); durable records always have a system of record.
    if (item.lifetime === 'request' && item.lossImpact !== 'critical' && store !== 'none') out.push(`vocabulary: request-scoped item is kept: ${at}`);
    if (item.lifetime === 'request' && item.lossImpact === 'critical' && store !== 'database' && store !== 'durable-log') {
      out.push(`inv3 critical in-flight item not committed to database/durable-log: ${at}`);
    }
    if (item.lifetime !== 'request' && store === 'none') out.push(`vocabulary: kept item placed nowhere: ${at}`);
    if (DURABLE_LIFETIMES.has(item.lifetime) && item.kind === 'record' && !SYSTEMS_OF_RECORD.has(store)) {
      out.push(`vocabulary: durable record without a system of record: ${at}`);
    }
  }
  // 5. the verdict follows from where session-scoped state lives.
  const inProcess = placed.filter((p) => IN_PROCESS.has(p.store));
  // Session-scoped state is the live context of a session: reference data (the same for everyone) is not, even when
  // it is kept for minutes or hours.
  const session = placed.filter((p) => SESSION_LIFETIMES.has(p.item.lifetime) && p.item.kind !== 'reference');
  const sessionIn = session.filter((p) => IN_PROCESS.has(p.store));
  if ((rec.verdict === 'stateless') !== (inProcess.length === 0)) {
    out.push(`inv5 verdict ${rec.verdict} with ${inProcess.length} item(s) in process: ${inProcess.map(describeItem).join('; ')}`);
  }
  if (rec.verdict === 'stateful' && (session.length === 0 || sessionIn.length !== session.length)) {
    out.push(`inv5 stateful but session-scoped items outside the process: ${session.filter((p) => !IN_PROCESS.has(p.store)).map(describeItem).join('; ') || '(no session-scoped items)'}`);
  }
  if (rec.verdict === 'hybrid' && (sessionIn.length === 0 || sessionIn.length === session.length)) {
    out.push(`inv5 hybrid needs session-scoped items on both sides; ${sessionIn.length} of ${session.length} in process`);
  }
  // docs/design.md: real-time connections are in-process by nature (a socket lives on one instance).
  if (req.context.realtime !== 'none' && !placed.some((p) => p.item.connection && IN_PROCESS.has(p.store))) {
    out.push(`realtime ${req.context.realtime} but no socket item in process (verdict ${rec.verdict})`);
  }
  if ((rec.verdict === 'stateless') !== (rec.scaling.routing === 'any-instance')) {
    out.push(`inv5 verdict ${rec.verdict} with routing ${rec.scaling.routing}`);
  }
  return out;
}

/** Invariant 9: scores are base + listed effects, clamped; every fired service rule is a factor, and only those. */
export function scoreViolations(catalog: Catalog, req: Requirements, rec: Recommendation): string[] {
  const out: string[] = [];
  for (const arch of ['stateless', 'stateful', 'hybrid'] as const) {
    const sum = 50 + rec.factors.reduce((a, f) => a + f.effect[arch], 0);
    const expected = Math.max(0, Math.min(100, sum));
    if (rec.scores[arch] !== expected) out.push(`inv9 ${arch} score ${rec.scores[arch]} but 50 + effects = ${sum} → ${expected}`);
  }
  const ctx = buildContext(req);
  const fired = catalog.service.filter((r) => r.test(ctx, undefined, undefined));
  const factorIds = rec.factors.map((f) => f.rule);
  if (new Set(factorIds).size !== factorIds.length) out.push(`inv9 a rule is listed twice: ${factorIds.join(', ')}`);
  for (const rule of fired) {
    const f = rec.factors.find((x) => x.rule === rule.id);
    if (!f) { out.push(`inv9 fired rule ${rule.id} missing from factors`); continue; }
    if (f.effect.stateless !== rule.effect.stateless || f.effect.stateful !== rule.effect.stateful || f.effect.hybrid !== rule.effect.hybrid) {
      out.push(`inv9 factor ${rule.id} effect ${JSON.stringify(f.effect)} differs from the rule's ${JSON.stringify(rule.effect)}`);
    }
  }
  const firedIds = new Set(fired.map((r) => r.id));
  for (const id of factorIds) if (id !== 'plan.fit' && !firedIds.has(id)) out.push(`inv9 factor ${id} did not fire`);
  if (!factorIds.includes('plan.fit')) out.push('inv9 the plan-fit factor is missing');
  return out;
}

/** Every sentence of the answer, with where it came from. */
export function sentences(rec: Recommendation): [string, string][] {
  const out: [string, string][] = [['summary', rec.summary]];
  rec.factors.forEach((f) => out.push([`factor ${f.rule}`, f.because]));
  for (const p of rec.placements) {
    p.why.forEach((w) => out.push([`why ${p.state}`, w]));
    p.alternatives.forEach((a) => out.push([`whyNot ${p.state}/${a.store}`, a.whyNot]));
  }
  rec.risks.forEach((r) => out.push([`risk ${r.id}`, r.text], [`mitigation ${r.id}`, r.mitigation]));
  rec.acceptedRisks.forEach((r) => out.push([`accepted ${r.id}`, r.text]));
  rec.tippingPoints.forEach((t) => out.push([`tipping ${t.input}`, t.note]));
  rec.implied.forEach((t) => out.push(['implied', t]));
  out.push(['scaling', rec.scaling.replication], ['scaling', rec.scaling.autoscaling], ['failure', rec.failure.onInstanceLoss], ['failure', rec.failure.onDeploy]);
  rec.scaling.notes.forEach((t) => out.push(['scaling note', t]));
  rec.failure.notes.forEach((t) => out.push(['failure note', t]));
  rec.capacity.assumptions.forEach((t) => out.push(['assumption', t]));
  return out;
}

/** Rendered templates leave no `{placeholder}` and print no NaN / Infinity / undefined. */
export function textViolations(req: Requirements, rec: Recommendation): string[] {
  const names = [req.service, ...req.state.map((s) => s.name)].join(' ');
  const out: string[] = [];
  for (const [where, text] of sentences(rec)) {
    const left = text.match(/\{[A-Za-z][\w.[\]]*\}/);
    if (left) out.push(`${where}: placeholder ${left[0]} left in "${text}"`);
    for (const bad of ['NaN', 'Infinity', 'undefined']) {
      if (new RegExp(`\\b${bad}\\b`).test(text) && !names.includes(bad)) out.push(`${where}: prints ${bad} in "${text}"`);
    }
    if (text.trim() === '') out.push(`${where}: empty sentence`);
  }
  return out;
}

/** Gates are hard: the store an item ends up in is never one a gate removed for it (no weight can override one). */
export function gateViolations(catalog: Catalog, req: Requirements, rec: Recommendation): string[] {
  const ctx = buildContext(req);
  const out: string[] = [];
  for (const item of ctx.items) {
    const store = rec.placements.find((p) => p.state === item.name)?.store;
    if (!store) continue;
    for (const gate of catalog.gates) {
      if (gate.removes.has(store as never) && gate.test(ctx, item, undefined)) {
        out.push(`gate ${gate.id} removed ${store} for ${item.name} (lifetime ${item.lifetime}, lossImpact ${item.lossImpact}), yet it is placed there`);
      }
    }
  }
  return out;
}

/**
 * Every per-answer check at once: the Recommendation schema, confidence in [0, 1], invariants 1–6 and 9, gates and
 * rendered text. Returns the violations (empty when the answer is sound).
 */
export function answerViolations(engine: Engine, req: Requirements, rec: Recommendation): string[] {
  const shape = RecommendationSchema.safeParse(rec);
  return [
    ...(shape.success ? [] : shape.error.issues.map((i) => `schema ${i.path.join('.')}: ${i.message}`)),
    ...(rec.confidence >= 0 && rec.confidence <= 1 ? [] : [`confidence ${rec.confidence} outside [0, 1]`]),
    // An infeasible answer leads with NOT FEASIBLE and claims at most 50% confidence in its least-failing plan.
    ...(rec.feasible || (rec.confidence <= 0.5 && rec.summary.startsWith('NOT FEASIBLE:')) ? [] : [`infeasible answer with confidence ${rec.confidence}: ${rec.summary.slice(0, 60)}`]),
    ...placementViolations(req, rec),
    ...scoreViolations(engine.catalog, req, rec),
    ...gateViolations(engine.catalog, req, rec),
    ...textViolations(req, rec),
    ...feasibilityViolations(rec),
    ...regionViolations(req, rec),
    ...residencyViolations(req, rec),
  ];
}

/**
 * Invariant 14: an item whose residency group leaves out some of the service's regions never has a replica, a copy
 * or a failover target outside it. Recomputed from the requirements alone: no copy in every instance of every region
 * and no client token (which any region serving the client reads); a region scope home or global, never local; its
 * placement says it stays in its group, never that it is copied to the other regions; and where the group has one
 * region, the answer says a region loss is unrecoverable within the group. Returns the violations and whether the
 * invariant applied (for the property test's non-vacuity count).
 */
export function residencyViolations(req: Requirements, rec: Recommendation): string[] {
  return residencyCheck(req, rec).violations;
}

export function residencyCheck(req: Requirements, rec: Recommendation): { violations: string[]; applied: number } {
  const out: string[] = [];
  let applied = 0;
  const groups = req.traffic.regionGroups ?? {};
  for (const s of req.state) {
    if (s.residency === undefined) continue;
    const size = groups[s.residency];
    if (size === undefined) { out.push(`inv14 ${s.name}: residency ${s.residency} names no group`); continue; }
    if (size >= req.traffic.regions) continue;
    const p = rec.placements.find((x) => x.state === s.name);
    if (!p || p.store === 'none') continue;
    applied++;
    if (p.store === 'in-process-copy' || p.store === 'client-token') out.push(`inv14 ${s.name} (group ${s.residency}, ${size} of ${req.traffic.regions} regions) is in ${p.store}, which every region holds or reads`);
    if (p.regionScope !== 'home' && p.regionScope !== 'global') out.push(`inv14 ${s.name}: region scope ${p.regionScope} outside its group ${s.residency}`);
    const why = p.why.join(' ');
    if (!why.includes(`inside region group ${s.residency} (`)) out.push(`inv14 ${s.name}: the placement does not say it stays in group ${s.residency}`);
    if (/copied to the others|synchronously to (?:another|a second) region(?! of group)/.test(why)) out.push(`inv14 ${s.name}: the placement replicates it outside group ${s.residency}: ${why}`);
    if (size === 1 && !why.includes('unrecoverable within the group')) out.push(`inv14 ${s.name}: a one-region group ${s.residency} and no word that a region loss is unrecoverable within it`);
  }
  return { violations: out, applied };
}

/**
 * Invariant 15: with two regions or more every placement states its region scope, and an item with one writer
 * worldwide (strong, shared or global, merge none) whose writes are acknowledged on the request path is scoped global
 * and its latency check pays the round trip between regions (given, or the 70 ms assumed).
 */
export function regionViolations(req: Requirements, rec: Recommendation): string[] {
  if (req.traffic.regions < 2) return rec.placements.filter((p) => p.regionScope).map((p) => `inv15 ${p.state} has a region scope in one region`);
  const out: string[] = [];
  const rtt = req.constraints.interRegionRttMs ?? 70;
  const ctx = buildContext(req);
  for (const p of rec.placements) {
    if (!p.regionScope) { out.push(`inv15 ${p.state} states no region scope across ${req.traffic.regions} regions`); continue; }
    const item = ctx.items.find((i) => i.name === p.state);
    if (!item) continue;
    const single = item.consistency === 'strong' && (item.owner === 'shared' || item.owner === 'global') && (item.merge ?? 'none') === 'none';
    if (single !== (p.regionScope === 'global')) out.push(`inv15 ${p.state}: one writer worldwide ${single}, but region scope ${p.regionScope}`);
    const latency = p.checks.find((c) => c.check === 'check.latency');
    if (single && item.syncWrite && latency && latency.value < rtt) out.push(`inv15 ${p.state}: an acknowledged global write costs ${latency.value} ms < the ${rtt} ms round trip`);
  }
  return out;
}

/**
 * Invariant 11, recomputed from the answer's own numbers: a feasible answer places nothing where a check fails
 * (every check of every placement has value ≤ limit), its hot path fits the budget it prints, and no risk says a
 * limit is exceeded; an infeasible one says so in its plan, names its blockers, and no plan it lists is feasible.
 */
export function feasibilityViolations(rec: Recommendation): string[] {
  const out: string[] = [];
  const plan = rec.plans[rec.verdict];
  if (plan.feasible !== rec.feasible) out.push(`inv11 feasible ${rec.feasible} but the ${rec.verdict} plan says ${plan.feasible}`);
  for (const p of rec.placements) {
    for (const c of p.checks) {
      if (c.passed !== c.value <= c.limit) out.push(`inv11 ${p.state} ${c.check}: passed ${c.passed} but ${c.value} vs ${c.limit} ${c.unit}`);
      if (rec.feasible && c.value > c.limit) out.push(`inv11 feasible answer places ${p.state} in ${p.store} over ${c.check}: ${c.value} > ${c.limit} ${c.unit}`);
      // A yes/no check (limit 0: durability, access) has no number to quote; every other states its limit (to the
      // 4 significant digits sentences print: within half a unit of the 4th digit).
      const quoted = (c.because.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
      if (c.limit >= 0.001 && !quoted.some((n) => Math.abs(n - c.limit) <= c.limit * 5e-4 + 1e-9)) {
        out.push(`inv11 ${p.state} ${c.check}: its sentence does not quote its limit ${c.limit}: "${c.because}"`);
      }
    }
  }
  if (rec.feasible) {
    if (rec.capacity.hotPathMs > rec.capacity.latencyBudgetMs) out.push(`inv11 feasible but hotPathMs ${rec.capacity.hotPathMs} > latencyBudgetMs ${rec.capacity.latencyBudgetMs}`);
    if (plan.blockers.length) out.push(`inv11 feasible but the chosen plan lists ${plan.blockers.length} blocker(s)`);
  } else {
    if (plan.blockers.length === 0) out.push('inv11 infeasible answer names no blocker');
    for (const v of ['stateless', 'stateful', 'hybrid'] as const) if (rec.plans[v].feasible) out.push(`inv11 infeasible answer, yet the ${v} plan is feasible`);
  }
  for (const b of plan.blockers) if (!(b.value > b.limit)) out.push(`inv11 blocker ${b.check} on ${b.state} does not fail: ${b.value} vs ${b.limit}`);
  for (const r of rec.risks) {
    const used = /uses (\d+)% of its limit/.exec(r.text);
    if (used && Number(used[1]) > 100) out.push(`risk ${r.id} says a limit is exceeded: ${r.text}`);
    if (/exceed|over budget|over the budget/i.test(r.text)) out.push(`risk ${r.id} says a budget is exceeded: ${r.text}`);
  }
  return out;
}

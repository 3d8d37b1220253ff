import type { Recommendation, Requirements, RequirementsInput } from '../../rules/index.ts';
import { DURABLE_LIFETIMES, placedItems, SESSION_LIFETIMES } from './invariants.ts';

/**
 * The situations each invariant is about, counted over a property run: a property whose precondition never occurs
 * proves nothing, so the tests assert every label below was seen.
 */
export const SITUATIONS = [
  'verdict stateless', 'verdict stateful', 'verdict hybrid', 'personal item in client-token', 'item in client-token',
  'secret item', 'item over 4 KB', 'shared or global item', 'critical item', 'critical request-scoped item',
  'session item with sessionLoss unacceptable', 'session item in in-process-sticky', 'item in in-process-replicated',
  'valuable durable record', 'implied item', 'realtime connections', 'score clamped', 'risk accepted',
  'answer infeasible', 'item in in-process-copy', 'item in object-store', 'placement near a check limit',
  'store excluded by a check', 'one writer worldwide across regions',
] as const;

export function situations(req: Requirements, rec: Recommendation): Set<(typeof SITUATIONS)[number]> {
  const seen = new Set<(typeof SITUATIONS)[number]>([`verdict ${rec.verdict}`]);
  const { placed } = placedItems(req, rec);
  for (const { item, store } of placed) {
    if (store === 'client-token') seen.add('item in client-token');
    if (store === 'client-token' && item.sensitivity === 'personal') seen.add('personal item in client-token');
    if (item.sensitivity === 'secret') seen.add('secret item');
    if (item.sizeKb > 4) seen.add('item over 4 KB');
    if (item.owner === 'shared' || item.owner === 'global') seen.add('shared or global item');
    if (item.lossImpact === 'critical') seen.add(item.lifetime === 'request' ? 'critical request-scoped item' : 'critical item');
    if (req.failure.sessionLoss === 'unacceptable' && SESSION_LIFETIMES.has(item.lifetime)) seen.add('session item with sessionLoss unacceptable');
    if (store === 'in-process-sticky' && SESSION_LIFETIMES.has(item.lifetime)) seen.add('session item in in-process-sticky');
    if (store === 'in-process-replicated') seen.add('item in in-process-replicated');
    if (DURABLE_LIFETIMES.has(item.lifetime) && (item.lossImpact === 'costly' || item.lossImpact === 'critical')) seen.add('valuable durable record');
    if (item.implied) seen.add('implied item');
    if (item.connection) seen.add('realtime connections');
    if (req.traffic.regions >= 2 && item.consistency === 'strong' && (item.owner === 'shared' || item.owner === 'global')) seen.add('one writer worldwide across regions');
  }
  for (const arch of ['stateless', 'stateful', 'hybrid'] as const) {
    const sum = 50 + rec.factors.reduce((a, f) => a + f.effect[arch], 0);
    if (sum < 0 || sum > 100) seen.add('score clamped');
  }
  if (rec.acceptedRisks.length) seen.add('risk accepted');
  if (!rec.feasible) seen.add('answer infeasible');
  for (const p of rec.placements) {
    if (p.store === 'in-process-copy') seen.add('item in in-process-copy');
    if (p.store === 'object-store') seen.add('item in object-store');
    if (p.checks.some((c) => c.passed && c.margin < 2)) seen.add('placement near a check limit');
    if (p.alternatives.some((a) => /\(check\./.test(a.whyNot))) seen.add('store excluded by a check');
  }
  return seen;
}

const record = (name: string) => ({ name, owner: 'user', lifetime: 'forever', sizeKb: 3, writesPerMinute: 0.1, sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong' }) as const;

/**
 * A personal item answered with a client token comes up in about 1 of 1,000 generated inputs, so a run could miss
 * it; property runs always include this known case (fast-check `examples`), with 1 or with 5 items.
 */
export function personalToken(extraRecords = 0): RequirementsInput {
  return {
    service: 'prefs-api', context: { memory: 'session' }, traffic: { peakRps: 100 }, failure: { deploysPerDay: 10 },
    state: [
      { name: 'display-name', owner: 'session', lifetime: 'hours', sizeKb: 2, writesPerMinute: 0, sensitivity: 'personal', lossImpact: 'none', consistency: 'eventual', hotPath: true },
      ...Array.from({ length: extraRecords }, (_, i) => record(`record-${i}`)),
    ],
  };
}
export const PERSONAL_TOKEN = personalToken();

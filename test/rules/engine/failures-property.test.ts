import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAILURE_KINDS, type Recommendation } from '../../../rules/index.ts';
import type { RequirementsInput } from '../../../rules/contract/requirements.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { runs } from '../../support/property.ts';

/**
 * On generated inputs (some with failure.rpoSeconds / rtoSeconds, so check.rpo and check.rto apply): every answer
 * has one failure row per item × failure kind; a row never says `nothing` is lost of state the plan keeps only in one
 * instance's memory; and the table agrees with the rest of the answer — sessionsLostPerInstanceLoss, the check.rpo
 * loss window and the check.rto recovery time. The counts at the end make sure each case actually occurred.
 */
const engine = builtinEngine();
const arb = fc.tuple(requirementsArb({ minItems: 1, maxItems: 5 }), fc.option(fc.constantFrom(0, 5, 60)), fc.option(fc.constantFrom(10, 60, 600)))
  .map(([data, rpo, rto]): RequirementsInput => ({
    ...data,
    failure: { ...data.failure, ...(rpo === null ? {} : { rpoSeconds: rpo }), ...(rto === null ? {} : { rtoSeconds: rto }) },
  }));

const IN_PROCESS_STATEFUL = new Set(['in-process-sticky', 'in-process-replicated', 'in-process-checkpointed']);

function violations(rec: Recommendation, ownersGiven: ReadonlySet<string>, seen: Record<string, number>): string[] {
  const out: string[] = [];
  const expected = rec.placements.flatMap((p) => FAILURE_KINDS.map((k) => `${p.state}/${k}`));
  const got = rec.failures.map((r) => `${r.state}/${r.failure}`);
  if (JSON.stringify(got) !== JSON.stringify(expected)) out.push(`rows ${got.join(',')} ≠ placements × kinds ${expected.join(',')}`);
  for (const r of rec.failures) {
    const p = rec.placements.find((x) => x.state === r.state)!;
    if (r.store !== p.store || r.technology !== p.technology) out.push(`${r.state}/${r.failure}: row says ${r.store}/${r.technology}, placement ${p.store}/${p.technology}`);
    if ((r.lost === 'seconds') !== (r.lossSeconds !== undefined)) out.push(`${r.state}/${r.failure}: lossSeconds only and always with lost seconds`);
    if (p.store === 'in-process-sticky' && r.failure !== 'store-node') {
      seen.sticky!++;
      if (r.lost === 'nothing') out.push(`${r.state}/${r.failure}: sticky memory said to lose nothing`);
    }
    // The store's own figures, as the placement's checks quote them.
    const rpo = p.checks.find((c) => c.check === 'check.rpo');
    const rto = p.checks.find((c) => c.check === 'check.rto');
    // A check.rpo window that includes the lag of a replica in another region is what a region loss costs.
    const holder = rpo?.because.includes('its replica in another region lags') ? 'region' : IN_PROCESS_STATEFUL.has(p.store) ? 'instance' : 'store-node';
    if (rpo && r.failure === holder && !['none', 'client-token', 'in-process-copy'].includes(p.store)) {
      seen.rpo!++;
      const window = rpo.value;
      const want = window === 0 ? 'nothing' : window >= 1e9 ? 'all' : 'seconds';
      // A tier without the replicas its zero window rests on loses all of the node's share.
      if (r.lost !== want && !(r.lost === 'all' && rec.capacity.stores.some((t) => t.items.includes(r.state) && t.replicas === 0))) {
        out.push(`${r.state}/${r.failure}: lost ${r.lost}, check.rpo loss window ${window} s says ${want}`);
      }
      if (r.lost === 'seconds' && r.lossSeconds !== window) out.push(`${r.state}/${r.failure}: lossSeconds ${r.lossSeconds} ≠ check.rpo ${window}`);
    }
    if (rto && r.failure === holder && !['none', 'client-token', 'in-process-copy'].includes(p.store) && r.rtoSeconds !== null) {
      seen.rto!++;
      if (Math.abs(r.rtoSeconds - rto.value) > 0.01) out.push(`${r.state}/${r.failure}: rtoSeconds ${r.rtoSeconds} ≠ check.rto ${rto.value}`);
    }
  }
  // A sticky session item with no owners of its own holds every session: one instance's loss is the answer's figure.
  const lost = rec.failure.sessionsLostPerInstanceLoss;
  for (const r of rec.failures) {
    if (r.failure !== 'instance' || r.store !== 'in-process-sticky' || (r.unit !== 'sessions' && r.unit !== 'keys') || ownersGiven.has(r.state)) continue;
    seen.sessionsLost!++;
    if (r.lost !== 'all' || r.affected !== lost) out.push(`${r.state}/instance: loses ${r.lost} of ${r.affected}, the answer's sessionsLostPerInstanceLoss is ${lost}`);
  }
  return out;
}

describe('failure table properties', () => {
  it(`hold for ${runs(80, 2000)} generated inputs, and each case occurs`, () => {
    const seen = { sticky: 0, rpo: 0, rto: 0, sessionsLost: 0 };
    fc.assert(fc.property(arb, (data) => {
      const rec = engine.advise(requirementsOf(data));
      const v = violations(rec, new Set((data.state ?? []).filter((s) => s.owners !== undefined).map((s) => s.name)), seen);
      if (v.length) throw new Error(v.join('\n'));
    }), { numRuns: runs(80, 2000) });
    expect(seen.sticky).toBeGreaterThan(0);
    expect(seen.rpo).toBeGreaterThan(0);
    expect(seen.rto).toBeGreaterThan(0);
    expect(seen.sessionsLost).toBeGreaterThan(0);
  }, 300_000);
});

import type { RequirementsInput } from '../../../rules/contract/requirements.ts';

/**
 * The most expensive valid document we know how to write: `count` state items cycling through every owner,
 * lifetime, sensitivity, loss impact and consistency, with distinct sizes and write rates on both sides of the
 * catalogue's thresholds (each item adds its own tipping-point breakpoints), and a context that implies extra items and turns
 * on every service rule family. `seed` rotates the cycles so different seeds give different documents.
 * @example validateRequirements(largestRequirements(200)).ok === true
 */
export function largestRequirements(count: number, seed = 1): RequirementsInput {
  const pick = <T>(list: readonly T[], i: number): T => list[(i + seed) % list.length]!;
  const state = Array.from({ length: count }, (_, i) => ({
    name: `item-${i}`,
    owner: pick(['user', 'session', 'shared', 'global'] as const, i),
    lifetime: pick(['request', 'minutes', 'hours', 'days', 'forever'] as const, i * 3),
    // Distinct per item: each size and write rate maps the catalogue's thresholds to its own breakpoints.
    sizeKb: pick([0.5, 2, 5, 100, 1024], i) + i / 64,
    writesPerMinute: pick([0, 1, 10, 240, 6000], i * 7) + i / 16,
    sensitivity: pick(['public', 'internal', 'personal', 'secret'] as const, i * 5),
    lossImpact: pick(['none', 'annoying', 'costly', 'critical'] as const, i * 11),
    consistency: pick(['eventual', 'read-your-writes', 'strong'] as const, i),
    hotPath: i % 2 === 0,
  }));
  return {
    service: 'largest',
    context: { memory: 'session', workflow: 'multi-step', realtime: 'bidirectional', sharedState: 'collaborative' },
    traffic: { peakRps: pick([150, 5000, 20_000, 1_000_000], 0), spiky: true, regions: 3 },
    failure: { sessionLoss: pick(['unacceptable', 'tolerable'] as const, 0), availability: 99.99, deploysPerDay: 20 },
    constraints: { ops: 'low', stores: ['redis', 'postgres', 'kafka'] },
    state,
  } as RequirementsInput;
}

import { VERDICTS, type Recommendation } from '../contract/recommendation.ts';
import { changeOf, changesOf, type FigureChange } from './pair.ts';

/** Capacity figures of the chosen plan, with the unit each is stated in. */
const CAPACITY: readonly [keyof Recommendation['capacity'], string | undefined][] = [
  ['instances', undefined], ['concurrentSessions', undefined], ['inProcessMemoryMb', 'MB'], ['externalStoreMemoryMb', 'MB'],
  ['externalReadsPerSecond', 'reads/s'], ['externalWritesPerSecond', 'writes/s'], ['hotPathMs', 'ms'], ['latencyBudgetMs', 'ms'],
];
const TIER: readonly ['nodes' | 'readsPerSecond' | 'writesPerSecond' | 'mbPerSecond' | 'memoryMb', string | undefined][] = [
  ['nodes', undefined], ['readsPerSecond', 'reads/s'], ['writesPerSecond', 'writes/s'], ['mbPerSecond', 'MB/s'], ['memoryMb', 'MB'],
];

/**
 * The figures of two answers that differ: scores, capacity, each store tier, and each placement's checks (value and
 * limit; a check that only one side runs shows null on the other).
 * @example figureChanges(b, a) // [{ figure: 'capacity.instances', before: 6, after: 12 }, …]
 */
export function figureChanges(b: Recommendation, a: Recommendation): FigureChange[] {
  const out: (FigureChange | undefined)[] = [];
  for (const v of VERDICTS) out.push(changeOf(`scores.${v}`, b.scores[v], a.scores[v]));
  for (const [key, unit] of CAPACITY) out.push(changeOf(`capacity.${key}`, b.capacity[key] as number, a.capacity[key] as number, unit));
  const tierName = (t: { store: string; technology: string }) => `${t.store} (${t.technology})`;
  const tiers = [...new Set([...a.capacity.stores, ...b.capacity.stores].map(tierName))];
  for (const name of tiers) {
    const tb = b.capacity.stores.find((t) => tierName(t) === name);
    const ta = a.capacity.stores.find((t) => tierName(t) === name);
    for (const [key, unit] of TIER) out.push(changeOf(`${name} ${key}`, tb?.[key], ta?.[key], unit));
  }
  const items = [...new Set([...a.placements, ...b.placements].map((p) => p.state))];
  for (const state of items) {
    const cb = b.placements.find((p) => p.state === state)?.checks ?? [];
    const ca = a.placements.find((p) => p.state === state)?.checks ?? [];
    const checks = [...new Set([...ca, ...cb].map((c) => c.check))];
    for (const check of checks) {
      const xb = cb.find((c) => c.check === check);
      const xa = ca.find((c) => c.check === check);
      const unit = (xa ?? xb)!.unit;
      out.push(changeOf(`${state} ${check}`, xb?.value, xa?.value, unit));
      out.push(changeOf(`${state} ${check} limit`, xb?.limit, xa?.limit, unit));
    }
  }
  return changesOf(out);
}

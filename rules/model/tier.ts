import type { Profile } from './profile.ts';
import { wholeUnits } from './tolerance.ts';

/**
 * Store-tier sizing, the one formula: nodes (shards, partitions, prefixes) = the largest of reads, writes, MB/s, MB/s
 * written and memory, each divided by what one node of the technology takes (its profile; figures a profile lacks do
 * not bind).
 * The per-item throughput check (rules/model/measures.ts), the answer's store tiers and their cost
 * (rules/engine/capacity.ts, cost.ts) all size with it. Positional numbers: it runs for every store of every item of
 * every tipping-point evaluation.
 */
export type TierResource = 'reads' | 'writes' | 'mbPerSecond' | 'writeMbPerSecond' | 'memory';

/** Fractional nodes the load needs, and which resource binds (the first largest, in the order above). */
export function tierNeed(p: Profile, reads: number, writes: number, mbPerSecond: number, writeMbPerSecond: number, memoryMb: number): number {
  let n = p.readsPerNode ? reads / p.readsPerNode : 0;
  if (p.writesPerNode) n = Math.max(n, writes / p.writesPerNode);
  if (p.mbPerSecondPerNode) n = Math.max(n, mbPerSecond / p.mbPerSecondPerNode);
  if (p.writeMbPerSecondPerNode) n = Math.max(n, writeMbPerSecond / p.writeMbPerSecondPerNode);
  if (p.memoryMbPerNode) n = Math.max(n, memoryMb / p.memoryMbPerNode);
  return n;
}

/** Whole nodes for the load, at least one. @example tierNodes(redis, 250_000, 0, 0, 0, 0) === 3 */
export function tierNodes(p: Profile, reads: number, writes: number, mbPerSecond: number, writeMbPerSecond: number, memoryMb: number): number {
  return wholeUnits(tierNeed(p, reads, writes, mbPerSecond, writeMbPerSecond, memoryMb));
}

/** The resource that sets the node count, with its need in nodes (for the sentence that explains it). */
export function tierBinding(p: Profile, reads: number, writes: number, mbPerSecond: number, writeMbPerSecond: number, memoryMb: number): [TierResource, number] {
  let best: [TierResource, number] = ['reads', p.readsPerNode ? reads / p.readsPerNode : 0];
  const consider = (r: TierResource, n: number) => { if (n > best[1]) best = [r, n]; };
  if (p.writesPerNode) consider('writes', writes / p.writesPerNode);
  if (p.mbPerSecondPerNode) consider('mbPerSecond', mbPerSecond / p.mbPerSecondPerNode);
  if (p.writeMbPerSecondPerNode) consider('writeMbPerSecond', writeMbPerSecond / p.writeMbPerSecondPerNode);
  if (p.memoryMbPerNode && memoryMb > 0) consider('memory', memoryMb / p.memoryMbPerNode);
  return best;
}

/** Whether the profile sizes a tier in nodes at all (a token or instance memory has none). */
export function hasNodes(p: Profile): boolean {
  return p.readsPerNode !== undefined && p.writesPerNode !== undefined;
}

import * as z from 'zod';
import { STORES, TECHNOLOGIES } from '../contract/recommendation.ts';
import { INSTANCE_PROFILES } from '../contract/requirements.ts';

/**
 * A store profile: what one technology can do, as catalogue data (rules/catalog/stores.yaml). Figures a store does
 * not have (a token has no nodes) are left out; the checks that need them then do not apply.
 */
const figure = () => z.number().min(0).max(1e15);

export const ProfileSchema = z.strictObject({
  technology: z.enum(TECHNOLOGIES),
  store: z.enum(STORES),
  readMs: figure(),
  writeMs: figure(),
  /** MB/s one request can pull from it (0: no transfer, the value is already in memory). */
  streamMbPerSecond: figure(),
  readsPerNode: figure().optional(),
  writesPerNode: figure().optional(),
  mbPerSecondPerNode: figure().optional(),
  /** MB/s of writes one node takes, where writes are dearer than the node's MB/s says (a DynamoDB partition: 1 MB/s). */
  writeMbPerSecondPerNode: figure().optional(),
  memoryMbPerNode: figure().optional(),
  maxNodes: figure().optional(),
  maxWriteNodes: figure().optional(),
  /** Practical largest value; `hardMaxValueKb` is the hard limit, quoted beside it. */
  maxValueKb: figure().optional(),
  hardMaxValueKb: figure().optional(),
  /** Practical GB one node that holds distinct data (a primary, a shard) stores; left out where storage scales on its own. */
  storageGbPerNode: figure().optional(),
  losesAcknowledgedWrites: z.boolean(),
  keyLookups: z.boolean(),
  wholeObjectWrites: z.boolean().default(false),
  storageUsdPerGbMonth: figure().optional(),
  /** Replicas or standbys per node of the deployment the figures describe (its loss window and failover time rest on them). */
  replicas: figure().optional(),
  /** Seconds of acknowledged writes one failover can lose (async replication lag, an fsync interval); 0: none. */
  lossWindowSeconds: figure().optional(),
  /** Seconds until the store (or the instance's state) serves again after losing a node: detection plus promotion. */
  failoverSeconds: figure().optional(),
  /** Checkpointed memory: MB/s a replacement reads its checkpoint back, MB/s it replays the log, seconds between checkpoints. */
  restoreMbPerSecond: figure().optional(),
  replayMbPerSecond: figure().optional(),
  checkpointIntervalSeconds: figure().optional(),
  node: z.strictObject({ vcpu: figure(), memoryGb: figure(), ssdGb: figure().default(0) }).optional(),
  /** Where each figure comes from, by field name. */
  sources: z.record(z.string(), z.string().min(3).max(400)),
});

/** One instance profile of the catalogue (constraints.instance.profile): what the instance holds, serves and costs. */
export const InstanceProfileSchema = z.strictObject({
  vcpu: figure(),
  memoryMb: figure(),
  gpuMemoryMb: figure(),
  rps: figure(),
  networkMbps: figure(),
  pricePerMonth: figure(),
  sources: z.record(z.string(), z.string().min(3).max(400)),
});

export const PricesSchema = z.strictObject({
  vcpuUsdPerMonth: figure(),
  memoryGbUsdPerMonth: figure(),
  ssdGbUsdPerMonth: figure(),
  objectGbUsdPerMonth: figure(),
  /** vCPUs of one service instance. */
  instanceVcpu: figure(),
  /** Object storage request prices, per 1,000 requests (PUT/COPY/POST/LIST and GET/HEAD), by technology. */
  requests: z.record(z.string(), z.strictObject({ putUsdPer1000: figure(), getUsdPer1000: figure(), source: z.string().min(3).max(400) })).optional(),
  /** Instance profiles by name (constraints.instance.profile). */
  instances: z.partialRecord(z.enum(INSTANCE_PROFILES), InstanceProfileSchema).optional(),
  source: z.string().min(3).max(400),
});

export type Profile = z.output<typeof ProfileSchema>;
export type Prices = z.output<typeof PricesSchema>;
export type InstanceProfile = z.output<typeof InstanceProfileSchema>;

/** A profile's key: a technology can back more than one store (instance memory backs three). */
export const profileKey = (p: Pick<Profile, 'technology' | 'store'>) => `${p.technology}@${p.store}`;

/**
 * Figures that share one source (a benchmark gives reads and writes per node at once). Every figure a profile gives
 * must be covered by a source for itself or for its group: `statewise rules lint` reports the rest.
 */
export const FIGURE_GROUPS: readonly (readonly string[])[] = [
  ['readMs', 'writeMs'], ['streamMbPerSecond', 'mbPerSecondPerNode'], ['readsPerNode', 'writesPerNode'], ['writeMbPerSecondPerNode'],
  ['memoryMbPerNode'], ['maxNodes', 'maxWriteNodes'], ['maxValueKb', 'hardMaxValueKb'], ['storageGbPerNode'], ['losesAcknowledgedWrites'],
  ['keyLookups'], ['wholeObjectWrites'], ['storageUsdPerGbMonth'], ['node'], ['lossWindowSeconds'], ['failoverSeconds'], ['replicas'],
  ['restoreMbPerSecond'], ['replayMbPerSecond'], ['checkpointIntervalSeconds'],
];

/** The figures `p` gives that no source covers (false booleans state an absence and need none). */
export function unsourcedFigures(p: Profile): string[] {
  const out: string[] = [];
  for (const group of FIGURE_GROUPS) {
    const given = group.filter((f) => {
      const v = (p as unknown as Record<string, unknown>)[f];
      return v !== undefined && v !== false && !(f === 'wholeObjectWrites' && v === false);
    });
    if (given.length && !group.some((f) => p.sources[f] !== undefined)) out.push(...given);
  }
  return out;
}

import { INSTANCE_PROFILES, InstanceSchema, type Requirements } from '../contract/requirements.ts';
import type { Prices } from './profile.ts';

/**
 * `constraints.instance.profile` names a catalogue instance profile (the `instances` of the catalogue's prices):
 * its figures fill every instance field the file does not write, field by field; what the file writes wins. The
 * contract's schema fills memoryMb, rps and networkMbps with the small container's figures when they are left out,
 * so "written" is read from the normalized document's defaultsApplied (or, for requirements built in code without
 * it, from a value that differs from the schema default).
 */
export type InstanceProfileName = (typeof INSTANCE_PROFILES)[number];
export const INSTANCE_FIELDS = ['memoryMb', 'rps', 'networkMbps', 'gpuMemoryMb', 'pricePerMonth'] as const;
type Field = (typeof INSTANCE_FIELDS)[number];

const SCHEMA_DEFAULTS: Partial<Record<Field, number>> = InstanceSchema.parse({});

/** The instance fields the requirements document wrote itself. */
export function writtenInstanceFields(req: Requirements): Set<Field> {
  const applied = (req as { defaultsApplied?: { pointer: string }[] }).defaultsApplied;
  const out = new Set<Field>();
  for (const f of INSTANCE_FIELDS) {
    const v = req.constraints.instance[f];
    if (v === undefined) continue;
    const defaulted = applied
      ? applied.some((d) => d.pointer === `/constraints/instance/${f}`)
      : v === SCHEMA_DEFAULTS[f];
    if (!defaulted) out.add(f);
  }
  return out;
}

/** The requirements with the named profile's figures in every instance field the file left out; unchanged without a profile. */
export function withInstanceProfile(prices: Prices, req: Requirements): Requirements {
  const name = req.constraints.instance.profile;
  const profile = name ? prices.instances?.[name] : undefined;
  if (!profile) return req;
  const written = writtenInstanceFields(req);
  const instance = { ...req.constraints.instance };
  for (const f of INSTANCE_FIELDS) if (!written.has(f)) instance[f] = profile[f];
  const out: Requirements = { ...req, constraints: { ...req.constraints, instance } };
  const applied = (req as { defaultsApplied?: { pointer: string; value: unknown }[] }).defaultsApplied;
  // The profile, not the schema's default, now supplies those fields: the answer must not list them as defaulted.
  if (applied) Object.defineProperty(out, 'defaultsApplied', { value: applied.filter((d) => !INSTANCE_FIELDS.some((f) => d.pointer === `/constraints/instance/${f}`)), enumerable: false });
  return out;
}

/** What one instance costs a month: its written or profile price, else its vCPUs and memory at the unit prices. */
export function instancePricePerMonth(prices: Prices, req: Requirements): { usd: number; how: string } {
  const { pricePerMonth, memoryMb, profile } = req.constraints.instance;
  if (pricePerMonth !== undefined) {
    return { usd: pricePerMonth, how: profile ? `${profile} instance, ${prices.instances?.[profile]?.sources['pricePerMonth'] ?? 'its price'}` : 'constraints.instance.pricePerMonth' };
  }
  const usd = prices.instanceVcpu * prices.vcpuUsdPerMonth + (memoryMb / 1024) * prices.memoryGbUsdPerMonth;
  return { usd, how: `${prices.instanceVcpu} vCPU, ${Math.round((memoryMb / 1024) * 100) / 100} GB` };
}

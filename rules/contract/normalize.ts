import { defaultsApplied } from './defaults.ts';
import type { Requirements } from './requirements.ts';

/**
 * The one place where validated requirements become canonical: sets are sorted so that the order a team wrote
 * them in cannot change the answer. Defaults are applied by the schema itself, before this step; given the document
 * as written (`raw`), this step records which ones were (`defaultsApplied`), so the answer can say what it assumed.
 */
export function normalize(input: Requirements, raw?: unknown): Requirements {
  const groups = input.traffic.regionGroups;
  const out: Requirements = {
    ...input,
    // Named region groups say how many regions there are: their sum replaces traffic.regions.
    ...(groups ? { traffic: { ...input.traffic, regions: Object.values(groups).reduce((a, n) => a + n, 0) } } : {}),
    constraints: { ...input.constraints, stores: [...input.constraints.stores].sort() },
  };
  // Not enumerable: requirements serialize (JSON, a review request, a re-parse) as the document they are, and a copy
  // made by spreading is a new document whose defaults nobody has computed.
  if (raw !== undefined) Object.defineProperty(out, 'defaultsApplied', { value: defaultsApplied(raw, input), enumerable: false });
  return out;
}

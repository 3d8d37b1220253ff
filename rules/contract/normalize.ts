import type { Requirements } from './requirements.ts';

/**
 * The one place where validated requirements become canonical: sets are sorted so that the order a team wrote
 * them in cannot change the answer. Defaults are applied by the schema itself, before this step.
 */
export function normalize(input: Requirements): Requirements {
  return {
    ...input,
    constraints: { ...input.constraints, stores: [...input.constraints.stores].sort() },
  };
}

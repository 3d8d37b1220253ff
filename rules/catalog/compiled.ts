import type { Store } from '../contract/recommendation.ts';
import type { Figure } from '../model/measures.ts';
import type { Prices, Profile } from '../model/profile.ts';
import type { Predicate } from './condition.ts';
import type { Rule } from './schema.ts';
import type { Render } from './template.ts';
import type { CompiledMitigation } from './mitigation.ts';

/**
 * The compiled catalogue the engine evaluates, as types only: compile.ts builds the rules, tables.ts the index tables,
 * load.ts the Catalog. The tables' types live here too, so that no catalogue file imports another in a circle.
 */

interface CompiledBase {
  id: string;
  title: string;
  source: string | undefined;
  file: string;
  line: number;
  /** The rule as written, for listings and docs. */
  rule: Rule;
  test: Predicate;
  reads: ReadonlySet<string>;
  because: Render;
}
export interface CompiledServiceRule extends CompiledBase {
  kind: 'service';
  effect: { stateless: number; stateful: number; hybrid: number };
}
export interface CompiledPlacementRule extends CompiledBase {
  kind: 'placement';
  effect: readonly [Store, number][];
}
export interface CompiledGateRule extends CompiledBase {
  kind: 'gate';
  removes: ReadonlySet<Store>;
  invariant: number | undefined;
}
export interface CompiledRiskRule extends CompiledBase {
  kind: 'risk';
  severity: 'high' | 'medium' | 'low';
  mitigation: CompiledMitigation;
}
export interface CompiledCheckRule extends CompiledBase {
  kind: 'check';
  measure: Figure;
  limit: Figure;
  measureName: string;
  limitName: string;
  /** Every input the check's figures are computed from (measure and limit), for tipping-point crossings. */
  inputs: ReadonlySet<string>;
  unit: string;
  stores: ReadonlySet<Store>;
  /** Bit STORE_INDEX[s] set for each store the check applies to. */
  storeMask: number;
  mitigation: CompiledMitigation;
}
export type CompiledRule = CompiledServiceRule | CompiledPlacementRule | CompiledGateRule | CompiledRiskRule | CompiledCheckRule;

/** What a check's sentences may quote besides facts: the numbers of one evaluation. */
export interface CheckQuote { store: string; technology: string; value: number; limit: number; unit: string; measure: string; bound: string }

export interface Catalog {
  /** Names the catalogue: built-in version plus a digest of every file's text. */
  version: string;
  rules: readonly CompiledRule[];
  service: readonly CompiledServiceRule[];
  placement: readonly CompiledPlacementRule[];
  gates: readonly CompiledGateRule[];
  risks: readonly CompiledRiskRule[];
  checks: readonly CompiledCheckRule[];
  /** Store profiles in catalogue order, a team's overrides in place of the built-in ones. */
  profiles: readonly Profile[];
  /** The profiles that can back each store, in catalogue order. */
  profilesByStore: ReadonlyMap<Store, readonly Profile[]>;
  prices: Prices;
  /** Numeric thresholds per fact path across all rules: where a verdict can change (tipping points). */
  thresholds: ReadonlyMap<string, readonly number[]>;
  /** Service-level facts that gates and placement rules read: changing anything else cannot move a placement. */
  itemInputs: ReadonlySet<string>;
  /** Index tables for the engine's evaluation loops, built once by the loader rather than per request. */
  tables: EngineTables;
}

/** A gate or placement rule as the per-item loop needs it. */
export interface ItemRule {
  rule: CompiledGateRule | CompiledPlacementRule;
  /** Bit mask of the stores a gate removes (0 for placement rules). */
  removes: number;
  /** Placement effects as parallel arrays: store index and delta, in the rule's effect order. */
  stores: Uint8Array;
  deltas: Float64Array;
}

/** Which rules can change their answer when one input varies: 1 per rule, in the tables' rule order. */
export interface Affected {
  item: Uint8Array;
  service: Uint8Array;
  /** The same, as lists of rule indexes: what a re-evaluation tests first to see whether anything moved. */
  itemIndexes: readonly number[];
  serviceIndexes: readonly number[];
  /**
   * How the evaluation context follows the change: `same` (only req differs), `rescaled` (traffic figures: concurrent
   * sessions and the per-item figures scaled by them) or `rebuilt` (context inputs: implied items re-derived).
   */
  context: 'same' | 'rescaled' | 'rebuilt';
  /**
   * The input decides which items the engine implies (context.*): a rebuilt item reuses base answers only while it
   * equals the base item at its position in every fact the input cannot move.
   */
  reshapes: boolean;
  /** The input's own fact and the derived facts that follow it: what a check must read to be moved by it. */
  facts: ReadonlySet<string>;
}

export interface EngineTables {
  /** Gates, then placement rules, each in catalogue order: the order an item evaluates them in. */
  itemRules: readonly ItemRule[];
  /** Their conditions, and the service rules' conditions, as plain arrays of closures. */
  itemTests: readonly Predicate[];
  serviceTests: readonly Predicate[];
  /**
   * The rules a change of `input` can reach, or undefined when the change can reshape the evaluation itself
   * (implied items, store lists, unknown inputs): then nothing is reused.
   */
  affected(input: string): Affected | undefined;
  /** The item rules (1 per rule) that read one item field or a figure derived from it: `sizeKb`, `writesPerMinute`. */
  itemFieldAffected(field: string): Uint8Array;
}

import { STORES, type Store } from '../contract/recommendation.ts';
import { descendantsOf } from '../model/lineage.ts';
import type { Catalog } from '../catalog/compiled.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import { ALL_STORES, STORE_COUNT, STORE_INDEX } from '../model/stores.ts';
import { assessFeasibility, type ItemFeasibility } from './feasibility.ts';

/**
 * Scores every store for one state item. Gates remove stores outright (no weight can bring them back);
 * placement rules move the remaining stores' scores up or down from a neutral 50.
 */
export const STORE_BASE = 50;

export interface Reason { rule: string; because: string }
export interface StoreEffect extends Reason {
  delta: number;
  /** The reason presumes the team already runs this kind of store ("a table needs no new store"). */
  restsOnTeamStores?: boolean;
}

/** What plans and verdicts need of one item: numbers only, so a tipping-point evaluation allocates little. */
export interface ItemScore {
  item: EvalItem;
  /** Clamped score (0..100) per store, in STORES order; removed stores keep their raw score. */
  score: number[];
  /** Bit STORE_INDEX[s] is set while store s is allowed: no gate removed it and every feasibility check passes. */
  allowedMask: number;
  /** The same, by gates alone: what a plan may fall back to when no feasible store is left (the least-failing one). */
  gateMask: number;
  feasibility: ItemFeasibility;
  /** 1 per item rule (tables.itemRules order) that held: a re-evaluation reuses the rules its change cannot reach. */
  fired: Fired;
}

/**
 * 1 per rule that held, 0 otherwise. Plain arrays rather than typed ones: an evaluation builds several per item, and
 * copying a small packed array is several times cheaper than allocating a typed array's buffer.
 */
export type Fired = number[];

/** The explained assessment, for placements and the answer's sentences. */
export interface ItemAssessment extends ItemScore {
  /** Score per store (0..100); removed stores keep their raw score but are not allowed. */
  scores: Record<Store, number>;
  allowed: ReadonlySet<Store>;
  /** Gate reasons per removed store (failed feasibility checks are in `feasibility`). */
  removedBy: Map<Store, Reason[]>;
  /** Fired placement rules per store, strongest first. */
  effects: Map<Store, StoreEffect[]>;
}

/**
 * A store whose feasible technology the team does not run costs a new system to operate. Only when the team listed
 * what it runs (an empty list says nothing), and never for the token or the instance's own memory.
 */
export const NEW_TECHNOLOGY = -15;
export const NEW_TECHNOLOGY_RULE = 'feasibility.new-technology';

export function newTechnology(ctx: EvalContext, f: ItemFeasibility, s: number): boolean {
  const run = ctx.req.constraints.stores as readonly string[];
  if (run.length === 0) return false;
  const tech = f.stores[s]?.profile.technology;
  return tech !== undefined && tech !== 'signed-token' && tech !== 'instance-memory' && !run.includes(tech);
}

const BASE_SCORES: readonly number[] = Array.from({ length: STORE_COUNT }, () => STORE_BASE);
/** Zero-filled templates by length (a rule list's length: a handful per catalogue). */
const ZEROS = new Map<number, readonly number[]>();

/** A packed array of n zeros, copied from a template: the copy is what costs least. */
export function zeros(n: number): Fired {
  let template = ZEROS.get(n);
  if (!template) ZEROS.set(n, template = Array.from({ length: n }, () => 0));
  return template.slice();
}

/** Base answers to copy for the rules that a varied input cannot reach. */
export interface Reuse { fired: Fired; affected: Uint8Array }

/**
 * The one evaluation loop over gates and placement rules. With `reuse`, only rules marked affected are tested;
 * the others keep the base answer. Effects are added in catalogue order either way, so sums are bit-identical.
 */
export function scoreItem(
  catalog: Catalog, ctx: EvalContext, item: EvalItem, reuse?: Reuse, given?: ItemFeasibility, explain = false, givenFor?: number,
): ItemScore {
  const { itemRules: rules, itemTests: tests } = catalog.tables;
  const fired = zeros(rules.length);
  const score = BASE_SCORES.slice();
  let removed = 0;
  for (let r = 0; r < rules.length; r++) {
    const ir = rules[r]!;
    const holds = reuse && reuse.affected[r] === 0 ? reuse.fired[r] === 1 : tests[r]!(ctx, item, undefined);
    if (!holds) continue;
    fired[r] = 1;
    removed |= ir.removes;
    for (let k = 0; k < ir.stores.length; k++) score[ir.stores[k]!]! += ir.deltas[k]!;
  }
  const gateMask = ALL_STORES & ~removed;
  // A feasibility assessed for the same gate mask still holds (the caller knows no figure a check reads moved).
  // `givenFor`: the gate mask it was assessed for — when the gates moved, stores it never looked at may be allowed now.
  const feasibility = given && (givenFor === undefined || givenFor === gateMask) ? given : assessFeasibility(catalog, ctx, item, explain, gateMask);
  for (let s = 0; s < STORE_COUNT; s++) {
    if (newTechnology(ctx, feasibility, s)) score[s]! += NEW_TECHNOLOGY;
    score[s] = Math.max(0, Math.min(100, score[s]!));
  }
  return { item, score, allowedMask: gateMask & feasibility.mask, gateMask, feasibility, fired };
}

/** @example assessItem(catalog, ctx, ctx.items[0]).allowed.has('client-token') */
export function assessItem(catalog: Catalog, ctx: EvalContext, item: EvalItem, explain = true): ItemAssessment {
  const lean = scoreItem(catalog, ctx, item, undefined, undefined, explain);
  const removedBy = new Map<Store, Reason[]>();
  const effects = new Map<Store, StoreEffect[]>();
  const rules = catalog.tables.itemRules;
  for (let r = 0; r < rules.length; r++) {
    if (!lean.fired[r]) continue;
    const { rule } = rules[r]!;
    const because = explain ? rule.because(ctx, item, undefined) : '';
    if (rule.kind === 'gate') {
      for (const store of rule.removes) push(removedBy, store, { rule: rule.id, because });
    } else if (explain) {
      const team = restsOnTeamStores(rule.reads);
      for (const [store, delta] of rule.effect) push(effects, store, { rule: rule.id, because, delta, ...(team ? { restsOnTeamStores: true } : {}) });
    }
  }
  if (explain) {
    for (let s = 0; s < STORE_COUNT; s++) {
      if (!newTechnology(ctx, lean.feasibility, s)) continue;
      const tech = lean.feasibility.stores[s]!.profile.technology;
      push(effects, STORES[s]!, {
        rule: NEW_TECHNOLOGY_RULE, delta: NEW_TECHNOLOGY,
        because: `${tech} is not in constraints.stores (${ctx.req.constraints.stores.join(', ')}): ${item.name} there means running a new system`,
      });
    }
  }
  for (const list of effects.values()) list.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || cmp(a.rule, b.rule));
  const scores = {} as Record<Store, number>;
  for (const s of STORES) scores[s] = lean.score[STORE_INDEX[s]]!;
  const allowed = new Set(STORES.filter((s) => (lean.allowedMask & (1 << STORE_INDEX[s])) !== 0));
  // Spelled out: on Node 20 an object spread plus extra keys takes a slow path (it was a fifth of decide()).
  return {
    item, score: lean.score, allowedMask: lean.allowedMask, gateMask: lean.gateMask, feasibility: lean.feasibility, fired: lean.fired,
    scores, allowed, removedBy, effects,
  };
}

function push<V>(map: Map<Store, V[]>, store: Store, value: V): void {
  const list = map.get(store);
  if (list) list.push(value);
  else map.set(store, [value]);
}

/** Index of the best allowed store among `among` (store indexes), ties to the earlier one; -1 when none is allowed. */
export function bestIndex(a: ItemScore, among: readonly number[]): number {
  let best = -1;
  for (const s of among) {
    if ((a.allowedMask & (1 << s)) === 0) continue;
    if (best < 0 || a.score[s]! > a.score[best]!) best = s;
  }
  return best;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Facts that say which technologies the team runs: a reason built on them presumes the plan uses one of those. */
const TEAM_FACTS: ReadonlySet<string> = new Set(['constraints.stores', ...descendantsOf('constraints.stores')]);

/** Whether a rule's reason rests on what the team already runs ("a table needs no new store"). */
export function restsOnTeamStores(reads: ReadonlySet<string>): boolean {
  for (const f of reads) if (TEAM_FACTS.has(f)) return true;
  return false;
}

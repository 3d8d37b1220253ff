import { STORES, type Store } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/load.ts';
import type { EvalContext, EvalItem } from './context.ts';

/**
 * Scores every store for one state item. Gates remove stores outright (no weight can bring them back);
 * placement rules move the remaining stores' scores up or down from a neutral 50.
 */
export const STORE_BASE = 50;

export interface Reason { rule: string; because: string }
export interface StoreEffect extends Reason { delta: number }

export interface ItemAssessment {
  item: EvalItem;
  /** Score per store (0..100); removed stores keep their raw score but are not allowed. */
  scores: Record<Store, number>;
  allowed: ReadonlySet<Store>;
  /** Gate reasons per removed store. */
  removedBy: Map<Store, Reason[]>;
  /** Fired placement rules per store, strongest first. */
  effects: Map<Store, StoreEffect[]>;
}

/** @example assessItem(catalog, ctx, ctx.items[0]).allowed.has('client-token') */
export function assessItem(catalog: Catalog, ctx: EvalContext, item: EvalItem, explain = true): ItemAssessment {
  const removedBy = new Map<Store, Reason[]>();
  for (const gate of catalog.gates) {
    if (!gate.test(ctx, item, undefined)) continue;
    const because = explain ? gate.because(ctx, item, undefined) : '';
    for (const store of gate.removes) {
      const list = removedBy.get(store);
      if (list) list.push({ rule: gate.id, because });
      else removedBy.set(store, [{ rule: gate.id, because }]);
    }
  }
  const raw = { ...BASE_SCORES };
  const effects = new Map<Store, StoreEffect[]>();
  for (const rule of catalog.placement) {
    if (!rule.test(ctx, item, undefined)) continue;
    const because = explain ? rule.because(ctx, item, undefined) : '';
    for (const [store, delta] of rule.effect) {
      raw[store] += delta;
      if (!explain) continue;
      const list = effects.get(store);
      const entry = { rule: rule.id, because, delta };
      if (list) list.push(entry);
      else effects.set(store, [entry]);
    }
  }
  for (const store of STORES) raw[store] = Math.max(0, Math.min(100, raw[store]));
  for (const list of effects.values()) list.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || cmp(a.rule, b.rule));
  const allowed = new Set(STORES.filter((s) => !removedBy.has(s)));
  return { item, scores: raw, allowed, removedBy, effects };
}

const BASE_SCORES = Object.fromEntries(STORES.map((s) => [s, STORE_BASE])) as Record<Store, number>;

/** The best allowed store among `among`, ties broken by the order of STORES (simplest first). */
export function bestOf(a: ItemAssessment, among: readonly Store[]): Store | undefined {
  let best: Store | undefined;
  for (const s of among) {
    if (!a.allowed.has(s)) continue;
    if (best === undefined || a.scores[s] > a.scores[best]) best = s;
  }
  return best;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

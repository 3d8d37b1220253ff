import type { FailureRow, Loss, Store } from '../contract/recommendation.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import type { Profile } from '../model/profile.ts';
import { recoverySeconds } from '../model/measures.ts';
import { formatNumber as f } from '../model/format.ts';
import { count } from '../contract/words.ts';
import type { CapacityAnswer } from './capacity.ts';

/** The pieces every cell of the failure table is made of (rules/engine/failures.ts, failure-region.ts). */

/** What a row says before the item's name, store and technology are added. */
export type Cell = Omit<FailureRow, 'state' | 'failure' | 'store' | 'technology'>;
export interface FailureInput { ctx: EvalContext; item: EvalItem; store: Store; profile: Profile | undefined; cap: CapacityAnswer }

/** Memory that only one instance holds (sticky), or that is rebuilt or failed over when that instance goes. */
export const inInstance = (s: Store) => s === 'in-process-sticky' || s === 'in-process-replicated' || s === 'in-process-checkpointed';

/** What `affected` counts for this item: a stream's sessions are keys. */
export function unitOf(x: FailureInput): string {
  switch (x.item.owner) {
    case 'session': return x.ctx.derived.source === 'stream' ? 'keys' : 'sessions';
    case 'user': return 'users';
    case 'shared': return 'objects';
    default: return 'owners';
  }
}

/** Owners on one of `parts` equal shares, rounded up (a loss hits at least one whole owner). */
export const shareOf = (owners: number, parts: number) => (owners <= 0 ? 0 : Math.ceil(owners / Math.max(1, parts)));

/** Owners held by one instance: for a session item with no owners given, the answer's sessionsLostPerInstanceLoss. */
export function perInstance(x: FailureInput): number {
  return shareOf(x.item.owners, x.cap.instances);
}

/** Seconds until the item serves again after losing the node or instance holding it: the figure check.rto compares. */
export function rtoOf(x: FailureInput): number {
  if (!x.profile) return 0;
  return Math.round((recoverySeconds({ ctx: x.ctx, item: x.item, store: x.store, profile: x.profile })?.total ?? 0) * 100) / 100;
}

/** The profile figures a row rests on, named so a reader finds them in stores.yaml (docs/rules.md quotes the sources). */
export function profileSource(x: FailureInput, fields: readonly string[]): string {
  if (!x.profile) return 'no store: nothing is kept';
  const p = x.profile as unknown as Record<string, unknown>;
  return `stores.yaml ${x.profile.technology}@${x.store}: ${fields.map((k) => `${k} ${p[k] === undefined ? '—' : Number(p[k]) >= 1e9 ? '1e9 (all it held)' : f(Number(p[k]))}`).join(', ')}`;
}

/** Profile figures are napkin estimates; counts rest on Little's law unless concurrentSessions or owners were given. */
export function assumedCount(x: FailureInput): boolean {
  return x.item.owner === 'global' ? false : !x.item.ownersGiven && x.ctx.derived.concurrentSessionsDerived;
}

export const cell = (lost: Loss, affected: number, unit: string, rtoSeconds: number | null, because: string, source: string, assumed: boolean, lossSeconds?: number): Cell => ({
  lost, ...(lossSeconds !== undefined ? { lossSeconds } : {}), affected, unit, rtoSeconds, because, source, assumed,
});

/** Memory held by `lost` instances: gone (sticky), failed over to a replica, or rebuilt from checkpoint and log. */
export function inInstanceLoss(x: FailureInput, affected: number, what: string): Cell {
  const unit = unitOf(x);
  const rto = rtoOf(x);
  const src = profileSource(x, x.store === 'in-process-checkpointed' ? ['failoverSeconds', 'restoreMbPerSecond', 'replayMbPerSecond', 'checkpointIntervalSeconds'] : ['lossWindowSeconds', 'failoverSeconds']);
  if (x.store === 'in-process-sticky') {
    return cell('all', affected, unit, rto, `${x.item.name} of about ${count(f(affected), unit.replace(/s$/, ''))} lived only in the memory of ${what}: gone; they start over on another instance once the health check takes it out (${f(rto)} s)`, src, true);
  }
  if (x.store === 'in-process-replicated') {
    return cell('nothing', affected, unit, rto, `every acknowledged write of ${x.item.name} is on a replica: about ${count(f(affected), unit.replace(/s$/, ''))} fail over to it in ${f(rto)} s`, src, true);
  }
  return cell('nothing', affected, unit, rto, `nothing acknowledged is lost (every change of ${x.item.name} is on the durable log): about ${count(f(affected), unit.replace(/s$/, ''))} wait ${f(rto)} s while their share is rebuilt from the last checkpoint plus the log since (the figure check.rto uses)`, src, true);
}


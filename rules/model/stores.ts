import { STORES, type Store } from '../contract/recommendation.ts';

/**
 * The one home of what statewise knows about each store, apart from the per-technology figures (store profiles,
 * catalogue data in rules/catalog/stores.yaml). Everything that names stores in prose or pictures reads it here.
 */
export interface StoreInfo {
  /** How the summary names it: "with cart in <words>". */
  words: string;
  /** Its box in the review diagram and tables. */
  label: string;
  /** State only the owning instance holds: using it makes the compute tier stateful. */
  stateful: boolean;
  /** Held in the instance's own memory (also true of the read-only copy). */
  inProcess: boolean;
  /** What happens to an item here when one instance dies. */
  onInstanceLoss: string;
  /** Session-scoped items here get a TTL. */
  expires: boolean;
  /** Infrastructure the team runs beside the service: sized in nodes, priced, and a new technology if not run yet. */
  tier: boolean;
  /** Its data outlives every instance and node: a durable copy another region can hold (replication between regions). */
  durable: boolean;
}

export const STORE_INFO: Readonly<Record<Store, StoreInfo>> = {
  'none': { words: 'nowhere (request-scoped)', label: 'Not kept (request only)', stateful: false, inProcess: false, onInstanceLoss: 'nothing kept', expires: false, tier: false, durable: false },
  'client-token': { words: 'a signed client token', label: 'Signed client token', stateful: false, inProcess: false, onInstanceLoss: 'survives (the client holds it)', expires: true, tier: false, durable: false },
  'distributed-cache': { words: 'the distributed cache', label: 'Distributed cache', stateful: false, inProcess: false, onInstanceLoss: 'survives (the cache holds it)', expires: true, tier: true, durable: false },
  'database': { words: 'the database', label: 'Database', stateful: false, inProcess: false, onInstanceLoss: 'survives (system of record)', expires: false, tier: true, durable: true },
  'durable-log': { words: 'the durable log', label: 'Durable log', stateful: false, inProcess: false, onInstanceLoss: 'survives (replicated log)', expires: false, tier: true, durable: true },
  'object-store': { words: 'object storage', label: 'Object store', stateful: false, inProcess: false, onInstanceLoss: 'survives (object storage)', expires: true, tier: true, durable: true },
  'in-process-copy': { words: 'a read-only copy in every instance', label: 'Read-only copy in every instance', stateful: false, inProcess: true, onInstanceLoss: 'reloaded from its source by the replacement', expires: false, tier: false, durable: false },
  'in-process-sticky': { words: 'pinned instance memory', label: 'Instance memory (sticky)', stateful: true, inProcess: true, onInstanceLoss: 'lost with the instance', expires: true, tier: false, durable: false },
  'in-process-replicated': { words: 'replicated instance memory', label: 'Instance memory (replicated)', stateful: true, inProcess: true, onInstanceLoss: 'fails over to a replica', expires: true, tier: false, durable: false },
  // Keyed memory whose changes are on a durable log before they are acknowledged, checkpointed to object storage.
  'in-process-checkpointed': { words: 'checkpointed instance memory', label: 'Instance memory (log + checkpoints)', stateful: true, inProcess: true, onInstanceLoss: 'rebuilt on another instance from its checkpoint plus the log since', expires: true, tier: false, durable: true },
};

export const STORE_COUNT = STORES.length;
export const STORE_INDEX = Object.fromEntries(STORES.map((s, i) => [s, i])) as Record<Store, number>;
/** Bit mask with every store set. */
export const ALL_STORES = (1 << STORE_COUNT) - 1;

/** Stores any instance can serve from (the stateless plan's), in STORES order. */
export const ANY_INSTANCE_STORES: readonly Store[] = STORES.filter((s) => !STORE_INFO[s].stateful);
export const ANY_INSTANCE_INDEXES: readonly number[] = ANY_INSTANCE_STORES.map((s) => STORE_INDEX[s]);
/** Stores whose data outlives every instance and node, so a home- or global-scoped item has a copy in another region. */
export const DURABLE_STORES: ReadonlySet<Store> = new Set(STORES.filter((s) => STORE_INFO[s].durable));
/** Stores that make the tier stateful, in STORES order. */
export const STATEFUL_INDEXES: readonly number[] = STORES.filter((s) => STORE_INFO[s].stateful).map((s) => STORE_INDEX[s]);

/** @example isStateful('in-process-copy') === false */
export function isStateful(store: Store): boolean {
  return STORE_INFO[store].stateful;
}

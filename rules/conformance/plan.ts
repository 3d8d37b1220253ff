import type { AcceptedRisk, Requirements } from '../contract/requirements.ts';
import type { Recommendation } from '../contract/recommendation.ts';
import { parseText } from '../contract/yaml-text.ts';
import { positionAt } from '../contract/locate.ts';
import type { PathSegment } from '../contract/issues.ts';
import { availabilityInstances } from '../model/fleet.ts';

/** One placed item of a plan, with what its requirements say about losing it. */
export interface PlanItem {
  name: string;
  store: string;
  technology: string;
  owner: string;
  lossImpact: string;
  /** Where the item is described (the context field for an implied item). */
  path: PathSegment[];
}

/** What the conformance rules read of one requirements file and its recommendation. */
export interface Plan {
  /** The requirements file, repository-relative with `/` separators. */
  file: string;
  service: string;
  /** Code belongs to this plan when its path starts with one of these ('' = the whole repository). */
  scopes: string[];
  /** Workload names that are this service. */
  workloads: string[];
  verdict: string;
  routing: string;
  instances: number;
  availability: number;
  availabilityInstances: number;
  realtime: string;
  items: PlanItem[];
  accept: AcceptedRisk[];
  /** Line and column of a path in the requirements text. */
  at: (path: PathSegment[]) => { line: number; column: number };
}

/** A field of the requirements a finding contradicts when no state item is at stake (no store: ''). */
export function planField(name: string, path: PathSegment[]): PlanItem {
  return { name, store: '', technology: 'none', owner: 'global', lossImpact: 'none', path };
}

/** `item in store`, or the field alone. */
export function itemText(item: { item: string; store: string }): string {
  return item.store ? `${item.item} in ${item.store}` : item.item;
}

export const STICKY_STORES = ['in-process-sticky'];
export const INSTANCE_STORES = ['in-process-sticky', 'in-process-replicated'];

/**
 * The plan view of one advised requirements file. `file` is where it lives in the repository: its folder is the
 * default scope of its code, unless `implementation.paths` says otherwise.
 */
export function planOf(file: string, text: string, req: Requirements, answer: Recommendation): Plan {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  const scopes = req.implementation?.paths?.map((p) => p.replace(/^\.\//, '').replace(/^\.$/, '')) ?? [dir];
  const parsed = parseText(text);
  const items = answer.placements.map((p): PlanItem => {
    const index = req.state.findIndex((s) => s.name === p.state);
    const item = req.state[index];
    return {
      name: p.state, store: p.store, technology: p.technology,
      owner: item?.owner ?? 'session', lossImpact: item?.lossImpact ?? 'annoying',
      path: index >= 0 ? ['state', index, 'name'] : ['context'],
    };
  });
  return {
    file, service: req.service, scopes,
    workloads: [req.service, ...(req.implementation?.workloads ?? [])],
    verdict: answer.verdict, routing: answer.scaling.routing, instances: answer.capacity.instances,
    availability: req.failure.availability,
    availabilityInstances: availabilityInstances(req),
    realtime: req.context.realtime, items, accept: req.accept ?? [],
    at: (path) => (parsed.ok ? positionAt(parsed.value, path) : { line: 1, column: 1 }),
  };
}

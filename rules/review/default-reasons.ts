import type { Requirements } from '../contract/requirements.ts';
import type { Recommendation } from '../contract/recommendation.ts';
import { fieldOf } from '../contract/defaults.ts';
import { scopeOf } from '../contract/scope.ts';
import { humanNumber } from '../model/format.ts';

/**
 * A default the answer leans on, and where: the review's "Why it matters" column. `items` is set when several state
 * items share the default; `field` is then the field's name without the item (`sensitivity`).
 */
export interface DefaultReason { field: string; value: string; why: string; items?: string[] }

/** The check a state item's field feeds, so a default's weight can be quoted from that check's figures. */
const ITEM_CHECKS: Record<string, string> = {
  sizeKb: 'check.value-size', writesPerMinute: 'check.write-throughput', hotPath: 'check.latency', readsPerMinute: 'check.throughput',
};

/** Fields that only size sessions: they decide nothing for a service that keeps no session-scoped state. */
const SESSION_FIELDS = new Set(['traffic.sessionMinutes', 'traffic.concurrentSessions', 'failure.sessionLoss']);

/**
 * The defaults that decide something, each with why, found in the answer itself: a tipping point on the field (the
 * answer changes with it), a factor, check or blocker whose sentence names it, or a capacity assumption built on it;
 * for a state item's field, its placement's reasons or the check the field feeds; failing those, the schema's own
 * reason (`because`) for an item that is kept. Defaults none of these mention decide nothing and are left out.
 * Many items left to the same default are one row (`sensitivity of 12 items`).
 */
export function defaultReasons(rec: Recommendation, req: Requirements): DefaultReason[] {
  const sessions = rec.placements.some((p) => p.implied) || req.state.some((s) => scopeOf(s.lifetime) === 'session');
  const rows: (DefaultReason & { key: string; item?: string })[] = [];
  for (const d of rec.defaultsApplied ?? []) {
    const field = fieldOf(d.pointer);
    const item = /^state\[(\d+)\]\.(\w+)$/.exec(field);
    const why = item ? itemReason(rec, req, Number(item[1]), item[2]!, d.because) : serviceReason(rec, field, d.because, sessions);
    if (why) rows.push({ field, value: String(d.value), why, key: item ? `${item[2]}=${String(d.value)}` : field, ...(item ? { item: req.state[Number(item[1])]?.name ?? field } : {}) });
  }
  // One row per state field and value when several items share it; the reason is the first item's.
  const out: DefaultReason[] = [];
  const groups = new Map<string, DefaultReason & { items: string[] }>();
  for (const { key, item, ...r } of rows) {
    if (!item) { out.push(r); continue; }
    const group = groups.get(key);
    if (group) { group.items.push(item); continue; }
    const row = { ...r, items: [item] };
    groups.set(key, row);
    out.push(row);
  }
  return out.map((r) => (r.items && r.items.length > 1 ? { ...r, field: r.field.slice(r.field.indexOf('.') + 1) } : { field: r.field, value: r.value, why: r.why }));
}

function serviceReason(rec: Recommendation, field: string, because: string | undefined, sessions: boolean): string | undefined {
  if (SESSION_FIELDS.has(field) && !sessions) return undefined;
  const tip = rec.tippingPoints.find((t) => t.input === field);
  if (tip) return `the answer changes with it: ${tip.note}`;
  const names = (text: string) => new RegExp(`(^|[^\\w.])${field.replace(/[.[\]]/g, '\\$&')}\\b`).test(text);
  const factor = rec.factors.find((f) => names(f.because));
  if (factor) return `${factor.because} (${factor.rule})`;
  // The check that comes closest to its limit among those built on the field says best what the field decides.
  let tightest: { state: string; check: Recommendation['placements'][number]['checks'][number] } | undefined;
  for (const p of rec.placements) {
    for (const c of p.checks) if (names(c.because) && (!tightest || c.margin < tightest.check.margin)) tightest = { state: p.state, check: c };
  }
  if (tightest) return checkFigures(tightest.state, tightest.check);
  // Capacity assumptions quote inputs by their short name (`sessionMinutes 15`).
  const short = field.slice(field.lastIndexOf('.') + 1);
  const assumption = rec.capacity.assumptions.find((a) => names(a) || new RegExp(`(^|[^\\w.])${short}\\b`).test(a));
  if (assumption) return assumption;
  return because && sessions ? because : undefined;
}

function itemReason(rec: Recommendation, req: Requirements, index: number, key: string, because: string | undefined): string | undefined {
  const item = req.state[index];
  if (!item) return undefined;
  const placement = rec.placements.find((p) => p.state === item.name);
  // Request-scoped state is never kept: how it is stored, how bad its loss is, decides nothing.
  if (!placement || placement.store === 'none') return undefined;
  const why = placement.why.find((w) => new RegExp(`\\b${key}\\b`).test(w));
  if (why) return why;
  const check = placement.checks.find((c) => c.check === ITEM_CHECKS[key]);
  if (check) return checkFigures(item.name, check);
  return because;
}

function checkFigures(state: string, c: Recommendation['placements'][number]['checks'][number]): string {
  return `${c.check} for ${state}: ${humanNumber(c.value)} of ${humanNumber(c.limit)} ${c.unit}`;
}

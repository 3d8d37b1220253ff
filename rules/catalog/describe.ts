import type { Catalog, CompiledRule } from './compiled.ts';
import type { Condition } from './schema.ts';

/** A rule as users see it (CLI `rules`, `GET /v1/rules`, docs): plain JSON, with where it was defined. */
export interface RuleInfo {
  id: string;
  kind: CompiledRule['kind'];
  title: string;
  when?: Condition;
  effect?: Record<string, number>;
  remove?: string[];
  severity?: string;
  invariant?: number;
  /** Checks: `measure ≤ limit` in these stores. */
  measure?: string;
  limit?: string;
  stores?: string[];
  because: string;
  mitigation?: string;
  source?: string;
  file: string;
  line: number;
}

/** @example describeCatalog(catalog).filter((r) => r.kind === 'gate') */
export function describeCatalog(catalog: Catalog): RuleInfo[] {
  return catalog.rules.map((r) => {
    const info: RuleInfo = { id: r.id, kind: r.kind, title: r.title, because: r.rule.because, file: r.file, line: r.line };
    if (r.rule.when) info.when = r.rule.when;
    if (r.kind === 'service') info.effect = { ...r.effect };
    if (r.kind === 'placement') info.effect = Object.fromEntries(r.effect);
    if (r.kind === 'gate') { info.remove = [...r.removes]; if (r.invariant !== undefined) info.invariant = r.invariant; }
    if (r.kind === 'risk' && r.rule.kind === 'risk') { info.severity = r.severity; info.mitigation = r.mitigation.text; }
    if (r.kind === 'check' && r.rule.kind === 'check') {
      info.measure = r.measureName; info.limit = r.limitName; info.stores = [...r.stores]; info.mitigation = r.mitigation.text;
    }
    if (r.source) info.source = r.source;
    return info;
  });
}

/** A condition in words: `traffic.peakRps ≥ 5000 and traffic.spiky = true`. */
export function conditionText(c: Condition | undefined): string {
  if (!c) return 'always';
  if ('all' in c) return c.all.map((x) => wrap(x)).join(' and ');
  if ('any' in c) return c.any.map((x) => wrap(x)).join(' or ');
  if ('not' in c) return `not ${wrap(c.not)}`;
  const parts: string[] = [];
  const v = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  if (c.eq !== undefined) parts.push(`${c.fact} = ${v(c.eq)}`);
  if (c.ne !== undefined) parts.push(`${c.fact} ≠ ${v(c.ne)}`);
  if (c.in) parts.push(`${c.fact} in {${c.in.map(v).join(', ')}}`);
  if (c.notIn) parts.push(`${c.fact} not in {${c.notIn.map(v).join(', ')}}`);
  if (c.gt !== undefined) parts.push(`${c.fact} > ${c.gt}`);
  if (c.gte !== undefined) parts.push(`${c.fact} ≥ ${c.gte}`);
  if (c.lt !== undefined) parts.push(`${c.fact} < ${c.lt}`);
  if (c.lte !== undefined) parts.push(`${c.fact} ≤ ${c.lte}`);
  if (c.includes !== undefined) parts.push(`${c.fact} includes ${c.includes}`);
  if (c.excludes !== undefined) parts.push(`${c.fact} excludes ${c.excludes}`);
  return parts.join(' and ');
}

function wrap(c: Condition): string {
  const t = conditionText(c);
  return 'all' in c || 'any' in c ? `(${t})` : t;
}

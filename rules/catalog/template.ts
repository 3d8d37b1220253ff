import { FACTS } from './facts.ts';
import type { EvalContext, EvalItem, PlanView } from '../model/context.ts';
import type { CompileProblem } from './condition.ts';
import type { PathSegment } from '../contract/issues.ts';
import { agree } from '../contract/words.ts';
import { formatNumber } from '../model/format.ts';

export { formatNumber };

export type Render = (ctx: EvalContext, item: EvalItem | undefined, plan: PlanView | undefined, extra?: unknown) => string;
/** Placeholders a kind of rule adds to the facts (a check's {value}, {limit}, …), read from the render's `extra`. */
export type ExtraKeys = Readonly<Record<string, (extra: never) => string>>;

export interface CompiledTemplate { render: Render; quotes: Set<string> }

const PLACEHOLDER = /\{([^{}]+)\}/g;

/**
 * Compiles `"peakRps {traffic.peakRps} ≥ 5000"` into a function that quotes the facts' values.
 * `{item}` is the state item's name. Unknown placeholders are load errors.
 */
export function compileTemplate(
  text: string, allowItem: boolean, allowPlan: boolean, at: PathSegment[], problems: CompileProblem[], extraKeys?: ExtraKeys,
): CompiledTemplate {
  const parts: (string | Render)[] = [];
  const quotes = new Set<string>();
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const key = m[1]!.trim();
    if (key === 'item') {
      if (!allowItem) problems.push({ path: at, code: 'unknown_placeholder', message: '{item} is only known in placement, gate and risk rules' });
      parts.push((_c, i) => i?.name ?? '');
      continue;
    }
    const extraKey = extraKeys?.[key];
    if (extraKey) {
      parts.push((_c, _i, _p, x) => extraKey(x as never));
      continue;
    }
    const fact = FACTS.get(key);
    if (!fact || (fact.scope === 'item' && !allowItem) || (fact.phase === 'plan' && !allowPlan)) {
      problems.push({ path: at, code: 'unknown_placeholder', message: `template quotes {${key}}, which this rule cannot read` });
      parts.push(() => `{${key}}`);
      continue;
    }
    quotes.add(key);
    const get = fact.get;
    parts.push((c, i, p) => formatValue(get(c, i, p)));
  }
  parts.push(text.slice(last));
  // A counted noun written `noun(s)` agrees with the number quoted before it (words.ts).
  const counted = text.includes('(s)');
  const render: Render = (c, i, p, x) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(c, i, p, x);
    return counted ? agree(out) : out;
  };
  return { render, quotes };
}

/** Numbers print with at most two decimals and no exponent, so answers stay readable and stable. */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(none)';
  return String(v);
}


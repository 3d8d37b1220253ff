import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Catalog, CompiledRule } from '../../rules/catalog/compiled.ts';
import type { Comparison, Condition } from '../../rules/catalog/schema.ts';
import { FACTS } from '../../rules/catalog/facts.ts';
import type { EvalContext, EvalItem } from '../../rules/model/context.ts';

/**
 * The built-in catalogue translated mechanically into json-rules-engine rules: the same conditions (all/any/not
 * over the same fact comparisons) and the same weights, carried as event params. Facts are plain
 * json-rules-engine facts named by their statewise path (`traffic.peakRps`, `state[].sizeKb`).
 */

/** statewise comparison operator → json-rules-engine operator. */
// The package does not export its nested-condition type.
type NestedCondition = TopLevelCondition | { fact: string; operator: string; value: unknown };

const OPERATOR = {
  eq: 'equal', ne: 'notEqual', in: 'in', notIn: 'notIn', gt: 'greaterThan', gte: 'greaterThanInclusive',
  lt: 'lessThan', lte: 'lessThanInclusive', includes: 'contains', excludes: 'doesNotContain',
} as const;

function translate(c: Condition | undefined): TopLevelCondition {
  // json-rules-engine needs a top-level all/any/not; an absent `when` always holds, as `all: []` does.
  if (!c) return { all: [] };
  if ('all' in c) return { all: c.all.map(nested) } as TopLevelCondition;
  if ('any' in c) return { any: c.any.map(nested) } as TopLevelCondition;
  if ('not' in c) return { not: nested(c.not) } as TopLevelCondition;
  return { all: comparisons(c) } as TopLevelCondition;
}

function nested(c: Condition): NestedCondition {
  if ('fact' in c) {
    const parts = comparisons(c);
    return parts.length === 1 ? parts[0]! : { all: parts };
  }
  return translate(c);
}

/** One statewise comparison may carry several operators (`gte` and `lt`): each becomes one condition. */
function comparisons(c: Comparison): NestedCondition[] {
  return (Object.keys(OPERATOR) as (keyof typeof OPERATOR)[])
    .filter((op) => c[op] !== undefined)
    .map((op) => ({ fact: c.fact, operator: OPERATOR[op], value: c[op] }));
}

function ruleFor(rule: CompiledRule, index: number) {
  return { name: rule.id, conditions: translate(rule.rule.when), event: { type: rule.id, params: { index } } };
}

/** One engine for the service rules and one for the gates and placement rules (run once per state item). */
export interface JreEngines { service: Engine; item: Engine }

export function jreEngines(catalog: Catalog): JreEngines {
  const options = { allowUndefinedFacts: true, replaceFactsInEventParams: false };
  const service = new Engine([], options);
  catalog.service.forEach((r, i) => service.addRule(ruleFor(r, i)));
  const item = new Engine([], options);
  catalog.tables.itemRules.forEach((r, i) => item.addRule(ruleFor(r.rule, i)));
  return { service, item };
}

/** The json-rules-engine facts for one evaluation: every service fact, plus the item's facts when given. */
export function factsFor(ctx: EvalContext, item: EvalItem | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const fact of FACTS.values()) {
    if (fact.phase === 'plan') continue;
    if (fact.scope === 'item' && !item) continue;
    out[fact.path] = fact.get(ctx, item, undefined);
  }
  return out;
}

/** Indexes (catalogue order) of the rules whose events fired. */
export async function firedIndexes(engine: Engine, facts: Record<string, unknown>): Promise<number[]> {
  const { events } = await engine.run(facts);
  return events.map((e) => (e.params as { index: number }).index).sort((a, b) => a - b);
}

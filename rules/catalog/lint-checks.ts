import { STORES, type Store } from '../contract/recommendation.ts';
import { compileCondition } from './condition.ts';
import { finding, type LintedRule, type LintFinding } from './lint-finding.ts';
import { GROWING_FACTS, quotableFrom } from '../model/lineage.ts';
import { conditionSatisfiable, conflict, describeLiteral, implies, toDnf } from './logic.ts';
import type { Condition, Rule } from './schema.ts';
import { compileTemplate } from './template.ts';
import { CHECK_KEYS } from './compile.ts';
import { mitigationText } from './mitigation.ts';

/** The semantic checks over the effective (merged) rules; each returns findings located at the node concerned. */
export function checkRules(rules: readonly LintedRule[]): LintFinding[] {
  const out: LintFinding[] = [];
  const sound = rules.filter((r) => r.sound);
  const gates = sound.flatMap((r) => (r.rule.kind === 'gate' ? [{ when: r.rule.when, removes: removesOf(r.rule), id: r.rule.id }] : []));
  for (const r of rules) {
    if (!r.rule.source) out.push(finding('missing_source', r.file, r.line, r.rule.id, `"${r.rule.id}" has no source: say where the guidance comes from`));
    if (!r.sound) continue;
    out.push(...impossible(r), ...unreadQuotes(r), ...monotonic(r));
    const dead = gatedOut(r, gates);
    if (dead) out.push(dead);
  }
  return out;
}

export function removesOf(rule: Rule & { kind: 'gate' }): Set<Store> {
  return new Set(rule.remove ?? STORES.filter((s) => !rule.keep!.includes(s)));
}

/** A condition no input can satisfy, or an `any` branch that can never hold. */
function impossible(r: LintedRule): LintFinding[] {
  const id = r.rule.id;
  const dnf = toDnf(r.rule.when, [...r.at, 'when']);
  if (dnf && dnf.every((t) => conflict(t))) {
    const lits = dnf.length ? conflict(dnf[0]!)! : [];
    const line = lits.length ? r.lineOf(lits[lits.length - 1]!.path) : r.lineOf([...r.at, 'when']);
    const why = lits.length ? `${lits.map(describeLiteral).join(' and ')} cannot all hold` : 'the condition is always false';
    return [finding('impossible_condition', r.file, line, id, `"${id}" can never fire: ${why}`)];
  }
  const out: LintFinding[] = [];
  const walk = (c: Condition | undefined, path: (string | number)[]) => {
    if (!c) return;
    if ('not' in c) walk(c.not, [...path, 'not']);
    else if ('all' in c) c.all.forEach((x, i) => walk(x, [...path, 'all', i]));
    else if ('any' in c) {
      c.any.forEach((x, i) => {
        if (!conditionSatisfiable(x)) {
          out.push(finding('impossible_condition', r.file, r.lineOf([...path, 'any', i]), id, `"${id}": branch ${i + 1} of this "any" can never hold`));
        } else walk(x, [...path, 'any', i]);
      });
    }
  };
  walk(r.rule.when, [...r.at, 'when']);
  return out;
}

/** A `because` (or `mitigation`) must state the facts the rule rests on, or the inputs they are computed from. */
function unreadQuotes(r: LintedRule): LintFinding[] {
  const { rule } = r;
  const item = rule.kind !== 'service';
  const plan = rule.kind === 'risk';
  const reads = compileCondition(rule.when, item, plan, [], []).reads;
  const allowed = quotableFrom(reads);
  const templates: ['because' | 'mitigation', string][] = [['because', rule.because]];
  if (rule.kind === 'risk') templates.push(['mitigation', mitigationText(rule.mitigation)]);
  const out: LintFinding[] = [];
  for (const [field, text] of templates) {
    for (const q of compileTemplate(text, item, plan, [], [], rule.kind === 'check' ? CHECK_KEYS : undefined).quotes) {
      if (allowed.has(q)) continue;
      out.push(finding('unread_quote', r.file, r.lineOf([...r.at, field]), rule.id,
        `"${rule.id}" ${field} quotes {${q}}, which its condition does not read: quote only the facts the rule rests on`));
    }
  }
  return out;
}

type Direction = 'const' | 'up' | 'down' | 'mixed';

/** How the condition's truth moves as `fact` grows: upward-closed (`gte`), downward-closed (`lt`), or either way. */
export function direction(c: Condition | undefined, fact: string): Direction {
  if (!c) return 'const';
  if ('not' in c) { const d = direction(c.not, fact); return d === 'up' ? 'down' : d === 'down' ? 'up' : d; }
  if ('all' in c || 'any' in c) return ('all' in c ? c.all : c.any).map((x) => direction(x, fact)).reduce(combine, 'const');
  if (c.fact !== fact) return 'const';
  let d: Direction = 'const';
  if (c.gt !== undefined || c.gte !== undefined) d = combine(d, 'up');
  if (c.lt !== undefined || c.lte !== undefined) d = combine(d, 'down');
  if (c.eq !== undefined || c.ne !== undefined || c.in !== undefined || c.notIn !== undefined) d = 'mixed';
  return d;
}

function combine(a: Direction, b: Direction): Direction {
  return a === 'const' ? b : b === 'const' || a === b ? a : 'mixed';
}

/** docs/design.md invariant 8: growth in traffic, regions or deploys never raises the stateful (or an in-process) score. */
function monotonic(r: LintedRule): LintFinding[] {
  const { rule } = r;
  const targets: [string, number][] = rule.kind === 'service' ? [['stateful', rule.effect.stateful ?? 0]]
    : rule.kind === 'placement' ? [['in-process-sticky', rule.effect['in-process-sticky'] ?? 0], ['in-process-replicated', rule.effect['in-process-replicated'] ?? 0]]
      : [];
  const out: LintFinding[] = [];
  for (const fact of GROWING_FACTS) {
    const d = direction(rule.when, fact);
    if (d === 'const') continue;
    for (const [target, effect] of targets) {
      if (!((effect > 0 && d !== 'down') || (effect < 0 && d !== 'up'))) continue;
      const how = effect > 0 ? `adds ${effect} to ${target} when it starts to hold` : `takes ${-effect} from ${target} only until it stops holding`;
      out.push(finding('non_monotonic', r.file, r.lineOf([...r.at, 'when']), rule.id,
        `"${rule.id}" ${how}: raising ${fact} can raise the ${target === 'stateful' ? 'stateful' : target} score (docs/design.md invariant 8); `
        + `use ${effect > 0 ? 'lt/lte' : 'gt/gte'} on ${fact}`));
      break;
    }
  }
  return out;
}

interface GateView { id: string; when: Condition | undefined; removes: Set<Store> }

/** A placement rule whose every effect is on stores a gate removes whenever the rule holds; a risk about such a store. */
function gatedOut(r: LintedRule, gates: readonly GateView[]): LintFinding | undefined {
  const { rule } = r;
  const removedBy = (store: Store, when: Condition | undefined) => gates.find((g) => g.removes.has(store) && implies(when, g.when));
  if (rule.kind === 'placement') {
    const stores = STORES.filter((s) => (rule.effect[s] ?? 0) !== 0);
    const by = stores.map((s) => removedBy(s, rule.when));
    if (stores.length === 0 || by.some((g) => !g)) return undefined;
    return finding('gated_out', r.file, r.line, rule.id, `"${rule.id}" never matters: whenever it holds, ${stores.map((s, i) => `${by[i]!.id} removes ${s}`).join(', ')}`);
  }
  if (rule.kind === 'risk' && compileCondition(rule.when, true, true, [], []).reads.has('state[].store')) {
    const withStore = (s: Store): Condition => ({ all: [...(rule.when ? [rule.when] : []), { fact: 'state[].store', eq: s }] });
    const possible = STORES.filter((s) => conditionSatisfiable(withStore(s)));
    const by = possible.map((s) => removedBy(s, withStore(s)));
    if (possible.length === 0 || by.some((g) => !g)) return undefined;
    return finding('gated_out', r.file, r.line, rule.id, `"${rule.id}" can never fire: whenever it holds, ${possible.map((s, i) => `${by[i]!.id} removes ${s}`).join(', ')}`);
  }
  return undefined;
}

import type { Requirements } from '../contract/requirements.ts';
import { VERDICTS, type Recommendation, type Verdict } from '../contract/recommendation.ts';
import { inputChanges } from './inputs.ts';
import { changeOf, changesOf, type FigureChange } from './pair.ts';
import { figureChanges } from './figures.ts';

/** One side of a comparison: the requirements as the engine read them, and its answer. */
export interface Side { requirements: Requirements; answer: Recommendation }

/** Where one state item lives on each side; null = the item is not on that side. */
export interface PlacementRow { state: string; before: string | null; after: string | null; changed: boolean }

/** One plan on each side, like a cost-diff tool's line per resource. */
export interface PlanRow {
  plan: Verdict;
  chosen: { before: boolean; after: boolean };
  feasible: { before: boolean; after: boolean };
  monthlyUsd: { before: number; after: number };
  instances: { before: number; after: number };
  storeNodes: { before: number; after: number };
}

/** A risk that appeared, went away or changed severity; null = absent on that side. */
export interface RiskChange { id: string; before: string | null; after: string | null; text: string }

/** What changed between two answers for (two versions of) one service: the data every renderer of `diff` shows. */
export interface AnswerDiff {
  service: { before: string; after: string };
  /** True when anything below differs. */
  changed: boolean;
  /** True when the answer itself differs: verdict, feasibility, a placement or a risk. */
  answerChanged: boolean;
  verdict: { before: Verdict; after: Verdict };
  feasible: { before: boolean; after: boolean };
  confidence: { before: number; after: number };
  /** The requirements fields that differ. */
  inputs: FigureChange[];
  /** Every item, changed or not. */
  placements: PlacementRow[];
  /** Every plan, changed or not. */
  plans: PlanRow[];
  /** The figures of the answer that differ: scores, capacity, store tiers, each placement's checks. */
  figures: FigureChange[];
  risks: RiskChange[];
}

/**
 * Compares two answers as data, the way cost-diff tools compare infrastructure: pure, and symmetric up to the
 * direction of each change.
 * @example diffAnswers(base, head).plans.find((p) => p.plan === 'stateless')?.monthlyUsd // { before: 306, after: 450 }
 */
export function diffAnswers(before: Side, after: Side): AnswerDiff {
  const b = before.answer;
  const a = after.answer;
  const placements = placementRows(b, a);
  const plans = VERDICTS.map((plan): PlanRow => {
    const pb = b.plans[plan];
    const pa = a.plans[plan];
    return {
      plan, chosen: { before: b.verdict === plan, after: a.verdict === plan }, feasible: { before: pb.feasible, after: pa.feasible },
      monthlyUsd: { before: pb.cost.monthlyUsd, after: pa.cost.monthlyUsd }, instances: { before: pb.cost.instances, after: pa.cost.instances },
      storeNodes: { before: pb.cost.storeNodes, after: pa.cost.storeNodes },
    };
  });
  const risks = riskChanges(b, a);
  const inputs = inputChanges(before.requirements, after.requirements);
  const figures = figureChanges(b, a);
  const answerChanged = b.verdict !== a.verdict || b.feasible !== a.feasible || placements.some((p) => p.changed) || risks.length > 0;
  const planChanged = plans.some((p) => p.feasible.before !== p.feasible.after || p.monthlyUsd.before !== p.monthlyUsd.after
    || p.instances.before !== p.instances.after || p.storeNodes.before !== p.storeNodes.after);
  return {
    service: { before: b.service, after: a.service },
    changed: answerChanged || planChanged || inputs.length > 0 || figures.length > 0 || b.confidence !== a.confidence || b.service !== a.service,
    answerChanged,
    verdict: { before: b.verdict, after: a.verdict },
    feasible: { before: b.feasible, after: a.feasible },
    confidence: { before: b.confidence, after: a.confidence },
    inputs, placements, plans, figures, risks,
  };
}

/** `store (technology)`, the way the CLI names a placement. */
export function placementName(p: { store: string; technology: string }): string {
  return p.store === p.technology || p.technology === 'none' ? p.store : `${p.store} (${p.technology})`;
}

function placementRows(b: Recommendation, a: Recommendation): PlacementRow[] {
  const names = [...new Set([...a.placements.map((p) => p.state), ...b.placements.map((p) => p.state)])];
  return names.map((state) => {
    const pb = b.placements.find((p) => p.state === state);
    const pa = a.placements.find((p) => p.state === state);
    const before = pb ? placementName(pb) : null;
    const after = pa ? placementName(pa) : null;
    return { state, before, after, changed: before !== after };
  });
}

function riskChanges(b: Recommendation, a: Recommendation): RiskChange[] {
  const ids = [...new Set([...a.risks.map((r) => r.id), ...b.risks.map((r) => r.id)])];
  return ids.flatMap((id) => {
    const rb = b.risks.find((r) => r.id === id);
    const ra = a.risks.find((r) => r.id === id);
    if (rb?.severity === ra?.severity) return [];
    return [{ id, before: rb?.severity ?? null, after: ra?.severity ?? null, text: (ra ?? rb)!.text }];
  });
}


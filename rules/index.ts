/**
 * statewise core: pure, synchronous, deterministic. parse → normalize → evaluate → render.
 * Adapters (server/, extension/) import from here only.
 */
export { parseRequirements, validateRequirements, MAX_REQUIREMENTS_NODES } from './contract/parse-requirements.ts';
export { validate } from './contract/validate.ts';
export { nodeCount, parseText, type ParseOptions, type ParsedText } from './contract/yaml-text.ts';
export { positionAt } from './contract/locate.ts';
export { RequirementsSchema, API_VERSION, KNOWN_STORES, MEMORY, REALTIME, SESSION_LOSS, OWNER, LIFETIME, LOSS_IMPACT, type Requirements, type RequirementsInput, type StateItem } from './contract/requirements.ts';
export { RecommendationSchema, VERDICTS, STORES, FAILURE_KINDS, type Recommendation, type Verdict, type Store, type FailureRow } from './contract/recommendation.ts';
export { BriefRecommendationSchema, DETAILS, type BriefRecommendation, type Detail } from './contract/brief.ts';
export { count, NAMES_IN_FULL, noteFactor, someNames } from './contract/words.ts';
export { humanNumber } from './model/format.ts';
export { toPointer, toDotted, issue, ISSUE_CODES, type Issue, type IssueCode, type Result } from './contract/issues.ts';
export { statewiseError, ZOD_DEFAULT_TEXT } from './contract/messages.ts';
export { requirementsJsonSchema } from './contract/json-schema.ts';
export { defaultsApplied, fieldOf, type DefaultApplied } from './contract/defaults.ts';
export { loadCatalog, type CatalogSource, type LoadOptions } from './catalog/load.ts';
export type { Catalog } from './catalog/compiled.ts';
export { BUILTIN_CATALOG } from './catalog/builtin.generated.ts';
export { createEngine, type Engine, type EngineOptions } from './engine/create.ts';
export { sha256Hex, type Sha256Hex } from './contract/digest.ts';
export type { AdviseOptions } from './engine/advise.ts';
export { describeCatalog, conditionText, type RuleInfo } from './catalog/describe.ts';
export { lintCatalog, LINT_CODES, type LintCode, type LintFinding } from './catalog/lint.ts';
export { firedRules, ruleCoverage, type RuleCoverage } from './engine/fired.ts';
export {
  failureCellParts, failureCellText, failureMatrix, FAILURE_LEGEND,
  renderReview, reviewInputChanges, parseReviewProvenance, isoDate, isIsoDate, reviewDate, provenanceOf, compareProvenance, describeChanges, flowchart, storeNodeId,
  type ReviewInput, type Provenance, type ReviewProvenance, type ProvenanceChanges,
} from './review/index.ts';
export { didYouMean } from './contract/suggest.ts';
export { splitChanges } from './review/compare.ts';
export {
  diffAnswers, inputChanges, renderDiffMarkdown, renderDiffText, placementName,
  type AnswerDiff, type Side, type FigureChange, type PlanRow, type PlacementRow, type RiskChange,
} from './diff/index.ts';
export { structurizrWorkspace, likec4Model, backstageCatalog, architectureOf, type Architecture, type BackstageOptions } from './export/index.ts';
export {
  planOf, itemText, draftRequirements, loadConformanceCatalog, evaluateConformance, baselineOf, compareBaseline, BaselineSchema, SEVERITY_RANK, EVIDENCE_KINDS,
  ConformanceCatalogSchema, CONFORMANCE_SEVERITIES,
  type Evidence, type EvidenceKind, type FactValue, type Plan, type PlanItem, type ConformanceResult, type ConformanceFinding,
  type SuppressedFinding, type Baseline, type ConformanceCatalog, type ConformanceRule, type ConformanceSeverity,
} from './conformance/index.ts';
export type { Implementation } from './contract/requirements.ts';
export { locateIssues } from './contract/locate.ts';

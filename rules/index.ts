/**
 * statewise core: pure, synchronous, deterministic. parse → normalize → evaluate → render.
 * Adapters (server/, extension/) import from here only.
 */
export { parseRequirements, validateRequirements, nodeCount, MAX_REQUIREMENTS_NODES, type ParseOptions } from './contract/parse.ts';
export { RequirementsSchema, API_VERSION, type Requirements, type RequirementsInput, type StateItem } from './contract/requirements.ts';
export { RecommendationSchema, VERDICTS, STORES, type Recommendation, type Verdict, type Store } from './contract/recommendation.ts';
export { toPointer, toDotted, issue, type Issue, type Result } from './contract/issues.ts';
export { requirementsJsonSchema } from './contract/json-schema.ts';
export { loadCatalog, type Catalog, type CatalogSource, type LoadOptions } from './catalog/load.ts';
export { BUILTIN_CATALOG } from './catalog/builtin.generated.ts';
export { createEngine, type Engine } from './engine/create.ts';
export type { AdviseOptions } from './engine/advise.ts';
export { describeCatalog, conditionText, type RuleInfo } from './catalog/describe.ts';
export { lintCatalog, LINT_CODES, type LintCode, type LintFinding } from './catalog/lint.ts';
export { firedRules, ruleCoverage, type RuleCoverage } from './engine/fired.ts';
export {
  renderReview, parseReviewProvenance, provenanceOf, compareProvenance, describeChanges, flowchart, storeNodeId,
  type ReviewInput, type Provenance, type ReviewProvenance, type ProvenanceChanges,
} from './review/index.ts';

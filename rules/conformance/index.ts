/** Conformance: a repository's code and manifests checked against the plans of its requirements files. */
export { EVIDENCE_KINDS, type Evidence, type EvidenceKind, type FactValue } from './evidence.ts';
export { planOf, itemText, type Plan, type PlanItem } from './plan.ts';
export { loadConformanceCatalog } from './load.ts';
export { evaluateConformance, type ConformanceResult } from './evaluate.ts';
export { SEVERITY_RANK, type ConformanceFinding, type SuppressedFinding } from './finding.ts';
export { BaselineSchema, baselineOf, compareBaseline, type Baseline } from './baseline.ts';
export { ConformanceCatalogSchema, CONFORMANCE_SEVERITIES, type ConformanceCatalog, type ConformanceRule, type ConformanceSeverity } from './schema.ts';
export { draftRequirements } from './draft.ts';

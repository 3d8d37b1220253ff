/** Design-review documents: render a recommendation as Markdown, read its provenance back, compare for drift. */
export { renderReview, type ReviewInput } from './render.ts';
export { parseReviewProvenance, provenanceOf, citedRules, ProvenanceSchema, type Provenance, type ReviewProvenance } from './provenance.ts';
export { compareProvenance, describeChanges, splitChanges, type ProvenanceChanges } from './compare.ts';
export { inputChanges as reviewInputChanges } from './input-changes.ts';
export { flowchart, storeNodeId } from './mermaid.ts';
export { isoDate, isIsoDate, reviewDate } from './dates.ts';
export { failureCellParts, failureCellText, failureMatrix, FAILURE_LEGEND } from './failure-cell.ts';

/**
 * The second bundle (`dist/engine.js`): the rule engine with its catalogue and the review renderer. Activation,
 * diagnostics, hover and completion never need them, so the main bundle stays small and activation does not pay
 * for inflating and compiling the catalogue; the first recommendation, review or CodeLens loads this once.
 */
export { createEmbeddedEngines, type EmbeddedEngines } from './embedded.ts';
export { renderReview } from '../../rules/index.ts';
export { scanRepository, type ScanReport } from '../../adapters/scan/index.ts';

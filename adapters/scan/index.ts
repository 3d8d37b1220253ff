/** Reading a repository for `statewise scan` and `statewise init --from`: files, grammars and evidence extraction. */
export { listFiles, SKIPPED_DIRS } from './files.ts';
export { collectEvidence, type EvidenceOptions } from './evidence.ts';
export { scanRepository, type ScanOptions, type ScanReport } from './scan.ts';
export { loadGrammars, wasmPaths, WASM_FILES } from './grammars.ts';

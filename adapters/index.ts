/**
 * The Node-side adapter concerns shared by the CLI, the HTTP server and the VS Code extension: catalogue folders,
 * requirements files, review files and their dates, the clock, the version. Each concern lives here once, so the
 * front ends cannot disagree.
 */
export { readCatalogDir, loadEngine, createEngineLoader, CATALOG_FILE, MAX_CATALOG_FILES, MAX_CATALOG_BYTES, type EngineLoader } from './catalog-folder.ts';
export { DEFAULT_REVIEWS_DIR, reviewFileName, reviewPathFor, relativeSource, sourceName, existingReviewDate, readReviewFile } from './review-files.ts';
export { readBoundedFile, readBoundedFd, formatBytes, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_REVIEW_BYTES, type FileRead } from './bounded-file.ts';
export { readRequirementsFile, readRequirementsSource, type RequirementsReadOptions, STDIN, REQUIREMENTS_FILE, REQUIREMENTS_GLOB, isRequirementsFile, baseName } from './requirements-file.ts';
export { today } from './clock.ts';
export { VERSION } from './version.ts';
export { packageRoot } from './package-root.ts';

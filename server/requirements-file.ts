// The CLI's commands import the requirements-file reader from here; it lives once in adapters/ (shared with the editor).
export { readRequirementsFile, readRequirementsSource, STDIN } from '../adapters/index.ts';

// Requirements-file names, shared with the CLI (adapters/requirements-file.ts): the editor imports them from here.
export { REQUIREMENTS_FILE, REQUIREMENTS_GLOB, isRequirementsFile, baseName } from '../../adapters/index.ts';

/** Which documents are statewise requirements files: `*.statewise.yaml`, `*.statewise.yml`, `*.statewise.json`. */
export const REQUIREMENTS_FILE = /\.statewise\.(ya?ml|json)$/i;

/** The glob for workspace searches (findFiles, activation). */
export const REQUIREMENTS_GLOB = '**/*.statewise.{yaml,yml,json}';

/** @example isRequirementsFile('/w/shop.statewise.yaml') === true */
export function isRequirementsFile(fileName: string): boolean {
  return REQUIREMENTS_FILE.test(fileName);
}

/** The last path segment, for messages (`shop.statewise.yaml`). */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

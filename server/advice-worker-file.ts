import { pathToFileURL } from 'node:url';

/**
 * The file an advice worker thread starts, next to the module this code runs in:
 * - from the TypeScript sources (this module is a `.ts` file run by tsx or vitest): `advice-worker.boot.js`, which
 *   registers tsx in the thread and imports `advice-worker.ts`;
 * - from a build (this code bundled into `dist/*.cjs`): the compiled sibling `advice-worker.cjs`, i.e. the build must
 *   emit server/advice-worker.ts as `dist/advice-worker.cjs` (CommonJS, default export = the task handler).
 * @example new Piscina({ filename: adviceWorkerFile().href })
 */
export function adviceWorkerFile(here: string = moduleUrl()): URL {
  return new URL(/\.[cm]?ts$/.test(new URL(here).pathname) ? './advice-worker.boot.js' : './advice-worker.cjs', here);
}

/** This module's URL: `import.meta.url` in ESM; in a CommonJS bundle esbuild leaves `import.meta` empty, so `__filename`. */
function moduleUrl(): string {
  const url = (import.meta as { url?: string }).url;
  return typeof url === 'string' ? url : pathToFileURL(__filename).href;
}

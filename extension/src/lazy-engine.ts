/** What the lazily loaded bundle exports (see engine-module.ts). */
export type EngineModule = typeof import('./engine-module.ts');

let loading: Promise<EngineModule> | undefined;

/**
 * The engine bundle, loaded on first use and kept. In the build this import resolves to `./engine.js` next to
 * `extension.js` (scripts/build-extension.ts); in tests it is the source module.
 */
export function loadEngineModule(): Promise<EngineModule> {
  loading ??= import('./engine-module.ts');
  return loading;
}

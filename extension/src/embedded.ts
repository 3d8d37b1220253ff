import { createEngineLoader, type EngineLoader } from '../../adapters/index.ts';

/** The engine for the built-in catalogue plus the custom folder, when given (read afresh on every call). */
export type EmbeddedEngines = EngineLoader;

/**
 * The in-process engine: the built-in catalogue, with the `statewise.rulesPath` folder layered on top. The folder is
 * read by the same adapter as the CLI's `--rules` (adapters/catalog-folder.ts), so both report the same rulesVersion.
 * @example createEmbeddedEngines().get().ok
 */
export function createEmbeddedEngines(): EmbeddedEngines {
  return createEngineLoader(process.cwd(), { absoluteNames: true });
}

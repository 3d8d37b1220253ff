import { createEngineLoader, type EngineLoader } from '../../adapters/index.ts';
import { nodeSha256 } from '../../adapters/sha256.ts';

/** The engine for the built-in catalogue plus the custom folder, when given (read afresh on every call). */
export type EmbeddedEngines = EngineLoader;

/**
 * The in-process engine: the built-in catalogue, with the `statewise.rulesPath` folder layered on top. The folder is
 * read by the same adapter as the CLI's `--rules` (adapters/catalog-folder.ts), so both report the same rulesVersion.
 * The extension host is Node: digests (input and catalogue version) go through node:crypto, as in the CLI.
 * @example createEmbeddedEngines().get().ok
 */
export function createEmbeddedEngines(): EmbeddedEngines {
  return createEngineLoader(process.cwd(), { absoluteNames: true, sha256: nodeSha256 });
}

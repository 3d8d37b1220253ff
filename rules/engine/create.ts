import type { Requirements } from '../contract/requirements.ts';
import type { Recommendation } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { advise, type AdviseOptions } from './advise.ts';

export interface Engine {
  catalog: Catalog;
  rulesVersion: string;
  advise(req: Requirements, options?: AdviseOptions): Recommendation;
}

/**
 * Binds a compiled catalogue once; the engine holds no other state, so one engine serves any number of requests.
 * @example createEngine(catalog).advise(requirements).verdict
 */
export function createEngine(catalog: Catalog): Engine {
  return {
    catalog,
    rulesVersion: catalog.version,
    advise: (req, options) => advise(catalog, req, options),
  };
}

import type { Requirements } from '../contract/requirements.ts';
import type { Recommendation } from '../contract/recommendation.ts';
import type { BriefRecommendation, Detail } from '../contract/brief.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { sha256Hex, type Sha256Hex } from '../contract/digest.ts';
import { advise, type AdviseOptions } from './advise.ts';
import { adviseBrief } from './brief.ts';

export interface Engine {
  catalog: Catalog;
  rulesVersion: string;
  /** The full answer (default), or with `detail: 'brief'` the brief one, which skips the work it does not send. */
  advise(req: Requirements, options?: AdviseOptions & { detail?: 'full' }): Recommendation;
  advise(req: Requirements, options: AdviseOptions & { detail: 'brief' }): BriefRecommendation;
  advise(req: Requirements, options: AdviseOptions & { detail: Detail }): Recommendation | BriefRecommendation;
}

export interface EngineOptions {
  /** The host's SHA-256 for input digests (Node adapters pass node:crypto's); default the core's pure one. Same digests either way. */
  sha256?: Sha256Hex;
}

/**
 * Binds a compiled catalogue and the options once; the engine holds no other state, so one engine serves any number of requests.
 * @example createEngine(catalog).advise(requirements).verdict
 */
export function createEngine(catalog: Catalog, options: EngineOptions = {}): Engine {
  const hash = options.sha256 ?? sha256Hex;
  const run = (req: Requirements, o: AdviseOptions & { detail?: Detail } = {}) =>
    (o.detail === 'brief' ? adviseBrief(catalog, req, o) : advise(catalog, req, o, hash));
  return {
    catalog,
    rulesVersion: catalog.version,
    advise: run as Engine['advise'],
  };
}

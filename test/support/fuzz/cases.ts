import fc from 'fast-check';
import { stringify } from 'yaml';
import { requirementsArb } from '../arbitraries.ts';
import { applyByteMutations, byteMutationArb } from './bytes.ts';
import { applyMutations, mutationArb } from './mutate.ts';
import { isSpecial, toJsonText, type Tree } from './tree.ts';

/**
 * One fuzz request: the route, the Content-Type sent and the exact body bytes. `kind` says how it was made:
 * `valid` (a generated valid document, must answer 200), `tree` (structural mutations) or `bytes` (raw mutations).
 */
export interface FuzzCase {
  route: 'single' | 'batch';
  contentType: string | undefined;
  body: Uint8Array;
  kind: 'valid' | 'tree' | 'bytes';
}

export const ROUTES = { single: '/v1/recommendations', batch: '/v1/recommendations/batch' } as const;

/** Mostly the right type; sometimes a variant that must still work, sometimes one that must be refused (415). */
const contentTypeArb = (format: 'json' | 'yaml'): fc.Arbitrary<string | undefined> => fc.oneof(
  { weight: 20, arbitrary: fc.constant(format === 'json' ? 'application/json' : 'application/yaml') },
  { weight: 2, arbitrary: fc.constantFrom(...(format === 'json'
    ? ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/vnd.statewise+json']
    : ['application/x-yaml', 'text/yaml; charset=utf-8', 'text/x-yaml'])) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, 'text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json-seq', '', 'application') },
);

/** Relative weights of case kinds, batch and YAML shares (of 10), and the most state items a generated document has. */
export interface CaseWeights { valid: number; tree: number; bytes: number; batch: number; yaml: number; maxItems: number }
export const DEFAULT_WEIGHTS: CaseWeights = { valid: 2, tree: 5, bytes: 3, batch: 2, yaml: 3, maxItems: 12 };
/** Cheaper mix for the `npm test` slice: fewer full advices (each runs the whole engine), smaller documents. */
export const SLICE_WEIGHTS: CaseWeights = { valid: 1, tree: 5, bytes: 4, batch: 2, yaml: 3, maxItems: 4 };

/** Serializes a document for the wire: YAML through the yaml library unless the tree needs raw JSON tokens. */
function text(tree: Tree, format: 'json' | 'yaml', pretty: boolean): string {
  if (format === 'yaml' && !isSpecial(tree)) return stringify(tree);
  return pretty && !isSpecial(tree) ? JSON.stringify(tree, null, 2) : toJsonText(tree);
}

/** Arbitrary fuzz requests, weighted by `weights` (relative). Deterministic for a given fast-check seed. */
export function caseArb(weights: CaseWeights = DEFAULT_WEIGHTS): fc.Arbitrary<FuzzCase> {
  const single = fc.record({
    route: fc.constant('single' as const),
    format: fc.oneof({ weight: 10 - weights.yaml, arbitrary: fc.constant('json' as const) }, { weight: weights.yaml, arbitrary: fc.constant('yaml' as const) }),
    docs: fc.tuple(requirementsArb({ maxItems: weights.maxItems })) as fc.Arbitrary<unknown[]>,
  });
  const batch = fc.record({
    route: fc.constant('batch' as const),
    format: fc.constant('json' as const),
    docs: fc.array(requirementsArb({ maxItems: Math.min(6, weights.maxItems) }), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<unknown[]>,
  });
  return fc.record({
    target: fc.oneof({ weight: 10 - weights.batch, arbitrary: single }, { weight: weights.batch, arbitrary: batch }),
    kind: fc.oneof(
      { weight: weights.valid, arbitrary: fc.constant('valid' as const) },
      { weight: weights.tree, arbitrary: fc.constant('tree' as const) },
      { weight: weights.bytes, arbitrary: fc.constant('bytes' as const) },
    ),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    byteMutations: fc.array(byteMutationArb, { minLength: 1, maxLength: 3 }),
    pretty: fc.boolean(),
    type: fc.nat(),
  }).chain((c) => contentTypeArb(c.target.format).map((contentType) => ({ ...c, contentType }))).map((c): FuzzCase => {
    const { route, format, docs } = c.target;
    const doc = (route === 'single' ? docs[0] : { items: docs }) as Tree;
    const tree = c.kind === 'tree' ? applyMutations(doc, c.mutations) : doc;
    let body: Uint8Array = new TextEncoder().encode(text(tree, format, c.pretty));
    if (c.kind === 'bytes') body = applyByteMutations(body, c.byteMutations);
    // A "valid" case keeps the right Content-Type: it must answer 200.
    const contentType = c.kind === 'valid' ? (format === 'json' ? 'application/json' : 'application/yaml') : c.contentType;
    return { route, contentType, body, kind: c.kind };
  });
}

/** A case as stored in a regression fixture (JSON-safe). */
export interface StoredCase { route: FuzzCase['route']; contentType: string | null; bodyBase64: string; kind: FuzzCase['kind']; found?: string; violations?: string[]; note?: string }

export function storeCase(c: FuzzCase, extra: Pick<StoredCase, 'found' | 'violations'> = {}): StoredCase {
  return { route: c.route, contentType: c.contentType ?? null, bodyBase64: Buffer.from(c.body).toString('base64'), kind: c.kind, ...extra };
}

export function loadCase(s: StoredCase): FuzzCase {
  return { route: s.route, contentType: s.contentType ?? undefined, body: new Uint8Array(Buffer.from(s.bodyBase64, 'base64')), kind: s.kind };
}

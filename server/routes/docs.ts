import { VERSION } from '../../adapters/index.ts';
import { DOCS_CSP, DOCS_INIT_JS, docsAsset, renderDocsPage } from '../http/docs-page.ts';
import { addExamples } from '../http/openapi-examples.ts';
import { JsonObjectSchema } from '../http/schemas.ts';
import { documented, type App, type RouteDeps } from './shared.ts';

export const OPENAPI_INFO = {
  title: 'statewise',
  version: VERSION,
  description: 'Architecture decision advisor: stateless, stateful or hybrid — where every piece of state should live, and why.',
};

/**
 * GET /openapi.json and the API reference at /docs (Swagger UI served from node_modules). Registered last: the
 * document is generated once from every route registered before it (all from zod schemas), with request and
 * response examples from examples/, then served as fixed bytes.
 */
export function registerDocs(app: App, deps: RouteDeps, hasKeys: boolean): void {
  documented(app, {
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    tags: ['operations'],
    security: [],
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: JsonObjectSchema } } } },
  }, (c) => { c.header('Content-Type', 'application/json; charset=utf-8'); return c.body(json()); });
  if (hasKeys) app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: 'An API key from STATEWISE_API_KEYS or --api-keys-file.' });
  let cached: string | undefined;
  const doc = () => app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { ...OPENAPI_INFO, license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' } },
    servers: [{ url: '/', description: 'this server' }],
    tags: [
      { name: 'recommendations', description: 'Architecture recommendations' },
      { name: 'catalogue', description: 'The rule catalogue and the requirements schema' },
      { name: 'operations', description: 'Probes and this document' },
    ],
  });
  const json = () => (cached ??= JSON.stringify(addExamples(doc(), deps.engine, deps.today())));
  const page = renderDocsPage(OPENAPI_INFO);
  // The reference runs scripts from this origin: its own policy, which the global secure headers leave in place.
  app.get('/docs', (c) => { c.header('Content-Security-Policy', DOCS_CSP); return c.html(page); });
  app.get('/docs/init.js', (c) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(DOCS_INIT_JS);
  });
  app.get('/docs/assets/:name', (c) => {
    const asset = docsAsset(c.req.param('name'));
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.type);
    // The URLs carry the swagger-ui-dist version: a new release is a new URL.
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });
}

import { VERSION } from '../../adapters/index.ts';
import { renderDocsPage } from '../http/docs-page.ts';
import { JsonObjectSchema } from '../http/schemas.ts';
import { documented, type App, type RouteDeps } from './shared.ts';

export const OPENAPI_INFO = {
  title: 'statewise',
  version: VERSION,
  description: 'Architecture decision advisor: stateless, stateful or hybrid — where every piece of state should live, and why.',
};

/**
 * GET /openapi.json and GET /docs. Registered last: the document is generated once from every route registered
 * before it (all from zod schemas), then served as fixed bytes.
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
  const json = () => (cached ??= JSON.stringify(doc()));
  let page: string | undefined;
  app.get('/docs', (c) => c.html(page ??= renderDocsPage(JSON.parse(json()))));
  void deps;
}

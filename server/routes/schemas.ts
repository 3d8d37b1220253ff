import { requirementsJsonSchema } from '../../rules/index.ts';
import { JsonObjectSchema } from '../http/schemas.ts';
import { documented, problemResponses, type App, type RouteDeps } from './shared.ts';

/** GET /v1/schemas/requirements: the JSON Schema of requirements files, as `statewise schema` prints it. */
export function registerSchemas(app: App, deps: RouteDeps): void {
  const schema = requirementsJsonSchema();
  documented(app, {
    method: 'get',
    path: '/v1/schemas/requirements',
    operationId: 'requirementsSchema',
    tags: ['catalogue'],
    summary: 'JSON Schema (draft 2020-12) of requirements documents',
    security: deps.security,
    responses: {
      200: { description: 'The JSON Schema, derived from the zod contract.', content: { 'application/schema+json': { schema: JsonObjectSchema } } },
      ...problemResponses(401, 500),
    },
  }, (c) => {
    c.header('Content-Type', 'application/schema+json');
    return c.body(JSON.stringify(schema));
  });
}

import createClient, { type Middleware } from 'openapi-fetch';
import type { z } from 'zod';
import { RecommendationSchema } from '../../rules/index.ts';
import { ProblemSchema } from '../../server/http/problem.ts';
import {
  BatchResponseSchema, HealthSchema, JsonObjectSchema, ReviewJsonSchema, RulesResponseSchema,
} from '../../server/http/schemas.ts';
import type { paths } from './api-types.generated.ts';

/** The zod schema every 2xx JSON body of a route must satisfy. */
const SUCCESS: Record<string, z.ZodType> = {
  '/healthz': HealthSchema,
  '/openapi.json': JsonObjectSchema,
  '/v1/rules': RulesResponseSchema,
  '/v1/schemas/requirements': JsonObjectSchema,
  '/v1/recommendations': RecommendationSchema,
  '/v1/recommendations/batch': BatchResponseSchema,
  '/v1/design-reviews': ReviewJsonSchema,
};

export interface Checked { path: string; status: number; kind: 'success' | 'problem' | 'markdown' }

/**
 * A typed client (types generated from the served /openapi.json) that validates every response as it arrives:
 * 2xx JSON bodies against the route's zod schema, every error against the Problem schema. A mismatch throws.
 */
export function apiClient(baseUrl: string, headers: Record<string, string> = {}) {
  const checked: Checked[] = [];
  const validate: Middleware = {
    async onResponse({ response, schemaPath }) {
      const type = response.headers.get('content-type') ?? '';
      const text = await response.clone().text();
      if (response.status >= 400) {
        if (type !== 'application/problem+json') throw new Error(`${schemaPath} ${response.status}: content-type ${type}`);
        ProblemSchema.parse(JSON.parse(text));
        checked.push({ path: schemaPath, status: response.status, kind: 'problem' });
      } else if (type.startsWith('text/markdown')) {
        if (!text.startsWith('---\n')) throw new Error(`${schemaPath}: markdown without front matter`);
        checked.push({ path: schemaPath, status: response.status, kind: 'markdown' });
      } else {
        const schema = SUCCESS[schemaPath];
        if (!schema) throw new Error(`no schema for ${schemaPath}`);
        schema.parse(JSON.parse(text));
        checked.push({ path: schemaPath, status: response.status, kind: 'success' });
      }
      return undefined;
    },
  };
  const client = createClient<paths>({ baseUrl, headers });
  client.use(validate);
  return { client, checked };
}

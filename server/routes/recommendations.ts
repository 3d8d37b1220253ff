import type { Context } from 'hono';
import { bodyFormat, bodyText, parseRequirementsBody } from '../http/body.ts';
import { issuesProblem, problem } from '../http/problem.ts';
import { RecommendationDoc, RequirementsDoc } from '../http/schemas.ts';
import { clientGone, documented, problemResponses, type App, type RouteDeps } from './shared.ts';

/** The JSON text of one answer (2-space indent, final newline): what POST /v1/recommendations sends. */
export function recommendationText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** POST /v1/recommendations: one Requirements document (JSON or YAML) → its Recommendation. */
export function registerRecommendations(app: App, deps: RouteDeps): void {
  documented(app, {
    method: 'post',
    path: '/v1/recommendations',
    operationId: 'recommend',
    tags: ['recommendations'],
    summary: 'Recommend an architecture for one service',
    description: 'The body is a statewise/v1 requirements document as JSON or YAML. The answer is exactly what '
      + '`statewise advise --json` prints for the same input.',
    security: deps.security,
    request: {
      body: {
        required: true,
        content: {
          'application/json': { schema: RequirementsDoc },
          'application/yaml': { schema: RequirementsDoc },
        },
      },
    },
    responses: {
      200: { description: 'The recommendation.', content: { 'application/json': { schema: RecommendationDoc } } },
      ...problemResponses(400, 401, 413, 415, 500),
    },
  }, deps.limit, async (c: Context) => {
    const format = bodyFormat(c.req.header('content-type'));
    if (!format) return unsupported(c);
    const parsed = parseRequirementsBody(await bodyText(c), format);
    if (!parsed.ok) return issuesProblem(c, parsed.kind, parsed.issues);
    if (clientGone(c)) return problem(c, 'invalid-request', 'the client closed the connection before the answer was ready');
    const answer = deps.engine.advise(parsed.value, { today: deps.today() });
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(recommendationText(answer));
  });
}

/** 415 naming what is accepted. */
export function unsupported(c: Context, accepted = 'application/json or application/yaml'): Response {
  const got = c.req.header('content-type') ?? 'no Content-Type';
  return problem(c, 'unsupported-media-type', `${got} is not supported; send ${accepted}`);
}

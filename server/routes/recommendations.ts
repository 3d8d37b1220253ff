import type { Context } from 'hono';
import { bodyFormat, bodyText } from '../http/body.ts';
import { problem } from '../http/problem.ts';
import { z } from '@hono/zod-openapi';
import { answerDetail, DetailQuery, PreferHeader } from '../http/detail.ts';
import { BriefRecommendationDoc, RecommendationDoc, RequirementsDoc } from '../http/schemas.ts';
import { runAdvice } from './run-advice.ts';
import { clientGone, documented, problemResponses, type App, type RouteDeps } from './shared.ts';

/** POST /v1/recommendations: one Requirements document (JSON or YAML) → its Recommendation. */
export function registerRecommendations(app: App, deps: RouteDeps): void {
  documented(app, {
    method: 'post',
    path: '/v1/recommendations',
    operationId: 'recommend',
    tags: ['recommendations'],
    summary: 'Recommend an architecture for one service',
    description: 'The body is a statewise/v1 requirements document as JSON or YAML. The answer is exactly what '
      + '`statewise advise --json` prints for the same input. `detail=brief` or `Prefer: return=minimal` answers the '
      + 'BriefRecommendation instead (what `statewise advise --format brief` tabulates per file).',
    security: deps.security,
    request: {
      query: DetailQuery,
      headers: PreferHeader,
      body: {
        required: true,
        content: {
          'application/json': { schema: RequirementsDoc },
          'application/yaml': { schema: RequirementsDoc },
        },
      },
    },
    responses: {
      200: {
        description: 'The recommendation: full (default) or brief (`detail=brief`, `Prefer: return=minimal`).',
        headers: {
          'Preference-Applied': { description: 'Echoes the `return` preference when it decided the form.', schema: { type: 'string', example: 'return=minimal' } },
          Vary: { description: 'Always includes `Prefer`: the form of the answer depends on it.', schema: { type: 'string' } },
        },
        content: { 'application/json': { schema: z.union([RecommendationDoc, BriefRecommendationDoc]) } },
      },
      ...problemResponses(400, 401, 413, 415, 500, 503),
    },
  }, deps.limit, async (c: Context) => {
    const format = bodyFormat(c.req.header('content-type'));
    if (!format) return unsupported(c);
    const detail = answerDetail(c);
    if (detail instanceof Response) return detail;
    const body = await bodyText(c);
    if (clientGone(c)) return problem(c, 'invalid-request', 'the client closed the connection before the answer was ready');
    const answer = await runAdvice(c, deps, { kind: 'recommend', body, format, today: deps.today(), detail });
    if (answer instanceof Response) return answer;
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(answer.body);
  });
}

/** 415 naming what is accepted. */
export function unsupported(c: Context, accepted = 'application/json or application/yaml'): Response {
  const got = c.req.header('content-type') ?? 'no Content-Type';
  return problem(c, 'unsupported-media-type', `${got} is not supported; send ${accepted}`);
}

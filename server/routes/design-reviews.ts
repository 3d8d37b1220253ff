import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { statewiseError } from '../../rules/index.ts';
import { bodyString } from '../advice-tasks.ts';
import { bodyFormat, bodyText } from '../http/body.ts';
import { problem } from '../http/problem.ts';
import { RequirementsDoc, ReviewJsonSchema } from '../http/schemas.ts';
import { unsupported } from './recommendations.ts';
import { runAdvice } from './run-advice.ts';
import { clientGone, documented, problemResponses, type App, type RouteDeps } from './shared.ts';

const ReviewQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()
    .openapi({ description: 'The review date (default: today, UTC). Pass the committed review\'s date to reproduce it.' }),
  source: z.string().min(1).max(200).regex(/^[^\r\n]*$/).optional()
    .openapi({ description: 'The requirements file\'s path, recorded in the provenance front matter as `statewise review` does.' }),
});

const MARKDOWN = 'text/markdown; charset=utf-8';

/** POST /v1/design-reviews: the Markdown design review, or `{ markdown }` when the client asks for JSON. */
export function registerDesignReviews(app: App, deps: RouteDeps): void {
  documented(app, {
    method: 'post',
    path: '/v1/design-reviews',
    operationId: 'designReview',
    tags: ['recommendations'],
    summary: 'The design-review document for one service',
    description: 'ADR-style Markdown with MADR front matter and a Mermaid diagram, the same text `statewise review` writes. '
      + 'Send `Accept: application/json` to get `{ "markdown": "…" }` instead.',
    security: deps.security,
    request: {
      query: ReviewQuery,
      body: { required: true, content: { 'application/json': { schema: RequirementsDoc }, 'application/yaml': { schema: RequirementsDoc } } },
    },
    responses: {
      200: {
        description: 'The design review.',
        content: { 'text/markdown': { schema: z.string() }, 'application/json': { schema: ReviewJsonSchema } },
      },
      ...problemResponses(400, 401, 406, 413, 415, 500, 503),
    },
  }, deps.limit, async (c: Context) => {
    const want = negotiate(c.req.header('accept'));
    if (!want) return problem(c, 'not-acceptable', 'this resource is text/markdown or application/json');
    const format = bodyFormat(c.req.header('content-type'));
    if (!format) return unsupported(c);
    const query = ReviewQuery.safeParse({ date: c.req.query('date'), source: c.req.query('source') }, { error: statewiseError });
    if (!query.success) {
      return problem(c, 'invalid-request', 'invalid query parameters', query.error.issues.map((i) => ({
        pointer: '', parameter: String(i.path[0]), detail: `query parameter ${String(i.path[0])}: ${i.message}`,
      })));
    }
    const body = await bodyText(c);
    if (clientGone(c)) return problem(c, 'invalid-request', 'the client closed the connection before the answer was ready');
    const answer = await runAdvice(c, deps, {
      kind: 'review', body, format, today: deps.today(),
      ...(query.data.date ? { date: query.data.date } : {}), ...(query.data.source ? { source: query.data.source } : {}),
    });
    if (answer instanceof Response) return answer;
    if (want === 'json') return c.json({ markdown: bodyString(answer.body) });
    c.header('Content-Type', MARKDOWN);
    return c.body(answer.body);
  });
}

/** `Accept` → 'markdown' | 'json' | undefined (406). Highest q wins; a tie goes to Markdown; no header = Markdown. */
export function negotiate(accept: string | undefined): 'markdown' | 'json' | undefined {
  if (!accept?.trim()) return 'markdown';
  let best: { kind: 'markdown' | 'json'; q: number } | undefined;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!(q > 0)) continue;
    const kind = type === 'application/json' ? 'json'
      : ['text/markdown', 'text/*', '*/*'].includes(type) ? 'markdown' : undefined;
    if (kind && (!best || q > best.q || (q === best.q && kind === 'markdown' && best.kind !== 'markdown'))) best = { kind, q };
  }
  return best?.kind;
}

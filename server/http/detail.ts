import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { DETAILS, statewiseError, type Detail } from '../../rules/index.ts';
import { problem } from './problem.ts';

/**
 * Which form of the answer a request asks for: `?detail=brief|full`, else `Prefer: return=minimal` (brief) or
 * `return=representation` (full) (RFC 7240), else full — the `statewise/v1` answer as it always was. The query wins
 * over the header; `Preference-Applied` says when the header's wish was the one honoured.
 */

export const DetailQuery = z.object({
  detail: z.enum(DETAILS).optional().openapi({
    description: '`full` (default): the whole recommendation. `brief`: verdict, confidence, scores, placements (store '
      + 'and technology), per plan feasibility, blockers and monthly cost, and risk counts — no sentences and no '
      + 'tipping-point search, so it is cheaper to compute and ~1 KB instead of ~40 KB. Overrides `Prefer`.',
  }),
});

export const PreferHeader = z.object({
  prefer: z.string().optional().openapi({
    description: '`return=minimal` asks for the brief answer, `return=representation` for the full one (RFC 7240); '
      + 'the response then carries `Preference-Applied`. Other preferences are ignored.',
    // Swagger UI's Try it out sends the example: the full answer, as `detail` defaults to.
    example: 'return=representation',
  }),
});

/** The `return` preference of a Prefer header: the first one given, lower-cased, or undefined. */
export function returnPreference(prefer: string | undefined): string | undefined {
  if (!prefer) return undefined;
  for (const part of prefer.split(',')) {
    const [token = ''] = part.split(';');
    const eq = token.indexOf('=');
    if (eq < 0 || token.slice(0, eq).trim().toLowerCase() !== 'return') continue;
    return token.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return undefined;
}

const FROM_PREFERENCE: Record<string, Detail> = { minimal: 'brief', representation: 'full' };

/**
 * The detail for this request, with `Vary: Prefer` and (when the header decided it) `Preference-Applied` set on the
 * response; or a 400 problem naming the query parameter when `detail` is not one of the two.
 */
export function answerDetail(c: Context): Detail | Response {
  c.header('Vary', 'Prefer', { append: true });
  const query = c.req.query('detail');
  const wanted = returnPreference(c.req.header('prefer'));
  const fromHeader = wanted === undefined ? undefined : FROM_PREFERENCE[wanted];
  if (query !== undefined) {
    const parsed = DetailQuery.safeParse({ detail: query }, { error: statewiseError });
    if (!parsed.success) {
      return problem(c, 'invalid-request', 'invalid query parameters', parsed.error.issues.map((i) => ({
        pointer: '', parameter: 'detail', detail: `query parameter detail: ${i.message}`,
      })));
    }
    const detail = parsed.data.detail!;
    if (fromHeader === detail) c.header('Preference-Applied', `return=${wanted}`);
    return detail;
  }
  if (fromHeader) c.header('Preference-Applied', `return=${wanted}`);
  return fromHeader ?? 'full';
}

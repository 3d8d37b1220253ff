import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The ceiling for any JSON route: a bare Hono app that parses the JSON body and echoes it back, served by the same
 * @hono/node-server as the real API and started the same way (node + tsx, one process). Benchmark 3 compares
 * POST /v1/recommendations with this.
 *
 * POST /answer parses the JSON body and answers with a fixed text (ANSWER_FILE, a typical full recommendation as the
 * API sends it): the ceiling for any route that answers with an answer's bytes, however fast its advice — it does no
 * work but reading and parsing the request and writing the ~40 KB response.
 * Usage: node --import tsx bench/echo-server.ts PORT [ANSWER_FILE]
 */
const port = Number(process.argv[2] ?? 0);
const answer = process.argv[3] ? readFileSync(process.argv[3], 'utf8') : '{}';
const app = new Hono();
app.post('/echo', async (c) => c.json(await c.req.json()));
app.post('/answer', async (c) => {
  await c.req.json();
  return c.body(answer, 200, { 'content-type': 'application/json' });
});
app.get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => process.stderr.write(`echo: listening on http://127.0.0.1:${info.port}\n`));
process.on('SIGTERM', () => process.exit(0));

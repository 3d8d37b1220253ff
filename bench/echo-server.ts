import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The ceiling for any JSON route: a bare Hono app that parses the JSON body and echoes it back, served by the same
 * @hono/node-server as the real API and started the same way (node + tsx, one process). Benchmark 3 compares
 * POST /v1/recommendations with this.
 * Usage: node --import tsx bench/echo-server.ts PORT
 */
const port = Number(process.argv[2] ?? 0);
const app = new Hono();
app.post('/echo', async (c) => c.json(await c.req.json()));
app.get('/healthz', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => process.stderr.write(`echo: listening on http://127.0.0.1:${info.port}\n`));
process.on('SIGTERM', () => process.exit(0));

import { HealthSchema } from '../http/schemas.ts';
import { documented, type App, type RouteDeps } from './shared.ts';

/**
 * GET /healthz: liveness and readiness in one. The server holds no state and loads its catalogue before it
 * listens, so "answers at all" means "ready". Never behind auth.
 */
export function registerHealth(app: App, deps: RouteDeps): void {
  const body = { status: 'ok' as const, rulesVersion: deps.engine.rulesVersion };
  documented(app, {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    tags: ['operations'],
    security: [],
    summary: 'Liveness and readiness probe',
    responses: { 200: { description: 'The server is up and its catalogue is loaded.', content: { 'application/json': { schema: HealthSchema } } } },
  }, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
}

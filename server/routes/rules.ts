import { describeCatalog } from '../../rules/index.ts';
import { RulesResponseSchema } from '../http/schemas.ts';
import { documented, problemResponses, type App, type RouteDeps } from './shared.ts';

/** GET /v1/rules: the active catalogue (built-in plus any --rules layer), as `statewise rules --json` prints it. */
export function registerRules(app: App, deps: RouteDeps): void {
  // The catalogue is fixed for the life of the app: describe it once.
  const body = { rulesVersion: deps.engine.rulesVersion, rules: describeCatalog(deps.engine.catalog) };
  documented(app, {
    method: 'get',
    path: '/v1/rules',
    operationId: 'listRules',
    tags: ['catalogue'],
    summary: 'The active rule catalogue',
    security: deps.security,
    responses: {
      200: { description: 'Every rule with its condition, effects and where it is defined.', content: { 'application/json': { schema: RulesResponseSchema } } },
      ...problemResponses(401, 500),
    },
  }, (c) => c.json(body));
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../adapters/index.ts';
import { secureHeaders } from 'hono/secure-headers';
import { problem } from '../http/problem.ts';
import { renderPlaygroundPage, type PlaygroundExample } from './playground-page.ts';
import type { App } from './shared.ts';

const ROOT = packageRoot(import.meta.url);
/** Where `npm run build:web` (scripts/build-web.ts) writes the page's script and stylesheet. */
export const WEB_DIST = join(ROOT, 'dist/web');

/**
 * The CSP of the playground: scripts and styles only from this server (its own bundle and mermaid's dist file from
 * node_modules), requests only to its own API. Styles admit inline because mermaid writes a <style> into each SVG.
 */
export const PLAYGROUND_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

interface Asset { body: Uint8Array; type: string }

/**
 * GET / (the web playground), GET /assets/* (its files) and the favicon. Registered before the app's JSON-API security headers:
 * these two paths answer with their own (the page needs scripts; the API's CSP admits none), and requests here never
 * reach the API middleware after them. Files are read once; a missing build answers 404 saying how to build it.
 */
export function registerPlayground(app: App): void {
  const assets = loadAssets();
  const examples = loadExamples();
  let page: string | undefined;
  app.use('/', secureHeaders({ contentSecurityPolicy: PLAYGROUND_CSP }));
  app.use('/assets/*', secureHeaders({ contentSecurityPolicy: PLAYGROUND_CSP }));
  app.get('/', (c) => {
    if (!assets.has('playground.js')) return problem(c, 'not-found', 'the web playground is not built: run `npm run build:web` (npm start does it)');
    c.header('Cache-Control', 'no-cache');
    return c.html(page ??= renderPlaygroundPage(examples));
  });
  // The icon answers both names: the page links /favicon.svg; /favicon.ico is what browsers ask for unprompted.
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    app.use(path, secureHeaders({ contentSecurityPolicy: PLAYGROUND_CSP }));
    app.get(path, (c) => {
      const icon = assets.get('favicon.svg');
      if (!icon) return problem(c, 'not-found', 'the web playground is not built: run `npm run build:web` (npm start does it)');
      c.header('Content-Type', icon.type);
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(icon.body as Uint8Array<ArrayBuffer>);
    });
  }
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    if (!asset) return problem(c, 'not-found', `no asset ${JSON.stringify(c.req.param('name').slice(0, 80))}`);
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'no-cache');
    return c.body(asset.body as Uint8Array<ArrayBuffer>);
  });
}

/** The built page files, mermaid's own browser bundle among them (copied by scripts/build-web.ts, so a production install without dev dependencies serves it too). */
function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };
  if (existsSync(WEB_DIST)) {
    for (const name of readdirSync(WEB_DIST)) {
      const type = types[name.slice(name.lastIndexOf('.'))];
      if (type) assets.set(name, { body: readFileSync(join(WEB_DIST, name)), type });
    }
  }
  return assets;
}

/** The example requirements files shipped with the project, to pick from. */
function loadExamples(): PlaygroundExample[] {
  const dir = join(ROOT, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.statewise\.(ya?ml|json)$/.test(f)).sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

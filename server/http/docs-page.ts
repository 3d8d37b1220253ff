import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The API reference at /docs: Swagger UI (swagger-ui-dist) over /openapi.json, with "Try it out" against this server.
 * Every file is served by this server from node_modules — no CDN — and the page has no inline script, so it runs
 * under a content security policy that allows scripts from this origin only.
 */

/** The files of swagger-ui-dist the page loads: an allow-list, so /docs/assets/ can never serve anything else. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** One Swagger UI file as bytes with its media type, or undefined for any name not on the allow-list. */
export function docsAsset(name: string): { body: Uint8Array; type: string } | undefined {
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  return type ? { body: readFileSync(join(DIST, name)), type } : undefined;
}

/** The swagger-ui-dist version, for cache busting of the asset URLs. */
export const SWAGGER_UI_VERSION = (JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The policy for /docs and its files: the global one (nothing from anywhere) plus this origin's scripts, styles,
 * images and fetches. Swagger UI sets inline styles, hence 'unsafe-inline' for styles only.
 */
export const DOCS_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
  + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The init script, a file of its own (no inline script under the CSP): Swagger UI on /openapi.json, "Try it out" on. */
export const DOCS_INIT_JS = `'use strict';
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 0,
    // Never send the document to validator.swagger.io: nothing leaves this origin.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
});
`;

/** The /docs HTML shell: a title, a bar linking the playground, the Swagger UI stylesheet and scripts, all from this server. */
export function renderDocsPage(info: { title: string; version: string }): string {
  const v = encodeURIComponent(SWAGGER_UI_VERSION);
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)} ${esc(info.version)} — API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png?v=${v}">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css?v=${v}">
</head><body>
<noscript><p>The API reference needs JavaScript. The machine-readable document is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></noscript>
<nav style="font: 14px/1.4 sans-serif; padding: 10px 20px; border-bottom: 1px solid #ddd; display: flex; gap: 1.5em">
<b>statewise ${esc(info.version)}</b><a href="/">Playground</a><a href="/openapi.json">openapi.json</a></nav>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js?v=${v}"></script>
<script src="/docs/init.js?v=${v}"></script>
</body></html>
`;
}

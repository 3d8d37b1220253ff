/**
 * Builds the browser side of statewise with esbuild — everything the VS Code panel, VS Code's Markdown preview and
 * the web playground load, from the project and node_modules only (no CDN):
 *   extension/dist/webview.js|.css     the panel's script (web/client/panel.ts) and stylesheet
 *   extension/dist/preview-mermaid.js  the Markdown preview script (web/client/preview-mermaid.ts)
 *   extension/dist/mermaid.min.js      mermaid's own browser bundle, shipped inside the .vsix
 *   dist/web/playground.js|.css        the playground page, dist/web/mermaid.min.js and favicon.svg (served by server/routes/playground.ts)
 * Run from anywhere: `npm run build:web` (npm start, build:extension and the e2e tests run it first).
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANSWER_CSS, PAGE_THEME_CSS, VSCODE_THEME_CSS } from '../web/render/index.ts';
import { PANEL_CSS } from '../web/client/panel-css.ts';
import { PLAYGROUND_CSS } from '../web/client/playground-css.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const extensionDist = join(root, 'extension/dist');
const webDist = join(root, 'dist/web');
mkdirSync(extensionDist, { recursive: true });
mkdirSync(webDist, { recursive: true });

const common = { bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'warning' } as const;
await Promise.all([
  build({ ...common, entryPoints: [join(root, 'web/client/panel.ts')], outfile: join(extensionDist, 'webview.js') }),
  build({ ...common, entryPoints: [join(root, 'web/client/preview-mermaid.ts')], outfile: join(extensionDist, 'preview-mermaid.js') }),
  build({ ...common, entryPoints: [join(root, 'web/client/playground.ts')], outfile: join(webDist, 'playground.js') }),
]);
writeFileSync(join(webDist, 'playground.css'), PAGE_THEME_CSS + ANSWER_CSS + PLAYGROUND_CSS);
writeFileSync(join(extensionDist, 'webview.css'), VSCODE_THEME_CSS + ANSWER_CSS + PANEL_CSS);
const mermaid = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
copyFileSync(mermaid, join(extensionDist, 'mermaid.min.js'));
// The playground serves its own copy: mermaid is a dev dependency, absent from a production install.
copyFileSync(mermaid, join(webDist, 'mermaid.min.js'));
// The extension's icon is the page's favicon (without one, every page load logs a 404 for /favicon.ico).
copyFileSync(join(root, 'extension/images/icon.svg'), join(webDist, 'favicon.svg'));
console.log('built extension/dist/{webview,preview-mermaid,mermaid.min}.js, webview.css and dist/web/playground.{js,css}');

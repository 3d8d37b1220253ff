// Child process for benchmark 6: requires the extension bundle with a STAND-IN for the `vscode` module (a Proxy in
// which every API is a no-op returning disposables) and calls activate(); prints {requireMs, activateMs} as JSON.
// Run in a fresh process per sample so the require is cold, as in an editor.
const Module = require('node:module');
const bundle = process.argv[2];

function standIn() {
  const handler = {
    get(_t, key) {
      if (key === Symbol.toPrimitive) return () => ''; // a stand-in file name or text reads as empty
      if (key === 'then' || typeof key === 'symbol') return undefined; // not a promise, no coercion tricks
      if (key === 'dispose') return () => {};
      return proxy;
    },
    set: () => true, // `statusBarItem.name = …` and the like are accepted and forgotten
    apply: () => proxy,
    construct: () => proxy,
  };
  const proxy = new Proxy(function vscodeStandIn() {}, handler);
  return proxy;
}
// A bundle imports the module through esbuild's ESM interop, which copies its own property names: list the API's
// namespaces and classes as real keys (each one the same do-nothing proxy).
const API = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'debug', 'tasks', 'scm', 'tests',
  'authentication', 'l10n', 'Uri', 'Range', 'Position', 'Selection', 'Location', 'Diagnostic', 'DiagnosticSeverity',
  'DiagnosticRelatedInformation', 'EventEmitter', 'Disposable', 'ProgressLocation', 'ViewColumn', 'StatusBarAlignment',
  'ThemeIcon', 'ThemeColor', 'TreeItem', 'TreeItemCollapsibleState', 'RelativePattern', 'CodeAction', 'CodeActionKind',
  'WorkspaceEdit', 'TextEdit', 'MarkdownString', 'QuickPickItemKind', 'ConfigurationTarget', 'FileType', 'CancellationTokenSource'];
const proxy = standIn();
const vscode = Object.fromEntries(API.map((name) => [name, proxy]));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };

const t0 = performance.now();
const ext = require(bundle);
const t1 = performance.now();
const context = { subscriptions: [], secrets: proxy, globalState: proxy, workspaceState: proxy, extensionUri: proxy, extensionPath: '/tmp' };
Promise.resolve(ext.activate(context)).then(() => {
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, subscriptions: context.subscriptions.length }));
});

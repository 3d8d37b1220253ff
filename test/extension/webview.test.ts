import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from '../../extension/src/webview-messages.ts';
import { renderPanelShell } from '../../extension/src/panel-html.ts';

describe('webview message validation', () => {
  it('accepts exactly the known messages', () => {
    for (const type of ['generateReview', 'openSource', 'saveRequirements', 'copySummary', 'ready'] as const) {
      expect(parseWebviewMessage({ type })).toEqual({ type });
    }
    expect(parseWebviewMessage({ type: 'revealLine', line: 12 })).toEqual({ type: 'revealLine', line: 12 });
  });

  it('rejects unknown types, extra fields, bad lines and non-objects', () => {
    expect(parseWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'openSource', path: '/etc/passwd' })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'revealLine', line: 0 })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'revealLine', line: 1.5 })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'revealLine', line: '3' })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'revealLine', line: 3, uri: 'file:///etc/passwd' })).toBeUndefined();
    expect(parseWebviewMessage('generateReview')).toBeUndefined();
    expect(parseWebviewMessage(null)).toBeUndefined();
    expect(parseWebviewMessage({})).toBeUndefined();
  });
});

describe('recommendation panel shell', () => {
  const html = renderPanelShell({
    nonce: 'n0nce+/=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    mermaidUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/mermaid.min.js',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
  });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';

  it('admits scripts only by nonce and only from the extension; nothing from the network', () => {
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      'img-src https://file+.vscode-resource.vscode-cdn.net data:',
      'font-src https://file+.vscode-resource.vscode-cdn.net',
      "style-src https://file+.vscode-resource.vscode-cdn.net 'unsafe-inline'",
      "script-src 'nonce-n0nce+/='",
    ]);
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      ' nonce="n0nce+/=" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/mermaid.min.js"',
      ' nonce="n0nce+/=" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js"',
    ]);
    expect(html).not.toMatch(/ on[a-z]+=/); // no inline event handlers
    expect(html).toContain('<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css">');
    expect(html).not.toMatch(/https?:\/\/(?!file\+\.vscode-resource)/);
  });

  it('offers the panel actions as data-message buttons and an error banner hidden until needed', () => {
    for (const m of ['generateReview', 'openSource', 'saveRequirements', 'copySummary']) expect(html).toContain(`data-message="${m}"`);
    expect(html).toMatch(/<p id="banner"[^>]* hidden>/);
  });
});

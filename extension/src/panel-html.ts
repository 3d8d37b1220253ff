import { esc } from '../../web/render/escape.ts';

export interface PanelShellOptions {
  /** A fresh nonce per document: the only scripts the CSP admits. */
  nonce: string;
  /** The webview's resource origin (`webview.cspSource`). */
  cspSource: string;
  /** Webview URIs of the local mermaid bundle, the panel script and its stylesheet (dist/ inside the extension). */
  mermaidUri: string;
  scriptUri: string;
  styleUri: string;
}

/**
 * The panel's document: a shell whose script (web/client/panel.ts) renders each answer the extension posts with the
 * shared renderer. CSP: scripts only with the nonce, from the extension's own files — nothing from the network.
 * Styles admit inline: mermaid writes a <style> into every SVG it draws and cannot carry a nonce.
 */
export function renderPanelShell(o: PanelShellOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `font-src ${o.cspSource}`,
    `style-src ${o.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${o.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>statewise</title>
<link rel="stylesheet" href="${esc(o.styleUri)}">
</head>
<body>
  <div class="sw-toolbar">
    <button data-message="generateReview">Generate design review</button>
    <button data-message="openSource" id="open-source">Open requirements file</button>
    <button data-message="saveRequirements" id="save-requirements" hidden>Save as requirements file…</button>
    <button data-message="copySummary" class="secondary">Copy summary</button>
  </div>
  <p id="banner" class="sw-banner" role="alert" hidden></p>
  <main id="answer"><p>Working out the answer…</p></main>
  <footer id="engine"></footer>
<script nonce="${o.nonce}" src="${esc(o.mermaidUri)}"></script>
<script nonce="${o.nonce}" src="${esc(o.scriptUri)}"></script>
</body>
</html>`;
}

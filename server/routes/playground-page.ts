import { esc } from '../../web/render/escape.ts';

export interface PlaygroundExample { name: string; text: string }

/**
 * The playground's HTML: an editor pane and an answer pane, filled by /assets/playground.js. The examples travel as a
 * JSON data block (never executed; `<` is escaped so no text can close the element).
 */
export function renderPlaygroundPage(examples: readonly PlaygroundExample[]): string {
  const data = JSON.stringify(examples).replace(/</g, '\\u003c');
  const options = examples.map((e) => `<option value="${esc(e.name)}">${esc(e.name)}</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>statewise playground</title>
<link rel="stylesheet" href="/assets/playground.css">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
</head>
<body>
<header class="pg-bar">
  <b class="pg-title">statewise playground</b>
  <label>Example <select id="example"><option value="">— pick an example —</option>${options}</select></label>
  <button id="download" type="button" disabled>Download the design review</button>
  <span id="status" class="pg-status" role="status"></span>
  <a class="pg-link" href="/docs">API reference</a>
</header>
<div class="pg-layout">
  <section class="pg-editor-pane" aria-label="requirements file">
    <div class="pg-editor"><pre id="gutter" class="pg-gutter" aria-hidden="true"></pre><div class="pg-code"><pre id="squiggles" class="pg-squiggles" aria-hidden="true"></pre><textarea id="source" spellcheck="false" wrap="off" aria-label="requirements (YAML or JSON)"></textarea></div></div>
    <ul id="problems" class="pg-problems" aria-label="problems"></ul>
  </section>
  <section class="pg-answer-pane">
    <p id="banner" class="sw-banner" role="alert" hidden></p>
    <div id="answer"><p class="sw-muted">Pick an example or write a requirements file: the answer appears here.</p></div>
  </section>
</div>
<script type="application/json" id="examples">${data}</script>
<script src="/assets/mermaid.min.js"></script>
<script src="/assets/playground.js"></script>
</body>
</html>`;
}

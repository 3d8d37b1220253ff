import type { Recommendation } from '../../rules/index.ts';

export interface PanelOptions {
  /** A fresh nonce per render: the only script and style the CSP admits. */
  nonce: string;
  /** Where the requirements came from, shown in the header. */
  sourceName: string;
  /** Which engine answered. */
  engine: string;
  /** Which buttons to offer: a file can be opened, guided answers can be saved. */
  fromFile: boolean;
}

const STRONGEST_FACTORS = 6;

/**
 * The recommendation panel as one HTML document: verdict and confidence, scores, placement table, risks, tipping
 * points and the strongest factors. Every engine string is escaped (they quote user input); CSP `default-src
 * 'none'`, and the one inline script and style carry the nonce.
 */
export function renderPanelHtml(rec: Recommendation, o: PanelOptions): string {
  const csp = `default-src 'none'; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}';`;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const scores = (['stateless', 'stateful', 'hybrid'] as const).map((v) => `
      <div class="score${v === rec.verdict ? ' chosen' : ''}"><span>${v}</span><meter min="0" max="100" value="${rec.scores[v]}"></meter><b>${rec.scores[v]}</b></div>`).join('');
  const placements = rec.placements.map((p) => `
        <tr><td><code>${esc(p.state)}</code>${p.implied ? ' <em>(implied)</em>' : ''}</td><td><b>${esc(p.store)}</b>${p.ttl ? `<br><small>ttl ${esc(p.ttl)}</small>` : ''}</td>
        <td>${p.why.map((w) => `<div>${esc(w)}</div>`).join('')}</td>
        <td>${p.alternatives.slice(0, 2).map((a) => `<div><code>${esc(a.store)}</code> ${a.score}: ${esc(a.whyNot)}</div>`).join('')}</td></tr>`).join('');
  const risks = rec.risks.length
    ? `<ul>${rec.risks.map((r) => `<li><span class="sev ${r.severity}">${r.severity}</span> ${esc(r.text)}<br><small>Mitigation: ${esc(r.mitigation)}</small></li>`).join('')}</ul>`
    : '<p>No open risks.</p>';
  const tipping = rec.tippingPoints.length
    ? `<table><tr><th>input</th><th>from</th><th>to</th><th>verdict</th><th>note</th></tr>${rec.tippingPoints.map((t) => `<tr><td><code>${esc(t.input)}</code></td><td>${esc(String(t.from))}</td><td>${esc(String(t.to))}</td><td>${esc(t.verdict)}</td><td>${esc(t.note)}</td></tr>`).join('')}</table>`
    : '<p>No nearby input change flips the verdict.</p>';
  const factors = rec.factors.slice(0, STRONGEST_FACTORS).map((f) => `
        <tr><td>${esc(f.title)}<br><small><code>${esc(f.rule)}</code></small></td><td>${effect(f.effect.stateless)}</td><td>${effect(f.effect.stateful)}</td><td>${effect(f.effect.hybrid)}</td><td>${esc(f.because)}</td></tr>`).join('');
  const c = rec.capacity;
  const buttons = [
    `<button data-message="generateReview">Generate design review</button>`,
    o.fromFile ? `<button data-message="openSource">Open requirements file</button>` : `<button data-message="saveRequirements">Save as requirements file…</button>`,
    `<button data-message="copySummary" class="secondary">Copy summary</button>`,
  ].join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>statewise: ${esc(rec.service)}</title>
<style nonce="${o.nonce}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; line-height: 1.45; }
  h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border); }
  .verdict { font-size: 1.3em; } .verdict b { text-transform: uppercase; letter-spacing: 0.05em; color: var(--vscode-textLink-foreground); }
  .score { display: grid; grid-template-columns: 7em 1fr 3em; gap: 0.6em; align-items: center; max-width: 32em; }
  .score.chosen span { font-weight: bold; } meter { width: 100%; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; border-bottom: 1px solid var(--vscode-panel-border); }
  small, em { color: var(--vscode-descriptionForeground); } code { font-family: var(--vscode-editor-font-family); }
  .sev { display: inline-block; min-width: 4.5em; font-weight: bold; } .sev.high { color: var(--vscode-errorForeground); } .sev.medium { color: var(--vscode-editorWarning-foreground); }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 0.4em 0.9em; margin: 0 0.4em 0.4em 0; cursor: pointer; }
  button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
  footer { margin-top: 2em; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
</style>
</head>
<body>
  <h1>${esc(rec.service)}</h1>
  <p class="verdict" id="verdict">Verdict: <b>${esc(rec.verdict)}</b> · confidence ${pct(rec.confidence)}</p>
  <p>${esc(rec.summary)}</p>
  <div>
    ${buttons}
  </div>
  <h2>Scores</h2>${scores}
  <h2>Where each piece of state lives</h2>
  <table><tr><th>state</th><th>store</th><th>why</th><th>alternatives</th></tr>${placements}</table>
  ${rec.implied.length ? `<p>${rec.implied.map((i) => `<small>${esc(i)}</small>`).join('<br>')}</p>` : ''}
  <p>Routing <b>${esc(rec.scaling.routing)}</b> · ${c.instances} instance(s) · ${c.concurrentSessions} concurrent sessions · in-process ${c.inProcessMemoryMb} MB · external store ${c.externalStoreMemoryMb} MB</p>
  <h2>Risks</h2>${risks}
  <h2>Tipping points</h2>${tipping}
  <h2>Strongest factors</h2>
  <table><tr><th>rule</th><th>stateless</th><th>stateful</th><th>hybrid</th><th>because</th></tr>${factors}</table>
  <footer id="engine">${esc(o.sourceName)} · ${esc(o.engine)} · input ${esc(rec.inputDigest.slice(0, 19))}…</footer>
<script nonce="${o.nonce}">
  const vscode = acquireVsCodeApi();
  for (const b of document.querySelectorAll('button[data-message]')) {
    b.addEventListener('click', () => vscode.postMessage({ type: b.dataset.message }));
  }
</script>
</body>
</html>`;
}

function effect(n: number): string {
  return n === 0 ? '' : n > 0 ? `+${n}` : String(n);
}

/** HTML escaping for text and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

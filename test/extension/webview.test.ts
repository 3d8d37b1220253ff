import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from '../../extension/src/webview-messages.ts';
import { esc, renderPanelHtml } from '../../extension/src/panel-html.ts';
import { adviseExample } from '../support/extension.ts';

describe('webview message validation', () => {
  it('accepts exactly the known messages', () => {
    for (const type of ['generateReview', 'openSource', 'saveRequirements', 'copySummary'] as const) {
      expect(parseWebviewMessage({ type })).toEqual({ type });
    }
  });

  it('rejects unknown types, extra fields and non-objects', () => {
    expect(parseWebviewMessage({ type: 'runCommand', command: 'workbench.action.terminal.new' })).toBeUndefined();
    expect(parseWebviewMessage({ type: 'openSource', path: '/etc/passwd' })).toBeUndefined();
    expect(parseWebviewMessage('generateReview')).toBeUndefined();
    expect(parseWebviewMessage(null)).toBeUndefined();
    expect(parseWebviewMessage({})).toBeUndefined();
  });
});

describe('recommendation panel HTML', () => {
  const rec = adviseExample();
  const html = renderPanelHtml(rec, { nonce: 'n0nce+/=', sourceName: 'shop.statewise.yaml', engine: 'built-in engine', fromFile: true });

  it('locks the page down: CSP default-src none, script and style only by nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe("default-src 'none'; style-src 'nonce-n0nce+/='; script-src 'nonce-n0nce+/=';");
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts).toEqual([' nonce="n0nce+/="']);
    expect([...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1])).toEqual([' nonce="n0nce+/="']);
    expect(html).not.toMatch(/ on[a-z]+=/); // no inline event handlers
  });

  it('shows verdict, confidence, scores, placements, risks, tipping points and factors', () => {
    expect(html).toContain(`Verdict: <b>${rec.verdict}</b> · confidence ${Math.round(rec.confidence * 100)}%`);
    for (const v of ['stateless', 'stateful', 'hybrid'] as const) expect(html).toContain(`value="${rec.scores[v]}"`);
    for (const p of rec.placements) expect(html).toContain(`<code>${esc(p.state)}</code>`);
    for (const r of rec.risks) expect(html).toContain(esc(r.text));
    for (const t of rec.tippingPoints) expect(html).toContain(`<code>${esc(t.input)}</code>`);
    expect(html).toContain(esc(rec.factors[0]!.because));
    expect(html).toContain('data-message="openSource"');
    expect(html).not.toContain('data-message="saveRequirements"');
  });

  it('escapes engine text that quotes user input', () => {
    const evil = { ...rec, service: '<img src=x onerror=alert(1)>', summary: '"><script>alert(1)</script>' };
    const out = renderPanelHtml(evil, { nonce: 'n', sourceName: 'a', engine: 'e', fromFile: false });
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('data-message="saveRequirements"');
  });
});

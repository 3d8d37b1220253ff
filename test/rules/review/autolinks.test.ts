import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderReview } from '../../../rules/index.ts';
import { cell, inline } from '../../../rules/review/markdown.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';

/**
 * Issue 28: bare URLs, `www.` names and e-mail addresses in free text became live links when a review was rendered
 * as GitHub-flavoured Markdown. Rendered here by markdown-it with linkify on (GFM's autolinks and more: it also links
 * bare domains), the front matter stripped as GitHub shows it.
 */
const md = new MarkdownIt({ linkify: true });
const html = (markdown: string) => md.render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));

const FREE_TEXT = [
  'https://evil.example/login?next=%2F',
  'http://10.0.0.1:8080/admin',
  'www.evil.example',
  'ops@evil.example',
  'mailto:ops@evil.example',
  'redis.io',
  'ftp://files.evil.example/x',
];

describe('a review keeps no live link in free text', () => {
  it('description and accepted-risk reasons with URLs, www names and e-mail addresses render without <a href', () => {
    const text = (s: string) => JSON.stringify(s);
    const requirements = requirementsFromText([
      'service: a', 'traffic: { peakRps: 10 }', 'context: { memory: session }',
      `description: ${text(`Runbook at ${FREE_TEXT.join(', ')} (ask ops).`)}`,
      'accept:', '  - risk: risk.loss-on-deploy', `    reason: ${text(`agreed with ops@evil.example, see https://wiki.evil.example/x | www.evil.example`)}`, '    until: 2099-01-01',
    ].join('\n') + '\n');
    const recommendation = builtinEngine().advise(requirements, { today: '2026-11-26' });
    const markdown = renderReview({ requirements, recommendation, date: '2026-11-26' });
    const rendered = html(markdown);
    expect(rendered).not.toMatch(/<a href/);
    // Still shown as written, as code, so a reader can copy them.
    for (const url of FREE_TEXT) expect(rendered, url).toContain(`<code>${md.utils.escapeHtml(url)}</code>`);
    expect(rendered).toContain('<code>https://wiki.evil.example/x</code>');
  });

  it('inline() and cell() turn each autolink into a code span and leave other text alone', () => {
    expect(inline('see https://x.example/a, then www.y.example.')).toBe('see `https://x.example/a`, then `www.y.example`.');
    expect(cell('mail a@b.example | 3 < 4 and node.js')).toBe('mail `a@b.example` \\| 3 < 4 and node.js');
    expect(inline('## https://x.example')).toBe('\\## `https://x.example`');
    // GitHub links www. names and e-mail addresses whatever their top-level domain (markdown-it does not).
    expect(inline('www.shop.internal and ops@team.internal (xmpp:ops@chat.internal).')).toBe('`www.shop.internal` and `ops@team.internal` (`xmpp:ops@chat.internal`).');
    // Markdown-looking text inside the URL is code, not escaped twice.
    expect(inline('https://x.example/[a]')).toBe('`https://x.example/[a]`');
    for (const text of FREE_TEXT) {
      expect(html(inline(`before ${text} after`)), text).not.toMatch(/<a /);
      expect(html(`| h |\n|---|\n| ${cell(`before ${text} after`)} |\n`), text).not.toMatch(/<a /);
    }
  });

  it('text without links is unchanged by the new step (version numbers, file names, e.g.)', () => {
    expect(inline('v1.2.3 in config.yaml, e.g. 99.9% of 3.5 s')).toBe('v1.2.3 in config.yaml, e.g. 99.9% of 3.5 s');
  });
});

import type { Alternative, CheckResult, Placement } from './types.ts';
import { esc, num } from './escape.ts';
import { itemLink, withRuleLink } from './links.ts';

/**
 * One card per state item: the store badge, its technology and the main reason up front; the other reasons, the
 * alternatives and the checks folded in `<details>`, each said once.
 */
export function placementCard(p: Placement, line: number | undefined): string {
  const failed = p.checks.filter((c) => !c.passed);
  const [main, ...rest] = p.why;
  const tech = p.technology === 'none' ? '' : ` <span class="sw-tech">${esc(p.technology)}</span>`;
  const sections = [
    rest.length ? section('more reasons', rest.length, `<ul>${rest.map((w) => `<li>${withRuleLink(w)}</li>`).join('')}</ul>`) : '',
    p.alternatives.length ? section('alternatives', p.alternatives.length, `<ul class="sw-alternatives">${p.alternatives.map(alternative).join('')}</ul>`) : '',
    p.checks.length ? section(failed.length ? `checks — ${failed.length} failed` : 'checks — all passed', p.checks.length, `<ul class="sw-checks">${p.checks.map(check).join('')}</ul>`, failed.length > 0) : '',
  ].join('');
  return `<article class="sw-card${failed.length ? ' sw-card-failed' : ''}" data-state="${esc(p.state)}" data-store="${esc(p.store)}">
  <header>${itemLink(p.state, line)}${p.implied ? ' <em class="sw-muted">(implied)</em>' : ''}
    <span class="sw-badge sw-store-${esc(p.store)}">${esc(p.store)}</span>${tech}${p.ttl ? ` <small class="sw-muted">ttl ${esc(p.ttl)}</small>` : ''}
    ${failed.length ? `<span class="sw-fail-mark" title="fails ${esc(failed.map((c) => c.check).join(', '))}">⚠ fails ${esc(failed.map((c) => c.check).join(', '))}</span>` : ''}</header>
  <p class="sw-main-reason">${main ? withRuleLink(main) : '<span class="sw-muted">no reason given</span>'}</p>
  ${sections}
</article>`;
}

function section(title: string, count: number, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${esc(title)} <small class="sw-muted">(${count})</small></summary>${body}</details>`;
}

/**
 * An alternative without repeating itself: the engine's text starts "X scores 67 against 75 for Y: …", but the
 * store and its score already stand in the badge, so only the reason after them is shown.
 */
export function alternativeReason(a: Alternative): string {
  const s = a.store.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return a.whyNot
    .replace(new RegExp(`^${s} scores \\d+(?:\\.\\d+)? against \\d+(?:\\.\\d+)? for [a-z-]+(?::\\s*|$)`), '')
    .replace(new RegExp(`;\\s*${s} scores \\d+(?:\\.\\d+)?$`), '')
    .trim();
}

function alternative(a: Alternative): string {
  const reason = alternativeReason(a);
  return `<li><span class="sw-badge sw-alt sw-store-${esc(a.store)}">${esc(a.store)}</span> <b class="sw-alt-score" title="score">${a.score}</b> ${reason ? withRuleLink(reason) : '<span class="sw-muted">scores lower, no other reason</span>'}</li>`;
}

function check(c: CheckResult): string {
  const share = c.limit > 0 ? Math.min(1, c.value / c.limit) : c.value > 0 ? 1 : 0;
  return `<li class="${c.passed ? 'sw-pass' : 'sw-fail'}"><span class="sw-check-mark">${c.passed ? '✓' : '✗'}</span> <code>${esc(c.check)}</code>
    <svg class="sw-mini" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect class="sw-track" width="100" height="6"></rect><rect class="${c.passed ? 'sw-good-fill' : 'sw-bad-fill'}" width="${(share * 100).toFixed(1)}" height="6"></rect></svg>
    ${num(c.value)} of ${num(c.limit)} ${esc(c.unit)} <small class="sw-muted">margin ×${num(c.margin)}</small><br><small>${esc(c.because)}</small></li>`;
}

import LinkifyIt from 'linkify-it';

/**
 * Where free text would turn into a live link by itself. markdown-it with `linkify` (VS Code's preview, many site
 * generators) links what linkify-it finds, bare domains with a known top-level domain included (`redis.io`);
 * GitHub (GFM's autolink extension) links `http://`, `https://` and `ftp://` URLs, `www.` names and e-mail addresses
 * whatever their top-level domain (`www.shop.internal`, which linkify-it passes over). Both are searched.
 */
// Built on first use, not at import: the editor's activation bundle imports this module's neighbours and must not pay
// for the matcher (nor keep it from being dropped) until a review is rendered.
let linkify: LinkifyIt | undefined;

/** GFM extended autolinks, a little wider than the spec (any position, not only after a space or `(`): over-matching only quotes more. */
const GFM = /(?:(?:https?|ftp):\/\/|www\.)[^\s<]+|(?:(?:mailto|xmpp):)?[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/gi;

/** Sentence punctuation after a URL is not part of it (GFM trims it the same way). */
const TRAILING = /[?!.,:*_~'")]+$/;

export interface LinkSpan { start: number; end: number }

/**
 * The spans of `text` a renderer would autolink, in order, merged where they overlap.
 * @example autolinkSpans('see https://x.example/a.') → [{ start: 4, end: 23 }]
 */
export function autolinkSpans(text: string): LinkSpan[] {
  const spans: LinkSpan[] = [];
  linkify ??= new LinkifyIt().add('xmpp:', 'mailto:');
  if (linkify.pretest(text)) for (const m of linkify.match(text) ?? []) spans.push({ start: m.index, end: m.lastIndex });
  for (const m of text.matchAll(GFM)) {
    const raw = m[0].replace(TRAILING, '');
    if (raw.length) spans.push({ start: m.index, end: m.index + raw.length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: LinkSpan[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../adapters/index.ts';
import { parse } from 'yaml';
import { parseRequirements, renderReview, type Engine } from '../../rules/index.ts';

/**
 * Request and response examples in the OpenAPI document, taken from the files in examples/ when the document is
 * built, so the reference shows (and "Try it out" sends) real requirements and what statewise answers to them.
 */

/** The example files shown, by OpenAPI example name: a stateless, a stateful and a hybrid answer. */
export const DOC_EXAMPLES = ['online-shop', 'team-chat', 'live-dashboard'] as const;

const EXAMPLES_DIR = join(packageRoot(import.meta.url), 'examples');

interface Example { summary: string; value: unknown }
type Doc = { paths?: Record<string, Record<string, { requestBody?: Body; responses?: Record<string, Body> } | undefined> | undefined> };
type Body = { content?: Record<string, { examples?: Record<string, Example> }> };

/** Adds the examples to `doc` in place (and returns it); an example file that is missing or invalid is skipped. */
export function addExamples<D extends object>(doc: D, engine: Engine, today: string): D {
  const d = doc as Doc;
  const loaded = DOC_EXAMPLES.flatMap((name) => {
    let text: string;
    try { text = readFileSync(join(EXAMPLES_DIR, `${name}.statewise.yaml`), 'utf8'); } catch { return []; }
    const req = parseRequirements(text);
    if (!req.ok) return [];
    return [{ name, input: parse(text) as unknown, requirements: req.value, answer: engine.advise(req.value, { today }) }];
  });
  if (!loaded.length) return doc;
  const summary = (e: (typeof loaded)[number]) => `examples/${e.name}.statewise.yaml (${e.answer.verdict})`;
  const set = (body: Body | undefined, type: string, examples: Record<string, Example>) => {
    const media = body?.content?.[type];
    if (media) media.examples = examples;
  };
  const byName = (value: (e: (typeof loaded)[number]) => unknown) => Object.fromEntries(loaded.map((e) => [e.name, { summary: summary(e), value: value(e) }]));
  const recommend = d.paths?.['/v1/recommendations']?.post;
  set(recommend?.requestBody, 'application/json', byName((e) => e.input));
  set(recommend?.responses?.['200'], 'application/json', byName((e) => e.answer));
  const batch = d.paths?.['/v1/recommendations/batch']?.post;
  set(batch?.requestBody, 'application/json', { all: { summary: `${loaded.length} services from examples/`, value: { items: loaded.map((e) => e.input) } } });
  const review = d.paths?.['/v1/design-reviews']?.post;
  set(review?.requestBody, 'application/json', byName((e) => e.input));
  set(review?.responses?.['200'], 'text/markdown', byName((e) => renderReview({ requirements: e.requirements, recommendation: e.answer, date: today })));
  return doc;
}

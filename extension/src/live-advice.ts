import * as vscode from 'vscode';
import { parseRequirements, type Recommendation } from '../../rules/index.ts';
import { today } from '../../adapters/index.ts';
import type { EngineModule } from './lazy-engine.ts';
import { readSettings } from './settings.ts';

/** What the editor shows for a requirements document without being asked: its answer, its problems, or neither. */
export type LiveAnswer =
  | { kind: 'advice'; recommendation: Recommendation }
  | { kind: 'invalid'; problems: number }
  /** Server mode: the server is asked only by commands, never per keystroke. */
  | { kind: 'server'; host: string }
  /** The custom rules do not load: the commands say why. */
  | { kind: 'unavailable' };

export interface LiveAdvice {
  answer(doc: vscode.TextDocument): Promise<LiveAnswer>;
  /** Forget cached answers (settings changed: another engine, other rules). */
  clear(): void;
}

/**
 * The embedded engine's answer for a document, cached per document version, for CodeLens and the status bar.
 * Quiet: it never shows a message (the commands do that).
 */
export function createLiveAdvice(engineModule: () => Promise<EngineModule>): LiveAdvice {
  const cache = new Map<string, { version: number; answer: Promise<LiveAnswer> }>();
  let engines: ReturnType<EngineModule['createEmbeddedEngines']> | undefined;
  const compute = async (doc: vscode.TextDocument): Promise<LiveAnswer> => {
    const settings = readSettings(doc.uri);
    if (settings.serverUrl) return { kind: 'server', host: hostOf(settings.serverUrl) };
    const parsed = parseRequirements(doc.getText());
    if (!parsed.ok) return { kind: 'invalid', problems: parsed.issues.length };
    engines ??= (await engineModule()).createEmbeddedEngines();
    const engine = engines.get(vscode.workspace.isTrusted ? settings.rulesDir : undefined);
    if (!engine.ok) return { kind: 'unavailable' };
    return { kind: 'advice', recommendation: engine.value.advise(parsed.value, { today: today() }) };
  };
  return {
    clear() { cache.clear(); engines = undefined; },
    answer(doc) {
      const key = doc.uri.toString();
      const hit = cache.get(key);
      if (hit?.version === doc.version) return hit.answer;
      const answer = compute(doc);
      cache.set(key, { version: doc.version, answer });
      if (cache.size > 50) cache.delete(cache.keys().next().value!);
      return answer;
    },
  };
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

import * as vscode from 'vscode';
import { parseRequirements, RecommendationSchema, type Issue, type Recommendation, type Requirements } from '../../rules/index.ts';
import { today } from '../../adapters/index.ts';
import { getApiKey } from './api-key.ts';
import type { EngineModule } from './lazy-engine.ts';
import { baseName } from './files.ts';
import { callServer, type ServerCall, type ServerFailure } from './server-client.ts';
import { serverFailureMessage } from './server-errors.ts';
import { readSettings, type Settings } from './settings.ts';
import { toDiagnosticSpecs } from '../../web/render/issue-ranges.ts';
import { toDiagnostics } from './diagnostics.ts';

/** What every command that needs an answer gets: the requirements and the engine's answer. */
export interface Advice {
  requirements: Requirements;
  recommendation: Recommendation;
  /** Which engine answered, for the panel's footer. */
  engine: string;
}

/** A requirements text and where it came from (a file, or the guided flow's answers). */
export interface Source { text: string; fileName: string; uri?: vscode.Uri | undefined }

export interface Advisor {
  /** Advice for a source, or undefined after telling the user why not. */
  advise(source: Source): Promise<Advice | undefined>;
  /** The design review Markdown for advice on a source (server mode asks the server to render it). */
  review(source: Source, advice: Advice, date: string, relativeSource?: string): Promise<string | undefined>;
}

/**
 * Engine selection: the embedded engine unless `statewise.server.url` is set. Either way the text is validated
 * locally first, so contract errors always point at lines in the editor.
 */
export function createAdvisor(deps: {
  /** The lazily loaded engine bundle (lazy-engine.ts); asked on the first answer the embedded engine gives. */
  engineModule: () => Promise<EngineModule>;
  secrets: vscode.SecretStorage;
  catalogDiagnostics: vscode.DiagnosticCollection;
}): Advisor {
  let engines: ReturnType<EngineModule['createEmbeddedEngines']> | undefined;
  const local = (source: Source) => {
    const parsed = parseRequirements(source.text);
    if (!parsed.ok) { void reportInvalid(source, parsed.issues); return undefined; }
    return parsed.value;
  };

  const embedded = async (settings: Settings, requirements: Requirements): Promise<Advice | undefined> => {
    engines ??= (await deps.engineModule()).createEmbeddedEngines();
    const engine = engines.get(vscode.workspace.isTrusted ? settings.rulesDir : undefined);
    deps.catalogDiagnostics.clear();
    if (!engine.ok) { void reportCatalog(engine.issues, deps.catalogDiagnostics); return undefined; }
    const recommendation = engine.value.advise(requirements, { today: today() });
    return { requirements, recommendation, engine: `built-in engine, rules ${engine.value.rulesVersion}` };
  };

  const remote = async (settings: Settings, source: Source, path: string, accept: string) => {
    const apiKey = await getApiKey(deps.secrets);
    const call: Omit<ServerCall, 'signal'> = {
      baseUrl: settings.serverUrl, path, body: source.text, accept, apiKey, timeoutMs: settings.timeoutMs,
      contentType: /\.json$/i.test(source.fileName) ? 'application/json' : 'application/yaml',
    };
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `statewise: asking ${hostOf(settings.serverUrl)}…`, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return callServer({ ...call, signal: abort.signal });
      },
    );
  };

  const fail = (failure: ServerFailure) => {
    if (failure.kind !== 'cancelled') void vscode.window.showErrorMessage(serverFailureMessage(failure));
    return undefined;
  };

  const advise = async (source: Source): Promise<Advice | undefined> => {
    const requirements = local(source);
    if (!requirements) return undefined;
    const settings = readSettings(source.uri);
    if (!settings.serverUrl) return embedded(settings, requirements);
    const answer = await remote(settings, source, '/v1/recommendations', 'application/json');
    if (!answer.ok) return fail(answer.failure);
    const recommendation = parseRecommendation(answer.body);
    if (!recommendation) return fail({ kind: 'bad-response', url: settings.serverUrl, reason: 'not a statewise/v1 recommendation' });
    return { requirements, recommendation, engine: `server ${hostOf(settings.serverUrl)}, rules ${recommendation.rulesVersion}` };
  };

  return {
    advise,
    async review(source, advice, date, relativeSource) {
      const settings = readSettings(source.uri);
      if (!settings.serverUrl) {
        const input = { requirements: advice.requirements, recommendation: advice.recommendation, date, ...(relativeSource ? { source: relativeSource } : {}) };
        return (await deps.engineModule()).renderReview(input);
      }
      const query = new URLSearchParams({ date, ...(relativeSource ? { source: relativeSource } : {}) });
      const answer = await remote(settings, source, `/v1/design-reviews?${query}`, 'text/markdown');
      if (!answer.ok) return fail(answer.failure);
      if (!/^text\/markdown/i.test(answer.contentType)) return fail({ kind: 'bad-response', url: settings.serverUrl, reason: `content type ${answer.contentType || 'missing'}` });
      return answer.body;
    },
  };
}

function parseRecommendation(body: string): Recommendation | undefined {
  try {
    const parsed = RecommendationSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch { return undefined; }
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}

async function reportInvalid(source: Source, issues: readonly Issue[]): Promise<void> {
  const first = issues[0]!;
  const where = first.line ? `line ${first.line}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const choice = await vscode.window.showErrorMessage(
    `${baseName(source.fileName)} is not valid statewise/v1 requirements — ${where}${toDiagnosticSpecs(source.text, [first])[0]!.message}${more}`,
    'Show Problems',
  );
  if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** Custom catalogue issues become diagnostics on the catalogue files themselves. */
async function reportCatalog(issues: readonly Issue[], collection: vscode.DiagnosticCollection): Promise<void> {
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) if (i.file) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  for (const [file, list] of byFile) {
    const uri = vscode.Uri.file(file);
    let text = '';
    try { text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)); } catch { /* a folder or unreadable: first line */ }
    collection.set(uri, toDiagnostics(toDiagnosticSpecs(text, list)));
  }
  const first = issues[0]!;
  const choice = await vscode.window.showErrorMessage(
    `statewise: the custom rules (statewise.rules.folder) cannot be loaded — ${first.file ? `${baseName(first.file)}${first.line ? `:${first.line}` : ''} ` : ''}${first.message}`,
    'Show Problems',
  );
  if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

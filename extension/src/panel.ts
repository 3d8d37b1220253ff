import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Advice, Source } from './advisor.ts';
import { baseName } from './files.ts';
import { renderPanelHtml } from './panel-html.ts';
import { parseWebviewMessage, type WebviewMessage } from './webview-messages.ts';

export interface PanelActions {
  generateReview(source: Source): Promise<void>;
  saveRequirements(source: Source): Promise<void>;
}

/** The recommendation panel: one at a time, reused (and re-rendered) for the next answer. */
export function createRecommendationPanel(actions: PanelActions): { show(advice: Advice, source: Source): void; dispose(): void } {
  let panel: vscode.WebviewPanel | undefined;
  let current: { advice: Advice; source: Source } | undefined;

  const onMessage = async (data: unknown) => {
    const message = parseWebviewMessage(data);
    if (!message || !current) return; // anything else is ignored: the webview is not trusted
    await handle(message, current);
  };

  const handle = async (message: WebviewMessage, { advice, source }: { advice: Advice; source: Source }) => {
    switch (message.type) {
      case 'generateReview': return actions.generateReview(source);
      case 'saveRequirements': return actions.saveRequirements(source);
      case 'copySummary':
        await vscode.env.clipboard.writeText(advice.recommendation.summary);
        void vscode.window.showInformationMessage('statewise: summary copied.');
        return;
      case 'openSource':
        if (source.uri) await vscode.window.showTextDocument(source.uri, { viewColumn: vscode.ViewColumn.One });
        return;
    }
  };

  return {
    show(advice, source) {
      current = { advice, source };
      if (!panel) {
        panel = vscode.window.createWebviewPanel('statewise.recommendation', 'statewise', vscode.ViewColumn.Beside, {
          enableScripts: true,
          localResourceRoots: [],
          retainContextWhenHidden: false,
        });
        panel.onDidDispose(() => { panel = undefined; current = undefined; });
        panel.webview.onDidReceiveMessage(onMessage);
      }
      panel.title = `statewise: ${advice.recommendation.service} — ${advice.recommendation.verdict}`;
      panel.webview.html = renderPanelHtml(advice.recommendation, {
        nonce: randomBytes(16).toString('base64'),
        sourceName: source.uri ? baseName(source.fileName) : 'guided answers (not saved)',
        engine: advice.engine,
        fromFile: source.uri !== undefined,
      });
      panel.reveal(undefined, true);
    },
    dispose() { panel?.dispose(); },
  };
}

import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { parseRequirements } from '../../rules/index.ts';
import { itemLines } from '../../web/render/item-lines.ts';
import type { Advice, Source } from './advisor.ts';
import { baseName, isRequirementsFile } from './files.ts';
import { toDiagnosticSpecs } from '../../web/render/issue-ranges.ts';
import { renderPanelShell } from './panel-html.ts';
import { fromDocument } from './recommend.ts';
import { parseWebviewMessage, type WebviewMessage } from './webview-messages.ts';

export interface PanelActions {
  generateReview(source: Source): Promise<void>;
  saveRequirements(source: Source): Promise<void>;
  /** The answer for a source, or undefined after telling the user why not (used to restore a panel after reload). */
  advise(source: Source): Promise<Advice | undefined>;
}

export const PANEL_VIEW_TYPE = 'statewise.recommendation';
/** Where the panel was last put (a view column), kept across sessions so it opens there again. */
export const PANEL_COLUMN_KEY = 'statewise.panel.viewColumn';
/** Edits are answered once typing pauses this long. */
const LIVE_DELAY_MS = 400;

/** What the webview keeps across a window reload (vscode.setState in web/client/panel.ts). */
interface PanelState { answer?: { uri?: string } }

/**
 * The recommendation panel: one at a time, reused for the next answer. It opens beside the requirements file (like
 * Markdown's "Open Preview to the Side") without taking the focus, so typing goes on in the file while the answer
 * follows it live (debounced): a valid edit re-renders, an invalid one keeps the last valid answer under a banner.
 * Moved to another column (or onto the file's own), it opens there next time (`memento`). A serializer brings it back
 * after a window reload.
 */
export function createRecommendationPanel(extensionUri: vscode.Uri, actions: PanelActions, memento: vscode.Memento): { show(advice: Advice, source: Source): void; dispose(): void } {
  let panel: vscode.WebviewPanel | undefined;
  let current: { advice: Advice; source: Source } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');

  const post = (message: unknown) => { void panel?.webview.postMessage(message); };

  const postAnswer = () => {
    if (!panel || !current) return;
    const { advice, source } = current;
    panel.title = `statewise: ${advice.recommendation.service} — ${advice.recommendation.verdict}`;
    post({
      type: 'answer',
      recommendation: advice.recommendation,
      itemLines: source.uri ? itemLines(source.text) : {},
      footer: `${source.uri ? baseName(source.fileName) : 'guided answers (not saved)'} · ${advice.engine} · input ${advice.recommendation.inputDigest.slice(0, 19)}…`,
      fromFile: source.uri !== undefined,
      ...(source.uri ? { uri: source.uri.toString() } : {}),
    });
  };

  const adopt = (p: vscode.WebviewPanel) => {
    panel = p;
    p.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    p.webview.html = renderPanelShell({
      nonce: randomBytes(16).toString('base64'),
      cspSource: p.webview.cspSource,
      mermaidUri: p.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'mermaid.min.js')).toString(),
      scriptUri: p.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: p.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
    p.onDidDispose(() => { if (panel === p) { panel = undefined; current = undefined; } });
    p.onDidChangeViewState(() => { if (p.viewColumn !== undefined) void memento.update(PANEL_COLUMN_KEY, p.viewColumn); });
    p.webview.onDidReceiveMessage(async (data: unknown) => {
      const message = parseWebviewMessage(data);
      if (message) await handle(message); // anything else is ignored: the webview is not trusted
    });
  };

  const handle = async (message: WebviewMessage) => {
    if (message.type === 'ready') return postAnswer();
    if (!current) return;
    const { advice, source } = current;
    switch (message.type) {
      case 'generateReview': return actions.generateReview(source);
      case 'saveRequirements': return actions.saveRequirements(source);
      case 'copySummary':
        await vscode.env.clipboard.writeText(advice.recommendation.summary);
        void vscode.window.showInformationMessage('statewise: summary copied.');
        return;
      case 'openSource':
      case 'revealLine': {
        if (!source.uri) return;
        const line = message.type === 'revealLine' ? message.line - 1 : 0;
        const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.uri!.toString());
        const editor = await vscode.window.showTextDocument(source.uri, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside });
        const at = new vscode.Position(Math.min(line, editor.document.lineCount - 1), 0);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
    }
  };

  /** A debounced re-answer of the edited file; invalid text keeps the last valid answer under a banner. */
  const onEdit = (doc: vscode.TextDocument) => {
    if (!panel || !current?.source.uri || doc.uri.toString() !== current.source.uri.toString()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      const source = fromDocument(doc);
      const parsed = parseRequirements(source.text);
      if (!parsed.ok) {
        const first = toDiagnosticSpecs(source.text, [parsed.issues[0]!])[0]!;
        const where = parsed.issues[0]!.line ? `line ${parsed.issues[0]!.line}: ` : '';
        post({ type: 'stale', message: `${baseName(source.fileName)} has errors: showing the last valid answer. ${where}${first.message}` });
        return;
      }
      const advice = await actions.advise(source);
      if (advice && panel) { current = { advice, source }; postAnswer(); }
    }, LIVE_DELAY_MS);
  };

  const subscriptions = [
    vscode.workspace.onDidChangeTextDocument((e) => onEdit(e.document)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel, state: unknown) {
        adopt(restored);
        const uri = (state as PanelState | undefined)?.answer?.uri;
        if (!uri) return; // guided answers were never saved: the webview shows its kept answer
        try {
          const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
          if (!isRequirementsFile(doc.fileName)) return;
          const source = fromDocument(doc);
          const advice = await actions.advise(source);
          if (advice && panel === restored) { current = { advice, source }; postAnswer(); }
        } catch { /* the file is gone: the webview keeps showing its last answer */ }
      },
    }),
  ];

  return {
    show(advice, source) {
      current = { advice, source };
      if (!panel) {
        const column = memento.get<number>(PANEL_COLUMN_KEY) ?? vscode.ViewColumn.Beside;
        adopt(vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'statewise', { viewColumn: column, preserveFocus: true }, { enableScripts: true, localResourceRoots: [dist] }));
      }
      postAnswer();
      panel!.reveal(undefined, true);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      panel?.dispose();
    },
  };
}

import * as vscode from 'vscode';
import { isRequirementsFile } from './files.ts';
import { statusText, stateLensTitle, verdictLensTitle } from './lens-text.ts';
import type { LiveAdvice } from './live-advice.ts';
import { stateItemLines } from './state-lines.ts';

const SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.statewise.{yaml,yml,json}' }];

/**
 * CodeLens over requirements files (the verdict at the top, where each state item lives above it) and a status-bar
 * verdict for the active one. Both read the quiet live answer, so typing updates them without any message.
 */
export function registerEditorLenses(context: vscode.ExtensionContext, live: LiveAdvice): void {
  const changed = new vscode.EventEmitter<void>();
  const status = vscode.window.createStatusBarItem('statewise.verdict', vscode.StatusBarAlignment.Left, 50);
  status.name = 'statewise verdict';
  status.command = 'statewise.recommend';

  const lenses: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(doc) {
      const answer = await live.answer(doc);
      const top = new vscode.Range(0, 0, 0, 0);
      const out: vscode.CodeLens[] = [];
      if (answer.kind === 'advice') out.push(new vscode.CodeLens(top, { title: verdictLensTitle(answer.recommendation), command: 'statewise.recommend', arguments: [doc.uri], tooltip: answer.recommendation.summary }));
      if (answer.kind === 'invalid') out.push(new vscode.CodeLens(top, { title: `${answer.problems} problem${answer.problems === 1 ? '' : 's'}`, command: 'workbench.actions.view.problems' }));
      out.push(
        new vscode.CodeLens(top, { title: 'Recommend', command: 'statewise.recommend', arguments: [doc.uri], tooltip: 'Statewise: Recommend Architecture' }),
        new vscode.CodeLens(top, { title: 'Review', command: 'statewise.generateReview', arguments: [doc.uri], tooltip: 'Statewise: Generate Design Review' }),
      );
      if (answer.kind !== 'advice') return out;
      const placements = new Map(answer.recommendation.placements.filter((p) => !p.implied).map((p) => [p.state, p]));
      for (const { name, line } of stateItemLines(doc.getText())) {
        const p = placements.get(name);
        if (p) out.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: stateLensTitle(p), command: 'statewise.recommend', arguments: [doc.uri], tooltip: p.why.join('\n') }));
      }
      return out;
    },
  };

  let pending = 0;
  const refreshStatus = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isRequirementsFile(doc.fileName)) { status.hide(); return; }
    const ticket = ++pending;
    const answer = await live.answer(doc);
    if (ticket !== pending) return; // a newer edit or editor switch already asked
    if (answer.kind === 'unavailable') { status.hide(); return; }
    status.text = statusText(answer.kind === 'advice' ? { verdict: answer.recommendation } : answer.kind === 'invalid' ? { problems: answer.problems } : { server: answer.host });
    status.tooltip = answer.kind === 'advice' ? `${answer.recommendation.summary}\n\nClick: Recommend Architecture` : 'Click: Recommend Architecture';
    status.show();
  };

  context.subscriptions.push(
    changed, status,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.window.onDidChangeActiveTextEditor(() => void refreshStatus()),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === vscode.window.activeTextEditor?.document) void refreshStatus(); }),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('statewise')) { live.clear(); changed.fire(); void refreshStatus(); } }),
  );
  void refreshStatus();
}

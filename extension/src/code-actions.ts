import * as vscode from 'vscode';
import { parseRequirements, parseReviewProvenance } from '../../rules/index.ts';
import { isRequirementsFile } from './files.ts';
import { suggestionFixes } from '../../web/render/quick-fixes.ts';

/** The internal command a drift quick fix runs: regenerate the review from its source, then clear its diagnostic. */
export const REGENERATE_REVIEW = 'statewise.regenerateReview';

/**
 * Quick fixes: "did you mean" corrections on requirements files (the core's `Issue.suggestion`, so the CLI and the
 * editor propose the same spelling), and "Regenerate design review" on a review the drift check flagged.
 */
export function registerCodeActions(context: vscode.ExtensionContext): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, ctx) {
      const ours = ctx.diagnostics.filter((d) => d.source === 'statewise');
      if (!ours.length) return [];
      if (isRequirementsFile(doc.fileName)) return didYouMeanActions(doc, ours);
      return ours.filter((d) => d.code === 'review_drift' || d.code === 'review_provenance').map((d) => regenerateAction(doc, d));
    },
  };
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(
    [{ pattern: '**/*.statewise.{yaml,yml,json}' }, { language: 'markdown' }],
    provider,
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  ));
}

function didYouMeanActions(doc: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
  const text = doc.getText();
  const parsed = parseRequirements(text);
  if (parsed.ok) return [];
  const out: vscode.CodeAction[] = [];
  for (const fix of suggestionFixes(text, parsed.issues)) {
    const range = new vscode.Range(fix.range.startLine, fix.range.startCharacter, fix.range.endLine, fix.range.endCharacter);
    const diagnostic = diagnostics.find((d) => d.code === fix.code && d.range.isEqual(range));
    if (!diagnostic) continue;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(doc.uri, range, fix.newText);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    out.push(action);
  }
  return out;
}

function regenerateAction(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction('Regenerate design review', vscode.CodeActionKind.QuickFix);
  const prov = parseReviewProvenance(doc.getText());
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const source = prov.ok && prov.value.source && folder ? vscode.Uri.joinPath(folder.uri, prov.value.source) : undefined;
  action.command = { command: REGENERATE_REVIEW, title: 'Regenerate design review', arguments: [source, doc.uri] };
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

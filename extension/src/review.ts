import * as vscode from 'vscode';
import { join } from 'node:path';
import { existingReviewDate, relativeSource, reviewFileName, today } from '../../adapters/index.ts';
import type { Advisor, Source } from './advisor.ts';
import { readSettings } from './settings.ts';

/**
 * `statewise.generateReview`: writes `<statewise.reviewsFolder>/<service>.md`, opens it and offers the preview.
 * Regenerating keeps the existing review's date (as `statewise review` does), so the file does not churn.
 */
export async function generateReview(advisor: Advisor, source: Source): Promise<vscode.Uri | undefined> {
  const settings = readSettings(source.uri);
  if (!settings.workspaceFolder || !settings.reviewsDir) {
    void vscode.window.showErrorMessage('statewise: open a folder first; design reviews are written into the workspace (statewise.reviewsFolder).');
    return undefined;
  }
  // The review records the file's digest: what is on disk must be what was reviewed.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.uri?.toString());
  if (open?.isDirty && open.uri.scheme === 'file') await open.save();
  const rel = source.uri?.scheme === 'file' ? relativeSource(settings.workspaceFolder.uri.fsPath, source.uri.fsPath) : undefined;
  const advice = await advisor.advise(source);
  if (!advice) return undefined;
  const target = vscode.Uri.file(join(settings.reviewsDir, reviewFileName(advice.recommendation.service)));
  const date = existingReviewDate(target.fsPath) ?? today();
  const markdown = await advisor.review(source, advice, date, rel);
  if (markdown === undefined) return undefined;
  await vscode.workspace.fs.createDirectory(vscode.Uri.file(settings.reviewsDir));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preview: false });
  const shown = vscode.workspace.asRelativePath(target);
  void vscode.window
    .showInformationMessage(`statewise: design review written to ${shown} (verdict: ${advice.recommendation.verdict}).`, 'Open Preview')
    .then((choice) => choice && vscode.commands.executeCommand('markdown.showPreviewToSide', target));
  return target;
}

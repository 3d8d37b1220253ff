import * as vscode from 'vscode';
import { join } from 'node:path';
import type { Advisor, Source } from './advisor.ts';
import { REQUIREMENTS_GLOB, isRequirementsFile } from './files.ts';
import { answersToRequirements, requirementsYaml } from './guided-answers.ts';
import { askGuidedAnswers } from './guided-flow.ts';

/** The requirements source for a command: the given file, the active editor's, a picked workspace file, or none. */
export async function resolveSource(uri: vscode.Uri | undefined, options: { allowGuided: boolean }): Promise<Source | 'guided' | undefined> {
  if (uri instanceof vscode.Uri && isRequirementsFile(uri.fsPath)) return fromDocument(await vscode.workspace.openTextDocument(uri));
  const active = vscode.window.activeTextEditor?.document;
  if (active && isRequirementsFile(active.fileName)) return fromDocument(active);
  const files = await vscode.workspace.findFiles(REQUIREMENTS_GLOB, '**/node_modules/**', 100);
  if (files.length === 0) {
    if (options.allowGuided) return 'guided';
    void vscode.window.showWarningMessage('statewise: no *.statewise.yaml or *.statewise.json file in the workspace. Create one with "Statewise: New Requirements File".');
    return undefined;
  }
  const items: (vscode.QuickPickItem & { uri?: vscode.Uri })[] = files
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath))
    .map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f }));
  if (options.allowGuided) items.push({ label: '$(question) Answer a few questions instead…' });
  const chosen = await vscode.window.showQuickPick(items, { title: 'statewise: which requirements file?' });
  if (!chosen) return undefined;
  if (!chosen.uri) return 'guided';
  return fromDocument(await vscode.workspace.openTextDocument(chosen.uri));
}

export function fromDocument(doc: vscode.TextDocument): Source {
  return { text: doc.getText(), fileName: doc.fileName, uri: doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' ? doc.uri : undefined };
}

/** `statewise.recommend`: the answer for a requirements file (or guided answers) in the recommendation panel. */
export async function recommend(advisor: Advisor, show: (advice: NonNullable<Awaited<ReturnType<Advisor['advise']>>>, source: Source) => void, uri?: vscode.Uri): Promise<void> {
  let source = await resolveSource(uri, { allowGuided: true });
  if (source === 'guided') {
    const answers = await askGuidedAnswers();
    if (!answers) return;
    source = { text: requirementsYaml(answersToRequirements(answers)), fileName: `${answers.service}.statewise.yaml` };
  }
  if (!source) return;
  const advice = await advisor.advise(source);
  if (advice) show(advice, source);
}

/** Saves guided answers as a new requirements file (Save dialog, defaulting to the workspace root) and opens it. */
export async function saveRequirements(source: Source): Promise<Source | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showSaveDialog({
    title: 'Save statewise requirements',
    defaultUri: folder ? vscode.Uri.file(join(folder.uri.fsPath, source.fileName)) : undefined,
    filters: { 'statewise requirements': ['statewise.yaml', 'yaml'] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(source.text));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
  if (!isRequirementsFile(target.fsPath)) {
    void vscode.window.showWarningMessage('statewise: name the file <service>.statewise.yaml to get live checks and schema completion.');
  }
  return fromDocument(doc);
}

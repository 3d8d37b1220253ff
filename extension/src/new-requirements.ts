import * as vscode from 'vscode';
import { join } from 'node:path';
import { requirementsTemplate } from '../../adapters/index.ts';

/**
 * `statewise.newRequirements`: an unsaved `<name>.statewise.yaml` in the workspace holding the commented template.
 * It has its final file name from the start, so live diagnostics and schema validation apply while it is filled in.
 */
export async function newRequirementsFile(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  let uri: vscode.Uri;
  if (folder) {
    const name = await freeName(folder.uri.fsPath);
    uri = vscode.Uri.file(join(folder.uri.fsPath, `${name}.statewise.yaml`)).with({ scheme: 'untitled' });
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), requirementsTemplate(name)));
    // Put the cursor on the service name: the first thing to change.
    const line = doc.getText().split('\n').findIndex((l) => l.startsWith('service:'));
    if (line >= 0) editor.selection = new vscode.Selection(line, 9, line, 9 + name.length);
  } else {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: requirementsTemplate('my-service') });
    await vscode.window.showTextDocument(doc);
    void vscode.window.showInformationMessage('statewise: save this file as <service>.statewise.yaml to get live checks.');
  }
}

/** `my-service`, then `my-service-2`, … whichever has no file yet. */
async function freeName(dir: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? 'my-service' : `my-service-${n}`;
    try { await vscode.workspace.fs.stat(vscode.Uri.file(join(dir, `${name}.statewise.yaml`))); } catch { return name; }
  }
}

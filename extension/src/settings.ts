import * as vscode from 'vscode';
import { isAbsolute, join } from 'node:path';

/** The extension's settings, resolved once per command for the document it runs on. */
export interface Settings {
  /** Empty: the embedded engine. */
  serverUrl: string;
  timeoutMs: number;
  /** Absolute folder of custom catalogue files, when set. */
  rulesDir: string | undefined;
  /** Absolute folder design reviews are written to and checked in. */
  reviewsDir: string | undefined;
  workspaceFolder: vscode.WorkspaceFolder | undefined;
}

/** Reads `statewise.*` for a resource; folders are relative to its workspace folder. */
export function readSettings(resource?: vscode.Uri): Settings {
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration('statewise', resource ?? folder?.uri);
  const root = folder?.uri.fsPath;
  const inFolder = (p: string) => (!p ? undefined : isAbsolute(p) ? p : root ? join(root, p) : undefined);
  return {
    serverUrl: (config.get<string>('serverUrl') ?? '').trim(),
    timeoutMs: Math.max(1, config.get<number>('serverTimeoutSeconds') ?? 15) * 1000,
    rulesDir: inFolder((config.get<string>('rulesPath') ?? '').trim()),
    reviewsDir: inFolder((config.get<string>('reviewsFolder') ?? 'docs/design-reviews').trim() || 'docs/design-reviews'),
    workspaceFolder: folder,
  };
}

import * as vscode from 'vscode';
import { isAbsolute, join } from 'node:path';
import { RENAMED_SETTINGS, resolveSetting, type SettingName } from './setting-names.ts';

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

/** Reads `statewise.*` for a resource (new names first, then the deprecated ones); folders are relative to its workspace folder. */
export function readSettings(resource?: vscode.Uri): Settings {
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  const config = vscode.workspace.getConfiguration('statewise', resource ?? folder?.uri);
  const get = <T>(name: SettingName, fallback: T): T =>
    resolveSetting(config.inspect<T>(name), config.inspect<T>(RENAMED_SETTINGS[name]), fallback).value;
  const root = folder?.uri.fsPath;
  const inFolder = (p: string) => (!p ? undefined : isAbsolute(p) ? p : root ? join(root, p) : undefined);
  const text = (name: SettingName, fallback: string) => { const v = get<unknown>(name, fallback); return typeof v === 'string' ? v.trim() : fallback; };
  const seconds = get<unknown>('server.timeoutSeconds', 15);
  return {
    serverUrl: text('server.url', ''),
    timeoutMs: Math.max(1, typeof seconds === 'number' && Number.isFinite(seconds) ? seconds : 15) * 1000,
    rulesDir: inFolder(text('rules.folder', '')),
    reviewsDir: inFolder(text('reviews.folder', 'docs/design-reviews') || 'docs/design-reviews'),
    workspaceFolder: folder,
  };
}

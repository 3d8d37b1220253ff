/**
 * Settings are named by area since 0.2.0. The old flat names are still read (and marked deprecated in
 * package.json) so nobody's configuration silently stops working.
 */
export const RENAMED_SETTINGS = {
  'server.url': 'serverUrl',
  'server.timeoutSeconds': 'serverTimeoutSeconds',
  'rules.folder': 'rulesPath',
  'reviews.folder': 'reviewsFolder',
} as const;

export type SettingName = keyof typeof RENAMED_SETTINGS;

/** What `WorkspaceConfiguration.inspect` reports for one key (the scopes statewise settings can be set in). */
export interface Inspected<T> {
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** Most specific first: a folder's setting beats the workspace's, which beats the user's. */
const SCOPES = ['workspaceFolderValue', 'workspaceValue', 'globalValue'] as const;

/**
 * The effective value of a renamed setting: the most specific scope where either name is set decides; within one
 * scope the new name wins over the old. Neither set: the fallback (the default).
 * @example resolveSetting({ globalValue: 'a' }, { workspaceValue: 'b' }, '') → { value: 'b', from: 'legacy' }
 */
export function resolveSetting<T>(current: Inspected<T> | undefined, legacy: Inspected<T> | undefined, fallback: T): { value: T; from: 'current' | 'legacy' | 'default' } {
  for (const scope of SCOPES) {
    if (current?.[scope] !== undefined) return { value: current[scope] as T, from: 'current' };
    if (legacy?.[scope] !== undefined) return { value: legacy[scope] as T, from: 'legacy' };
  }
  return { value: fallback, from: 'default' };
}

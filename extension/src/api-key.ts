import * as vscode from 'vscode';

/** The API key for server mode lives in SecretStorage (the OS keychain), never in settings files. */
const SECRET_KEY = 'statewise.apiKey';

/** `statewise.setApiKey`: set, replace or (with an empty answer) remove the key. */
export async function setApiKey(secrets: vscode.SecretStorage): Promise<void> {
  const key = await vscode.window.showInputBox({
    title: 'statewise server API key',
    prompt: 'Sent as a bearer token to statewise.server.url. Leave empty to remove the stored key.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (/\s/.test(v.trim()) ? 'An API key has no spaces' : undefined),
  });
  if (key === undefined) return;
  if (key.trim() === '') {
    await secrets.delete(SECRET_KEY);
    void vscode.window.showInformationMessage('statewise: API key removed.');
  } else {
    await secrets.store(SECRET_KEY, key.trim());
    void vscode.window.showInformationMessage('statewise: API key stored in the secret store.');
  }
}

export function getApiKey(secrets: vscode.SecretStorage): Thenable<string | undefined> {
  return secrets.get(SECRET_KEY);
}

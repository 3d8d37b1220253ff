/** The VS Code panel's own chrome (the answer's look is ANSWER_CSS, shared with the playground). */
export const PANEL_CSS = `
body { padding: 0 1.5em 2em; }
.sw-toolbar { margin: 1em 0 0; }
.sw-toolbar button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 0.4em 0.9em; margin: 0 0.4em 0.4em 0; cursor: pointer; }
.sw-toolbar button:hover { background: var(--vscode-button-hoverBackground); }
.sw-toolbar button.secondary { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
footer { margin-top: 2em; color: var(--vscode-descriptionForeground); font-size: 0.9em; }
`;

/** The playground page's own layout (the answer's look is ANSWER_CSS, shared with the VS Code panel). */
export const PLAYGROUND_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: var(--sw-bg); color: var(--sw-fg); font-family: var(--sw-font); }
.pg-bar { display: flex; flex-wrap: wrap; gap: 0.6em 1.2em; align-items: center; padding: 0.6em 1em; border-bottom: 1px solid var(--sw-border); }
.pg-title { font-size: 1.1em; }
.pg-bar select, .pg-bar button { font: inherit; padding: 0.25em 0.6em; color: var(--sw-fg); background: var(--sw-card); border: 1px solid var(--sw-border); border-radius: 4px; }
.pg-bar button { background: var(--sw-accent); color: #fff; border-color: var(--sw-accent); cursor: pointer; }
.pg-bar button:disabled { opacity: 0.5; cursor: default; }
.pg-status { color: var(--sw-muted); font-size: 0.9em; }
.pg-layout { display: grid; grid-template-columns: minmax(320px, 38%) 1fr; height: calc(100% - 3.2em); }
.pg-editor-pane { display: flex; flex-direction: column; border-right: 1px solid var(--sw-border); min-height: 0; }
.pg-editor { flex: 1; display: flex; min-height: 0; font-family: var(--sw-mono); font-size: 13px; line-height: 20px; }
.pg-gutter { margin: 0; padding: 8px 6px 8px 0; min-width: 4.2em; text-align: right; color: var(--sw-muted); background: var(--sw-card); overflow: hidden; user-select: none; border-right: 1px solid var(--sw-border); }
.pg-gutter .pg-line { display: block; height: 20px; padding-left: 1.4em; }
.pg-gutter .pg-error { color: var(--sw-bad); font-weight: bold; background: var(--sw-banner-bg); }
.pg-gutter .pg-error::before { content: '●'; float: left; margin-left: -1.2em; }
/* The squiggles layer sits under the textarea and mirrors its text in transparent ink, so only the wavy underlines
   of the problem ranges show through; both scroll together. */
.pg-code { flex: 1; position: relative; min-width: 0; background: var(--sw-bg); }
#source, .pg-squiggles { position: absolute; inset: 0; margin: 0; padding: 8px; border: none; font: inherit; line-height: 20px; white-space: pre; tab-size: 2; }
#source { outline: none; resize: none; color: var(--sw-fg); background: transparent; overflow: auto; }
.pg-squiggles { color: transparent; overflow: hidden; pointer-events: none; }
.pg-squiggle { text-decoration: underline wavy var(--sw-bad); text-decoration-skip-ink: none; text-underline-offset: 4px; }
.pg-link { margin-left: auto; color: var(--sw-accent); }
.pg-fix { margin-left: 0.6em; font: inherit; font-size: 0.9em; padding: 0.05em 0.5em; color: var(--sw-fg); background: var(--sw-card); border: 1px solid var(--sw-border); border-radius: 4px; cursor: pointer; }
.pg-fix:hover { border-color: var(--sw-accent); }
.pg-problems { margin: 0; padding: 0; list-style: none; max-height: 30%; overflow: auto; border-top: 1px solid var(--sw-border); }
.pg-problems li { padding: 0.35em 0.8em; color: var(--sw-bad); cursor: pointer; font-size: 0.92em; }
.pg-problems li:hover { background: var(--sw-card); }
.pg-answer-pane { overflow: auto; padding: 0 1.5em 2em; min-height: 0; }
@media (max-width: 900px) { .pg-layout { grid-template-columns: 1fr; height: auto; } .pg-editor { height: 50vh; } }
`;

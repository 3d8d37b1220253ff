/**
 * The answer's stylesheet, shared by the panel and the playground. Colours come from `--sw-*` variables that each
 * host maps to its theme (VSCODE_THEME_CSS, PAGE_THEME_CSS), so bars, tracks and text stay readable in light and dark.
 */
export const ANSWER_CSS = `
.sw-answer { color: var(--sw-fg); font-family: var(--sw-font); line-height: 1.45; max-width: 1200px; }
.sw-answer h1 { font-size: 1.6em; margin: 0.3em 0 0.1em; } .sw-answer h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid var(--sw-border); padding-bottom: 0.2em; }
.sw-verdict { font-size: 1.25em; margin: 0; } .sw-verdict b { text-transform: uppercase; letter-spacing: 0.05em; color: var(--sw-accent); }
.sw-muted, .sw-answer small { color: var(--sw-muted); } .sw-answer code { font-family: var(--sw-mono); font-size: 0.95em; }
.sw-answer a { color: var(--sw-link); text-decoration: none; } .sw-answer a:hover { text-decoration: underline; }
.sw-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 0 2.5em; }
.sw-scores { display: grid; gap: 0.5em; max-width: 34em; }
.sw-score { display: grid; grid-template-columns: 6.5em 1fr 2.5em; gap: 0.6em; align-items: center; }
.sw-score.sw-chosen .sw-score-name { font-weight: bold; color: var(--sw-accent); }
.sw-bar { width: 100%; height: 14px; display: block; }
.sw-track { fill: var(--sw-track); } .sw-fill { fill: var(--sw-bar); } .sw-chosen .sw-fill { fill: var(--sw-accent); }
.sw-gauges { display: flex; flex-wrap: wrap; gap: 0.8em 1.2em; }
.sw-gauge { margin: 0; width: 9.5em; text-align: center; } .sw-gauge svg { width: 100%; height: auto; }
.sw-gauge-track, .sw-gauge-fill { fill: none; stroke-width: 10; stroke-linecap: butt; } .sw-gauge-track { stroke: var(--sw-track); }
.sw-good .sw-gauge-fill { stroke: var(--sw-good); } .sw-warn .sw-gauge-fill { stroke: var(--sw-warn); } .sw-bad .sw-gauge-fill { stroke: var(--sw-bad); }
.sw-gauge-value { fill: var(--sw-fg); font-size: 14px; font-weight: bold; } .sw-gauge figcaption { font-size: 0.85em; line-height: 1.3; }
.sw-diagram-box { margin: 0.5em 0; padding: 0.8em; border: 1px solid var(--sw-border); border-radius: 6px; background: var(--sw-card); overflow-x: auto; }
.sw-diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.sw-diagram-box.sw-rendered .sw-diagram-source { display: none; }
.sw-diagram-source { white-space: pre-wrap; font-family: var(--sw-mono); margin: 0; }
.sw-diagram-error { color: var(--sw-bad); }
.sw-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 0.8em; }
.sw-card { border: 1px solid var(--sw-border); border-left: 4px solid var(--sw-accent); border-radius: 6px; padding: 0.6em 0.8em; background: var(--sw-card); }
.sw-card-failed { border-left-color: var(--sw-bad); }
.sw-card header { font-size: 1.05em; display: flex; flex-wrap: wrap; gap: 0.4em; align-items: baseline; }
.sw-main-reason { margin: 0.4em 0; }
.sw-badge { display: inline-block; padding: 0 0.5em; border-radius: 999px; font-size: 0.85em; font-weight: bold; background: var(--sw-badge-bg); color: var(--sw-badge-fg); }
.sw-badge.sw-alt { background: transparent; color: var(--sw-fg); border: 1px solid var(--sw-border); font-weight: normal; }
.sw-tech { font-family: var(--sw-mono); font-size: 0.9em; color: var(--sw-muted); }
.sw-fail-mark { color: var(--sw-bad); font-weight: bold; font-size: 0.9em; }
.sw-card details { margin-top: 0.3em; } .sw-card summary { cursor: pointer; color: var(--sw-muted); }
.sw-card ul { margin: 0.3em 0; padding-left: 1.2em; } .sw-card li { margin: 0.25em 0; }
.sw-checks { list-style: none; padding-left: 0 !important; }
.sw-pass .sw-check-mark { color: var(--sw-good); } .sw-fail .sw-check-mark, .sw-fail code { color: var(--sw-bad); font-weight: bold; }
.sw-mini { width: 5em; height: 6px; vertical-align: middle; } .sw-good-fill { fill: var(--sw-good); } .sw-bad-fill { fill: var(--sw-bad); }
.sw-table { border-collapse: collapse; width: 100%; } .sw-table th, .sw-table td { text-align: left; vertical-align: top; padding: 0.3em 0.6em; border-bottom: 1px solid var(--sw-border); }
.sw-table tr.sw-chosen td { background: var(--sw-card); } .sw-table ul { margin: 0; padding-left: 1em; }
.sw-ok { color: var(--sw-good); font-weight: bold; } .sw-no { color: var(--sw-bad); font-weight: bold; }
.sw-notes ul { padding-left: 1.2em; } .sw-note { margin: 0.3em 0; border-left: 4px solid #d29922; padding-left: 0.5em; list-style: none; }
.sw-risks { list-style: none; padding: 0; } .sw-risk { margin: 0.4em 0; padding-left: 0.6em; border-left: 4px solid var(--sw-border); }
.sw-sev { display: inline-block; min-width: 5em; font-weight: bold; text-transform: uppercase; font-size: 0.85em; }
.sw-sev-high { border-left-color: var(--sw-bad); } .sw-sev-high .sw-sev { color: var(--sw-bad); }
.sw-sev-medium { border-left-color: var(--sw-warn); } .sw-sev-medium .sw-sev { color: var(--sw-warn); }
.sw-sev-low { border-left-color: var(--sw-good); } .sw-sev-low .sw-sev { color: var(--sw-good); }
.sw-factors { display: grid; gap: 0.7em; }
.sw-factor-legend { display: flex; justify-content: space-between; max-width: 24em; color: var(--sw-muted); font-size: 0.85em; }
.sw-factor { display: grid; grid-template-columns: 24em 3em 1fr; gap: 0.1em 0.8em; align-items: center; }
.sw-factor-title { grid-column: 1 / -1; }
.sw-diverging { width: 100%; height: 14px; } .sw-pos { fill: var(--sw-good); } .sw-neg { fill: var(--sw-bad); } .sw-axis { stroke: var(--sw-fg); stroke-width: 0.6; }
.sw-pos-text { color: var(--sw-good); } .sw-neg-text { color: var(--sw-bad); }
.sw-factor-because { grid-column: 1 / -1; color: var(--sw-muted); font-size: 0.9em; }
.sw-banner { padding: 0.5em 0.8em; border-radius: 4px; border: 1px solid var(--sw-bad); background: var(--sw-banner-bg); color: var(--sw-fg); font-weight: bold; }
/* The "showing the last valid answer" banner stays in sight however far the answer is scrolled. */
.sw-banner[role=alert] { position: sticky; top: 0.5em; z-index: 2; }
/* The failure grid: the theme's good / warn / bad mixed lightly, so the words in each cell stay readable in light and dark themes. */
.sw-failures caption { caption-side: bottom; text-align: left; font-size: 0.85em; padding-top: 0.4em; }
.sw-failures { table-layout: fixed; } .sw-failures thead th:first-child { width: 20%; }
.sw-failures th[scope=row] code { overflow-wrap: anywhere; }
.sw-failures-box { overflow-x: auto; }
.sw-failures td.sw-fcell { overflow-wrap: anywhere; font-variant-numeric: tabular-nums; border-left: 1px solid var(--sw-border); }
.sw-lost-nothing { background: color-mix(in srgb, var(--sw-good) 20%, transparent); }
.sw-lost-in-flight { background: color-mix(in srgb, var(--sw-warn) 10%, transparent); }
.sw-lost-seconds { background: color-mix(in srgb, var(--sw-warn) 35%, transparent); }
.sw-lost-all { background: color-mix(in srgb, var(--sw-bad) 30%, transparent); font-weight: bold; }
@media (max-width: 640px) { .sw-factor { grid-template-columns: 1fr 3em; } .sw-factor-others { grid-column: 1 / -1; } }
`;

/** Theme variables inside a VS Code webview: the workbench's own colours, so light, dark and high contrast work. */
export const VSCODE_THEME_CSS = `
:root {
  --sw-fg: var(--vscode-foreground); --sw-muted: var(--vscode-descriptionForeground); --sw-border: var(--vscode-panel-border, var(--vscode-widget-border, #8884));
  --sw-accent: var(--vscode-textLink-foreground); --sw-link: var(--vscode-textLink-foreground);
  --sw-track: var(--vscode-editorWidget-border, var(--vscode-input-background)); --sw-bar: var(--vscode-descriptionForeground);
  --sw-good: var(--vscode-testing-iconPassed, #388a34); --sw-warn: var(--vscode-editorWarning-foreground, #bf8803); --sw-bad: var(--vscode-errorForeground, #e51400);
  --sw-card: var(--vscode-editorWidget-background, transparent); --sw-badge-bg: var(--vscode-badge-background); --sw-badge-fg: var(--vscode-badge-foreground);
  --sw-banner-bg: var(--vscode-inputValidation-errorBackground, var(--vscode-editor-background));
  --sw-font: var(--vscode-font-family); --sw-mono: var(--vscode-editor-font-family, monospace);
}
`;

/** Theme variables for the web playground: light by default, dark when the system asks for it. */
export const PAGE_THEME_CSS = `
:root {
  color-scheme: light dark;
  --sw-fg: #1f2328; --sw-muted: #59636e; --sw-border: #d1d9e0; --sw-accent: #0969da; --sw-link: #0969da;
  --sw-track: #e6eaef; --sw-bar: #818b98; --sw-good: #1a7f37; --sw-warn: #9a6700; --sw-bad: #cf222e;
  --sw-card: #f6f8fa; --sw-badge-bg: #0969da; --sw-badge-fg: #ffffff; --sw-banner-bg: #ffebe9; --sw-bg: #ffffff;
  --sw-font: system-ui, -apple-system, 'Segoe UI', sans-serif; --sw-mono: ui-monospace, 'DejaVu Sans Mono', monospace;
}
@media (prefers-color-scheme: dark) { :root {
  --sw-fg: #e6edf3; --sw-muted: #9198a1; --sw-border: #3d444d; --sw-accent: #4493f8; --sw-link: #4493f8;
  --sw-track: #2a313c; --sw-bar: #9198a1; --sw-good: #3fb950; --sw-warn: #d29922; --sw-bad: #f85149;
  --sw-card: #151b23; --sw-badge-bg: #1f6feb; --sw-badge-fg: #ffffff; --sw-banner-bg: #3c1618; --sw-bg: #0d1117;
} }
`;

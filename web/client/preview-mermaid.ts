import { renderDiagrams } from './diagram.ts';

/**
 * VS Code's Markdown preview script (contributed as `markdown.previewScripts`, after the same local mermaid file the
 * panel uses): every ```mermaid fence becomes its diagram. The preview re-renders its content on each edit and then
 * fires `vscode.markdown.updateContent`, so the fences are converted again then.
 */
function convert(): void {
  const blocks = Array.from(document.querySelectorAll<HTMLElement>('pre > code.language-mermaid'));
  for (const code of blocks) {
    const pre = code.parentElement!;
    const box = document.createElement('figure');
    box.className = 'sw-diagram-box sw-preview-diagram';
    const target = document.createElement('div');
    target.className = 'sw-diagram';
    const source = document.createElement('pre');
    source.className = 'sw-diagram-source';
    source.textContent = code.textContent ?? '';
    box.append(target, source);
    pre.replaceWith(box);
  }
  if (blocks.length) void draw();
}

/** The preview loads its scripts `async`: mermaid may arrive after this script, so wait for it (a few seconds at most). */
async function draw(): Promise<void> {
  for (let waited = 0; !(globalThis as { mermaid?: unknown }).mermaid && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  await renderDiagrams(document, dark);
  // The preview has none of the answer's stylesheet: hide the source of a drawn diagram here.
  for (const source of Array.from(document.querySelectorAll<HTMLElement>('.sw-preview-diagram.sw-rendered .sw-diagram-source'))) source.hidden = true;
}

window.addEventListener('vscode.markdown.updateContent', convert);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', convert); else convert();

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
  if (blocks.length) {
    const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
    void renderDiagrams(document, dark).then(() => {
      for (const box of Array.from(document.querySelectorAll('.sw-preview-diagram.sw-rendered .sw-diagram-source'))) (box as HTMLElement).hidden = true;
    });
  }
}

window.addEventListener('vscode.markdown.updateContent', convert);
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', convert); else convert();

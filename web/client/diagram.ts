/** The page's mermaid (the library's own dist bundle, loaded as a local file before this script). */
interface Mermaid {
  initialize(config: object): void;
  render(id: string, code: string): Promise<{ svg: string }>;
}

let counter = 0;

/**
 * Renders every answer diagram under `root`: the Mermaid source in `.sw-diagram-source` (from the shared renderer)
 * becomes an SVG in `.sw-diagram`. On a Mermaid error the source stays visible with the message, never a blank box.
 */
export async function renderDiagrams(root: ParentNode, dark: boolean): Promise<void> {
  const mermaid = (globalThis as { mermaid?: Mermaid }).mermaid;
  for (const box of Array.from(root.querySelectorAll<HTMLElement>('.sw-diagram-box'))) {
    const source = box.querySelector('.sw-diagram-source')?.textContent ?? '';
    const target = box.querySelector<HTMLElement>('.sw-diagram');
    if (!target) continue;
    if (!mermaid) { target.textContent = 'mermaid did not load: the diagram source is shown instead.'; continue; }
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', flowchart: { useMaxWidth: true } });
    try {
      const { svg } = await mermaid.render(`sw-diagram-${++counter}`, source);
      target.innerHTML = svg; // mermaid's strict security level sanitizes every label it writes
      box.classList.add('sw-rendered');
    } catch (error) {
      target.textContent = `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      target.classList.add('sw-diagram-error');
      box.classList.remove('sw-rendered');
    }
  }
}

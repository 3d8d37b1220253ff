import type { Frame, Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Browserish = any; // evaluate callbacks run in the browser; the tsconfig has no DOM lib

/** What a rendered Mermaid diagram shows: its SVG labels (joined by " | ") and the ids of its nodes. */
export interface DiagramView { labels: string; nodes: string[] }

/**
 * Reads the diagram drawn under `selector` (a page, or a webview's frame): the same reading for the panel and the
 * playground, which share the renderer. Empty when no SVG is there yet.
 */
export async function readDiagram(target: Page | Frame, selector: string): Promise<DiagramView> {
  return (target as Page).evaluate((sel: string) => {
    const svg = (globalThis as Browserish).document.querySelector(sel);
    if (!svg) return { labels: '', nodes: [] };
    return {
      labels: Array.from(svg.querySelectorAll('.edgeLabel, .nodeLabel')).map((e: Browserish) => e.textContent ?? '').join(' | '),
      nodes: Array.from(svg.querySelectorAll('g.node')).map((g: Browserish) => g.id as string),
    };
  }, selector);
}

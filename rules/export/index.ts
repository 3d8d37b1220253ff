/** The answer in other tools' formats: Structurizr DSL, LikeC4, a Backstage catalog-info.yaml (the SVG is an adapter's: it needs a browser). */
export { architectureOf, type Architecture, type Part, type StorePart, type Link } from './architecture.ts';
export { structurizrWorkspace } from './structurizr.ts';
export { likec4Model } from './likec4.ts';
export { backstageCatalog, type BackstageOptions } from './backstage.ts';

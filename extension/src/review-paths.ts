/**
 * Where reviews live and what they record as their source: pure path arithmetic, unit-tested.
 * Paths inside a review are workspace-relative with forward slashes so a review reads the same on every OS.
 */

/** `<reviewsDir>/<service>.md`: one review per service, regenerated in place so drift shows up in diffs. */
export function reviewFileName(service: string): string {
  return `${service}.md`;
}

/**
 * The workspace-relative path of a file, or undefined when it lies outside the workspace folder.
 * @example relativeSource('/w', '/w/svc/a.statewise.yaml') === 'svc/a.statewise.yaml'
 */
export function relativeSource(workspaceRoot: string | undefined, file: string): string | undefined {
  if (!workspaceRoot) return undefined;
  const root = workspaceRoot.replace(/\\/g, '/').replace(/\/+$/, '') + '/';
  const path = file.replace(/\\/g, '/');
  return path.startsWith(root) ? path.slice(root.length) : undefined;
}

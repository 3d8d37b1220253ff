import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of statewise's own package.json, found by walking up from a module: the same answer from the sources
 * (server/routes/x.ts), from a bundle (dist/cli.cjs) and in the container image (/app/dist/cli.cjs), whose layouts
 * put the module at different depths. Assets (dist/web, examples/) are found from there.
 * @example join(packageRoot(import.meta.url), 'examples')
 */
export function packageRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && isStatewise(file)) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`statewise's package.json is not above ${fileURLToPath(moduleUrl)}: the install is broken`);
    dir = up;
  }
}

function isStatewise(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'statewise';
  } catch {
    return false;
  }
}

import pkg from '../package.json' with { type: 'json' };

/** statewise's version, read from package.json: the one place it is written (`--version`, the OpenAPI document). */
export const VERSION: string = pkg.version;

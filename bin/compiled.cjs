// Loads a CommonJS bundle from dist/ through V8's code cache (dist/<name>.cache, written by scripts/build.ts after a
// warm-up run): compiling the ~1 MB bundle and the functions a start runs was ~40 ms of a ~200 ms `advise`. A cache
// that V8 rejects (another Node version) only costs that compile again.
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/** Runs `file` as a CommonJS module and returns its exports and the compiled script (for createCachedData). */
function loadCompiled(file) {
  const cacheFile = `${file}.cache`;
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected === true : undefined };
}

/** Writes the code cache of a script loaded with loadCompiled (after it ran, so the functions it used are in it). */
function writeCodeCache(file, script) {
  writeFileSync(`${file}.cache`, script.createCachedData());
}

module.exports = { loadCompiled, writeCodeCache };

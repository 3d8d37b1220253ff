// Preloaded with `node --require` into a spawned CLI: writes its peak resident memory (KB) and the CPU time it used
// (ms) to stderr on exit, so a test can bound a real process's memory and work without any tool outside Node, and
// without reading wall time, which a loaded machine stretches.
process.on('exit', () => {
  const u = process.resourceUsage();
  require('node:fs').writeSync(2, `\nmaxrss-kb ${u.maxRSS} cpu-ms ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}\n`);
});

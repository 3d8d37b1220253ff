// Preloaded with `node --require` into a spawned CLI: writes its peak resident memory (KB) to stderr on exit, so a
// test can bound the memory of a real process without any tool outside Node.
process.on('exit', () => { require('node:fs').writeSync(2, `\nmaxrss-kb ${process.resourceUsage().maxRSS}\n`); });

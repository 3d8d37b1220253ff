import fc from 'fast-check';

/**
 * vitest setupFiles: every fc.assert of the run starts from STATEWISE_SEED (set by property-seed.ts), unless a test
 * fixes its own seed, and a failure says how to replay it (fast-check's report, then the command).
 */
const seed = Number(process.env.STATEWISE_SEED ?? 0);
fc.configureGlobal({
  seed,
  reporter: (details) => {
    if (!details.failed) return;
    const replay = `Replay: STATEWISE_SEED=${details.seed} npx vitest run <this file> (add path: ${JSON.stringify(details.counterexamplePath)} to fc.assert's options to jump to the shrunk case)`;
    throw new Error(`${fc.defaultReportMessage(details)}\n${replay}`);
  },
});

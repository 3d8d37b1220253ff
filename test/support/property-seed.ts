/**
 * vitest globalSetup: picks the seed every fast-check property of this run starts from (STATEWISE_SEED replays a
 * run) and says it once, so a failure on CI can be replayed locally. test/support/property-setup.ts hands it to
 * fast-check inside each test worker (workers inherit this process's environment).
 */
export default function setup(): void {
  const given = process.env.STATEWISE_SEED;
  const seed = given !== undefined && /^-?\d+$/.test(given) ? Number(given) : (Math.random() * 0x7fffffff) | 0;
  process.env.STATEWISE_SEED = String(seed);
  process.stdout.write(`property tests: seed ${seed}${given ? ' (from STATEWISE_SEED)' : ''}; replay with STATEWISE_SEED=${seed}\n`);
}

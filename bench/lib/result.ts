/** What every benchmark returns to the runner. */
export interface BenchOptions {
  /** Shorter runs for CI: fewer samples, shorter load tests. */
  quick: boolean;
  /** false (`--no-pin`): no taskset; server and load generator share every core (a machine others are using too). */
  pin?: boolean;
}

export interface Goal { goal: string; met: boolean; figure: string }

export interface BenchResult {
  name: string;
  /** The printed table(s). */
  text: string;
  /**
   * Machine-independent figures (ratios of two things measured in the same run) that CI compares with the
   * baseline in RESULTS.md. The name says which way is better: `x/y` where the benchmark documents it.
   */
  ratios: Record<string, number>;
  goals: Goal[];
}
